import { notifications } from '@mantine/notifications';
import { TRPCClientError } from '@trpc/client';
import type { Language } from './i18n.js';

interface ServerErrorData {
  text?: { vi: string; en: string };
  fieldErrors?: { path: string; message: { vi: string; en: string } }[] | null;
  httpStatus?: number;
}

const dataOf = (error: unknown): ServerErrorData | undefined =>
  error instanceof TRPCClientError ? (error.data as ServerErrorData | undefined) : undefined;

/** The HTTP status of a failed tRPC call (0 when the server was not reached). */
export const httpStatusOf = (error: unknown): number => dataOf(error)?.httpStatus ?? 0;

/** The server's person-facing message in the user's language, or a generic one (network down, …). */
export function errorText(error: unknown, language: Language): string {
  const text = dataOf(error)?.text;
  if (text) return text[language];
  return language === 'vi'
    ? 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'
    : 'Could not reach the server. Check the connection and try again.';
}

/**
 * The server's field errors keyed by path (`answers.KDC-1.numerator`, `decision.number`, …), in the user's
 * language, to show beside the fields.
 */
export function fieldErrorsOf(error: unknown, language: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of dataOf(error)?.fieldErrors ?? []) out[field.path] = field.message[language];
  return out;
}

/** Errors that are not about one field go to a notification, in the user's language. */
export function notifyError(error: unknown, language: Language): void {
  if (httpStatusOf(error) === 401) return; // the login form takes over, keeping the draft
  notifications.show({
    color: 'red',
    title: language === 'vi' ? 'Không thực hiện được' : 'Could not do that',
    message: errorText(error, language),
    autoClose: 8000,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}

/** A failed save: field errors show beside their fields; anything else becomes a notification. */
export function notifyUnlessFieldErrors(error: unknown, language: Language): void {
  if (Object.keys(fieldErrorsOf(error, language)).length === 0) notifyError(error, language);
}

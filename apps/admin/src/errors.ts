import { TRPCClientError } from '@trpc/client';
import type { Language } from './i18n.js';

interface ServerErrorData {
  text?: { vi: string; en: string };
}

/** The server's person-facing message in the user's language, or a generic one (network down, …). */
export function errorText(error: unknown, language: Language): string {
  if (error instanceof TRPCClientError) {
    const text = (error.data as ServerErrorData | undefined)?.text;
    if (text) return text[language];
  }
  return language === 'vi'
    ? 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'
    : 'Could not reach the server. Check the connection and try again.';
}

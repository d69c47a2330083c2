import {
  describeZodIssues,
  DomainError,
  isDomainError,
  MAX_BATCH_CALLS,
  type DomainErrorCode,
  type FieldError,
  type LocalizedText,
} from '@antoan/core';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';

const CODE_MAP: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID: 'BAD_REQUEST',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED: 'UNAUTHORIZED',
  // HTTP 429 (tRPC's own status for this code).
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
};

const DUPLICATE: LocalizedText = {
  vi: 'Bản ghi này vừa được tạo bởi một thao tác khác. Tải lại để xem.',
  en: 'This record was just created by another action. Reload to see it.',
};

/** A unique constraint refused a write: two people did the same thing at once (PostgreSQL 23505, SQLite). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The one place where a domain error (or a concurrent duplicate) becomes a transport error. */
export function toTRPCError(error: unknown): TRPCError | undefined {
  if (isDomainError(error)) {
    return new TRPCError({ code: CODE_MAP[error.code], message: error.text.en, cause: error });
  }
  if (isUniqueViolation(error)) {
    return new TRPCError({
      code: 'CONFLICT',
      message: DUPLICATE.en,
      cause: new DomainError('CONFLICT', DUPLICATE, { cause: error }),
    });
  }
  return undefined;
}

const INTERNAL_TEXT: LocalizedText = {
  vi: 'Lỗi hệ thống. Vui lòng thử lại sau.',
  en: 'Internal error. Please try again later.',
};
const BAD_REQUEST_TEXT: LocalizedText = {
  vi: 'Dữ liệu gửi lên không hợp lệ.',
  en: 'The input is not valid.',
};

const BATCH_TOO_LARGE: LocalizedText = {
  vi: `Một yêu cầu gộp chứa tối đa ${MAX_BATCH_CALLS} lệnh gọi.`,
  en: `A batched request carries at most ${MAX_BATCH_CALLS} calls.`,
};

/** The data added to every error response: the person-facing text in both languages and field errors. */
export interface ErrorData {
  text: LocalizedText;
  fieldErrors: FieldError[] | null;
}

export function describeError(error: TRPCError): ErrorData {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    return { text: BAD_REQUEST_TEXT, fieldErrors: describeZodIssues(cause.issues) };
  }
  if (isDomainError(cause)) return { text: cause.text, fieldErrors: null };
  if (error.code === 'INTERNAL_SERVER_ERROR') return { text: INTERNAL_TEXT, fieldErrors: null };
  // tRPC's own refusal of a batch over the handler's maxBatchSize (MAX_BATCH_CALLS), in English only.
  if (error.code === 'BAD_REQUEST' && error.message === 'Batch call exceeds maximum size')
    return { text: BATCH_TOO_LARGE, fieldErrors: null };
  return { text: { vi: error.message, en: error.message }, fieldErrors: null };
}

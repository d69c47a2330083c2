import type { Logger } from '@antoan/api';

function format(details?: Record<string, unknown>): string {
  if (!details) return '';
  const error = details.error;
  if (error instanceof Error) return ` ${error.stack ?? error.message}`;
  return ` ${JSON.stringify(details)}`;
}

export function createConsoleLogger(prefix: string): Logger {
  return {
    info: (message, details) => console.log(`[${prefix}] ${message}${format(details)}`),
    error: (message, details) => console.error(`[${prefix}] ${message}${format(details)}`),
  };
}

import type { Database } from '@antoan/db';
import type { Kysely } from 'kysely';

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** What every procedure receives. Built without an HTTP request, so tests call procedures directly. */
export interface Context {
  db: Kysely<Database>;
  /** The clock, injected: procedures never read `Date.now()` themselves. */
  now: () => Date;
  log: Logger;
}

export const silentLogger: Logger = { info: () => undefined, error: () => undefined };

export function createContextInner(options: {
  db: Kysely<Database>;
  now?: () => Date;
  log?: Logger;
}): Context {
  return { db: options.db, now: options.now ?? (() => new Date()), log: options.log ?? silentLogger };
}

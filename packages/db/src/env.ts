import { z } from 'zod';

// The configuration that the server and the worker share (both open the same database), and the one way
// both report a bad value: a single line naming the variable.

/** An empty variable (`PORT=`) counts as unset, so defaults apply. */
export const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const databaseEnvShape = {
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/./i, 'must be a postgres:// URL (leave it unset for the embedded SQLite file)')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** PostgreSQL connections each process may open (servers × pool + workers × pool < max_connections). */
  PG_POOL_SIZE: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int('must be a whole number 1–200')
      .min(1, 'must be a whole number 1–200')
      .max(200, 'must be a whole number 1–200')
      .default(10),
  ),
  /**
   * `auto` (default): migrate at start (several processes may start at once). `off`: never; wait until the
   * schema is current (`pnpm migrate` run by the operator before rolling the servers).
   */
  MIGRATE: z.preprocess(
    emptyAsUndefined,
    z.enum(['auto', 'off'], { message: 'must be "auto" or "off"' }).default('auto'),
  ),
};

export class EnvError extends Error {}

/** Parses environment variables with a zod object schema; a bad value throws an {@link EnvError} of one line. */
export function parseEnvironment<T extends z.ZodObject>(
  schema: T,
  source: Record<string, string | undefined>,
): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? '?');
  throw new EnvError(
    `Invalid environment variable ${name}=${JSON.stringify(source[name] ?? '')}: ${issue?.message ?? 'invalid'}`,
  );
}

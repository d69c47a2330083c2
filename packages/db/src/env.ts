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
};

export class EnvError extends Error {}

/** Parses environment variables with a zod object schema; a bad value throws an {@link EnvError} of one line. */
export function parseEnvironment<T extends z.ZodObject>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? '?');
  throw new EnvError(`Invalid environment variable ${name}=${JSON.stringify(source[name] ?? '')}: ${issue.message}`);
}

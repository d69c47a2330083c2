import { databaseEnvShape, emptyAsUndefined, parseEnvironment } from '@antoan/db/env';
import { z } from 'zod';

// Configuration is read here, once. No other file of the worker reads process.env.

export const envSchema = z.object({
  ...databaseEnvShape,
  HEARTBEAT_CRON: z.preprocess(emptyAsUndefined, z.string().default('*/5 * * * *')),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseEnvironment(envSchema, source);
}

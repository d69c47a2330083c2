import { databaseEnvShape, emptyAsUndefined, parseEnvironment } from '@antoan/db/env';
import { z } from 'zod';

// Configuration is read here, once. No other file of the server reads process.env.

const PORT_MESSAGE = 'must be a whole number from 0 to 65535';

export const envSchema = z.object({
  ...databaseEnvShape,
  PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ message: PORT_MESSAGE })
      .int(PORT_MESSAGE)
      .min(0, PORT_MESSAGE)
      .max(65535, PORT_MESSAGE)
      .default(3000),
  ),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  STATIC_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  SEED: z.preprocess(
    emptyAsUndefined,
    z.enum(['demo', 'demo-2022', 'none'], { message: 'must be "demo", "demo-2022" or "none"' }).default('demo'),
  ),
  ADMIN_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(10, 'must have at least 10 characters').optional()),
  COOKIE_SECURE: z.preprocess(
    emptyAsUndefined,
    z
      .enum(['true', 'false'], { message: 'must be "true" or "false"' })
      .default('false')
      .transform((v) => v === 'true'),
  ),
  // Behind a reverse proxy every client has the proxy's address: trust its X-Forwarded-For for the per-client
  // sign-in limit, and X-Forwarded-Host / -Proto for the cross-site check (only then, or anyone could claim any
  // address or host).
  TRUST_PROXY: z.preprocess(
    emptyAsUndefined,
    z
      .enum(['true', 'false'], { message: 'must be "true" or "false"' })
      .default('false')
      .transform((v) => v === 'true'),
  ),
  // The address browsers use, behind a reverse proxy: mutations must come from exactly this origin, whatever
  // Host header the proxy sends.
  PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => {
        try {
          const url = new URL(value);
          return /^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash;
        } catch {
          return false;
        }
      }, 'must be an http:// or https:// origin without a path, e.g. https://antoan.example.gov.vn')
      .optional(),
  ),
  SHUTDOWN_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0, 'must be a whole number of milliseconds').default(10_000),
  ),
  // After SIGTERM, /ready answers 503 at once; the port stays open this long before closing, for load balancers
  // that poll /ready (0: close at once, proxies retry a refused connection on another server).
  SHUTDOWN_READY_DELAY_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0, 'must be a whole number of milliseconds').max(600_000).default(0),
  ),
});

export type Env = z.infer<typeof envSchema>;

export { EnvError } from '@antoan/db/env';

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseEnvironment(envSchema, source);
}

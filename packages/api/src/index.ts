export { appRouter, createCaller, type AppRouter } from './root.js';
export {
  createContextInner,
  createHttpContext,
  findRequestSession,
  silentLogger,
  SESSION_COOKIE,
  type Context,
  type HttpContextOptions,
  type Logger,
  type SessionCache,
} from './context.js';
export { ensureFirstAdmin } from './auth.js';
export { hashPassword } from './password.js';
export type { ErrorData } from './errors.js';
export { PASSWORD_CHANGE_REQUIRED, type Access, type Meta } from './trpc.js';
export { AreaSummaries } from './area-summaries.js';
export { deepFreeze, VersionedCache } from './versioned-cache.js';
export { clientKey, LoginRateLimiter, type LoginRateLimiterOptions } from './login-limiter.js';
export type { ImportPlanRow, ImportResult } from './import-file.js';
export { Semaphore } from './limits/semaphore.js';

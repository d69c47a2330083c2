export { appRouter, createCaller, type AppRouter } from './root.js';
export {
  createContextInner,
  createHttpContext,
  silentLogger,
  SESSION_COOKIE,
  type Context,
  type HttpContextOptions,
  type Logger,
} from './context.js';
export { ensureFirstAdmin } from './auth.js';
export { hashPassword } from './password.js';
export type { ErrorData } from './errors.js';
export type { Access, Meta } from './trpc.js';
export { AreaSummaries } from './area-summaries.js';
export { LoginRateLimiter, type LoginRateLimiterOptions } from './login-limiter.js';
export type { ImportPlanRow, ImportResult } from './router/imports.router.js';

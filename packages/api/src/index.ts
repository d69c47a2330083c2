export { appRouter, createCaller, type AppRouter } from './root.js';
export { createContextInner, silentLogger, type Context, type Logger } from './context.js';
export type { ErrorData } from './errors.js';

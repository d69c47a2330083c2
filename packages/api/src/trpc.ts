import { initTRPC } from '@trpc/server';
import type { Context } from './context.js';
import { describeError, toTRPCError } from './errors.js';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const data = describeError(error);
    const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      // Users never see a stack or an internal message.
      message: isInternal ? data.text.en : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        text: data.text,
        fieldErrors: data.fieldErrors,
      },
    };
  },
});

/** Turns domain errors into transport errors and logs the unexpected ones with their cause. */
const errorMapping = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      ctx.log.error(`procedure ${path} failed`, { error: result.error.cause ?? result.error });
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(errorMapping);

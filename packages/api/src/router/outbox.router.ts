import { countOutbox, listOutbox } from '@antoan/db/worker';
import { z } from 'zod';
import { allow, protectedProcedure, router } from '../trpc.js';

export const outboxRouter = router({
  /** Mails waiting, sent, logged (no SMTP configured) or failed, with their last error: nothing is dropped silently. */
  list: protectedProcedure
    .meta(allow('outbox.read'))
    .input(
      z
        .object({
          status: z.enum(['pending', 'sending', 'sent', 'logged', 'failed']).optional(),
          limit: z.number().int().min(1).max(500).default(100),
        })
        .strict(),
    )
    .query(async ({ ctx, input }) => ({ items: await listOutbox(ctx.db, input), counts: await countOutbox(ctx.db) })),
});

import { countUnreadNotifications, listNotifications, markNotificationRead } from '@antoan/db/worker';
import { idSchema } from '@antoan/core';
import { z } from 'zod';
import { protectedProcedure, router } from '../trpc.js';

export const inboxRouter = router({
  /** The signed-in user's reminders and notifications (the same digests the worker mails), newest first. */
  list: protectedProcedure
    .meta({ access: 'authenticated' })
    .input(
      z
        .object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) })
        .strict(),
    )
    .query(async ({ ctx, input }) => ({
      items: await listNotifications(ctx.db, ctx.user.id, input),
      unread: await countUnreadNotifications(ctx.db, ctx.user.id),
    })),

  markRead: protectedProcedure
    .meta({ access: 'authenticated' })
    .input(z.object({ notificationId: idSchema }).strict())
    .mutation(async ({ ctx, input }) => ({
      changed: await markNotificationRead(ctx.db, ctx.user.id, input.notificationId, ctx.now()),
    })),
});

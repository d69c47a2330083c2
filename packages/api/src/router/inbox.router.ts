import {
  countOutbox,
  countUnreadNotifications,
  listNotifications,
  listOutbox,
  listSnapshots,
  markNotificationRead,
  requestSnapshot,
} from '@antoan/db/worker';
import { idSchema } from '@antoan/core';
import { writeAudit } from '@antoan/db';
import { z } from 'zod';
import { assertAreaInScope, scopeRootOf } from '../scope.js';
import { allow, protectedProcedure, router } from '../trpc.js';

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

const periodKey = z.string().regex(/^\d{4}-(Q[1-4]|\d{2}-\d{2})$/, 'YYYY-Qn or YYYY-MM-DD');

export const snapshotsRouter = router({
  /** Frozen statistics of an area over periods (the trend charts), or of the whole country for an admin. */
  list: protectedProcedure
    .meta(allow('data.read'))
    .input(z.object({ areaId: idSchema.optional(), periodKey: periodKey.optional() }).strict())
    .query(async ({ ctx, input }) => {
      let areaId: number | null;
      if (input.areaId !== undefined) {
        await assertAreaInScope(ctx, input.areaId);
        areaId = input.areaId;
      } else {
        const root = scopeRootOf(ctx.user);
        areaId = root === null ? null : root === 'none' ? -1 : root;
      }
      const snapshots = await listSnapshots(ctx.db, { areaId, periodKey: input.periodKey, limit: 200 });
      // The frozen membership stays in the database; the trend needs the figures.
      return snapshots.map(({ memberAreaIds: _areas, memberUnitIds: _units, ...rest }) => rest);
    }),

  /** Asks the worker for a snapshot now (an ended quarter `2022-Q4` or a past day); audited. */
  request: protectedProcedure
    .meta(allow('snapshots.request'))
    .input(z.object({ periodKey }).strict())
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const request = await requestSnapshot(trx, { periodKey: input.periodKey, requestedBy: ctx.user.id, now });
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'snapshot.request',
          entity: 'snapshot_request',
          entityId: request.id,
          before: null,
          after: request,
          at: now,
        });
        return request;
      });
    }),
});

import { listSnapshots, requestSnapshot } from '@antoan/db/worker';
import { idSchema } from '@antoan/core';
import { audited, snapshotTrend } from '@antoan/services';
import { z } from 'zod';
import { assertAreaInScope, scopeRootOf } from '../scope.js';
import { allow, protectedProcedure, router } from '../trpc.js';

const periodKey = z.string().regex(/^\d{4}-(Q[1-4]|\d{2}-\d{2})$/, 'YYYY-Qn or YYYY-MM-DD');

/** The area asked for (checked in scope), or the caller's whole scope: null for the whole set, -1 for none. */
async function snapshotArea(
  ctx: Parameters<typeof assertAreaInScope>[0],
  areaId: number | undefined,
): Promise<number | null> {
  if (areaId !== undefined) {
    await assertAreaInScope(ctx, areaId);
    return areaId;
  }
  const root = scopeRootOf(ctx.user);
  return root === null ? null : root === 'none' ? -1 : root;
}

export const snapshotsRouter = router({
  /** Frozen statistics of an area over periods (the trend charts), or of the whole country for an admin. */
  list: protectedProcedure
    .meta(allow('data.read'))
    .input(z.object({ areaId: idSchema.optional(), periodKey: periodKey.optional() }).strict())
    .query(async ({ ctx, input }) => {
      const areaId = await snapshotArea(ctx, input.areaId);
      const snapshots = await listSnapshots(ctx.db, { areaId, periodKey: input.periodKey, limit: 200 });
      // The frozen membership stays in the database; the trend needs the figures.
      return snapshots.map(({ memberAreaIds: _areas, memberUnitIds: _units, ...rest }) => rest);
    }),

  /**
   * The trend charts' points: an area's quarterly unit figures, with its predecessors' summed for the quarters
   * before a reorganisation made it (services' snapshotTrend).
   */
  trend: protectedProcedure
    .meta(allow('data.read'))
    .input(z.object({ areaId: idSchema.optional() }).strict())
    .query(async ({ ctx, input }) => snapshotTrend(ctx.db, await snapshotArea(ctx, input.areaId))),

  /** Asks the worker for a snapshot now (an ended quarter `2022-Q4` or a past day); audited. */
  request: protectedProcedure
    .meta(allow('snapshots.request'))
    .input(z.object({ periodKey }).strict())
    .mutation(({ ctx, input }) =>
      audited(ctx, { action: 'snapshot.request', entity: 'snapshot_request' }, async (trx, now) => {
        const request = await requestSnapshot(trx, { periodKey: input.periodKey, requestedBy: ctx.user.id, now });
        return { result: request, entityId: request.id, before: null, after: request };
      }),
    ),
});

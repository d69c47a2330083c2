import { listSnapshots, requestSnapshot } from '@antoan/db/worker';
import { idSchema } from '@antoan/core';
import { audited } from '@antoan/services';
import { z } from 'zod';
import { assertAreaInScope, scopeRootOf } from '../scope.js';
import { allow, protectedProcedure, router } from '../trpc.js';

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
    .mutation(({ ctx, input }) =>
      audited(ctx, { action: 'snapshot.request', entity: 'snapshot_request' }, async (trx, now) => {
        const request = await requestSnapshot(trx, { periodKey: input.periodKey, requestedBy: ctx.user.id, now });
        return { result: request, entityId: request.id, before: null, after: request };
      }),
    ),
});

import { idSchema } from '@antoan/core';
import { listAudit } from '@antoan/db';
import { z } from 'zod';
import { ADMIN_ONLY, protectedProcedure, router } from '../trpc.js';

export const auditRouter = router({
  /**
   * The newest audit records first (page with `beforeId`), optionally of one entity. Admin only: records
   * hold the before and after of any area's data (and users' e-mail addresses).
   */
  list: protectedProcedure
    .meta({ access: ADMIN_ONLY })
    .input(
      z
        .object({
          entity: z.string().max(50).optional(),
          entityId: z.string().max(50).optional(),
          beforeId: idSchema.optional(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .strict(),
    )
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
});

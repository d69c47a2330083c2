import { auditListInputSchema } from '@antoan/core';
import { listAudit, listAuditKinds } from '@antoan/db';
import { allow, protectedProcedure, router } from '../trpc.js';

/** The UTC instant a Vietnam calendar day (UTC+7, no daylight saving) starts at, `days` after `isoDate`. */
function vietnamDayStart(isoDate: string, days = 0): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days) - 7 * 3_600_000).toISOString();
}

export const auditRouter = router({
  /**
   * The newest audit records first (page with `beforeId`: the last id shown), filtered by who, action,
   * entity (and record) and Vietnam dates (`from`, `to` inclusive). Admin only: records hold the before and
   * after of any area's data (and users' e-mail addresses).
   */
  list: protectedProcedure
    .meta(allow('audit.read'))
    .input(auditListInputSchema)
    .query(({ ctx, input }) => {
      const { from, to, ...filter } = input;
      return listAudit(ctx.db, {
        ...filter,
        since: from === undefined ? undefined : vietnamDayStart(from),
        until: to === undefined ? undefined : vietnamDayStart(to, 1),
      });
    }),

  /** The actions and entities the log holds (the choices of the audit page's filters). */
  kinds: protectedProcedure.meta(allow('audit.read')).query(({ ctx }) => listAuditKinds(ctx.db)),
});

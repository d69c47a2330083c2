import { areaTreeInputSchema, buildAreaTree } from '@antoan/core';
import { listAreasOn } from '@antoan/db';
import { ALL_ROLES, protectedProcedure, router } from '../trpc.js';
import { vietnamToday } from '../time.js';
import { scopeRootOf } from '../scope.js';

export const areasRouter = router({
  /** The administrative tree as it was on a date (default: today in Vietnam), cut to the user's scope. */
  tree: protectedProcedure
    .meta({ access: ALL_ROLES })
    .input(areaTreeInputSchema)
    .query(async ({ ctx, input }) => {
      const date = input.date ?? vietnamToday(ctx.now());
      const roots = buildAreaTree(await listAreasOn(ctx.db, date), date);
      const root = scopeRootOf(ctx.user);
      if (root === null) return { date, roots };
      if (root === 'none') return { date, roots: [] };
      // The user's own area and what lies below it; iterative search (no recursion).
      const stack = [...roots];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (node.id === root) return { date, roots: [node] };
        stack.push(...node.children);
      }
      return { date, roots: [] };
    }),
});

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../trpc.js';
import type { UnitRow } from './UnitSelect.js';

const CHUNK = 40;
const NONE = new Map<number, UnitRow>();

/**
 * The units that records name by id (models' hosts, awards' recipients, reports' and incidents' units).
 * The record lists return ids only, so the names are read with `units.get`, 40 per request (one batched
 * call each), and cached per unit. A unit that cannot be read (deleted, out of scope) is left out.
 */
export function useUnits(ids: readonly number[]): { units: Map<number, UnitRow>; isPending: boolean } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const distinct = [...new Set(ids)].sort((a, b) => a - b);
  const query = useQuery({
    queryKey: ['records-units', distinct],
    queryFn: async () => {
      const out = new Map<number, UnitRow>();
      for (let i = 0; i < distinct.length; i += CHUNK) {
        const results = await Promise.allSettled(
          distinct.slice(i, i + CHUNK).map((unitId) => queryClient.fetchQuery({ ...trpc.units.get.queryOptions({ unitId }), staleTime: 5 * 60_000 })),
        );
        for (const r of results) if (r.status === 'fulfilled') out.set(r.value.id, r.value);
      }
      return out;
    },
    enabled: distinct.length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  return { units: query.data ?? NONE, isPending: distinct.length > 0 && query.isPending };
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc.js';
import type { UnitRow } from './UnitSelect.js';

const CHUNK = 1000;
const NONE = new Map<number, UnitRow>();

/**
 * The units that records name by id (models' hosts, awards' recipients, reports' and incidents' units), read
 * with `units.byIds` (up to 1,000 per call). A unit that cannot be read (deleted, out of scope) is left out.
 */
export function useUnits(ids: readonly number[]): { units: Map<number, UnitRow>; isPending: boolean } {
  const trpc = useTRPC();
  const distinct = [...new Set(ids)].sort((a, b) => a - b);
  const chunks: number[][] = [];
  for (let i = 0; i < distinct.length; i += CHUNK) chunks.push(distinct.slice(i, i + CHUNK));
  const query = useQuery({
    queryKey: ['records-units', distinct],
    queryFn: async ({ client }) => {
      const out = new Map<number, UnitRow>();
      for (const unitIds of chunks) {
        const units = await client.fetchQuery({ ...trpc.units.byIds.queryOptions({ unitIds }), staleTime: 5 * 60_000 });
        for (const unit of units) out.set(unit.id, unit);
      }
      return out;
    },
    enabled: distinct.length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  return { units: query.data ?? NONE, isPending: distinct.length > 0 && query.isPending };
}

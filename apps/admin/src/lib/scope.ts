import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useI18n } from '../i18n.js';
import { useTRPC, type RouterOutputs } from '../trpc.js';

/** The search params every page shares (kept across navigation): the chosen area and year. */
export interface AppSearch {
  area?: number;
  year?: number;
}

const positiveInt = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function validateAppSearch(search: Record<string, unknown>): AppSearch {
  const year = positiveInt(search.year);
  return {
    area: positiveInt(search.area),
    year: year !== undefined && year >= 2000 && year <= 2100 ? year : undefined,
  };
}

/** The chosen area (undefined: the user's whole scope) and year (default: the newest year with files). */
export function useScope(): {
  areaId: number | undefined;
  year: number | undefined;
  years: number[];
  setArea: (areaId: number | undefined) => void;
  setYear: (year: number) => void;
} {
  const trpc = useTRPC();
  const search: AppSearch = useSearch({ strict: false });
  const navigate = useNavigate();
  const years = useQuery({ ...trpc.stats.years.queryOptions(), staleTime: 5 * 60_000 });
  const setArea = useCallback(
    (area: number | undefined) => void navigate({ to: '.', search: (prev: AppSearch) => ({ ...prev, area }) }),
    [navigate],
  );
  const setYear = useCallback(
    (year: number) => void navigate({ to: '.', search: (prev: AppSearch) => ({ ...prev, year }) }),
    [navigate],
  );
  return {
    areaId: search.area,
    year: search.year ?? years.data?.latest,
    years: years.data?.years ?? [],
    setArea,
    setYear,
  };
}

type AreaNode = RouterOutputs['areas']['tree']['roots'][number];

/**
 * The name of an area of the user's tree, today's or (with `date`) as it was that day (undefined while loading,
 * for the whole scope, or for an area not in that tree).
 */
export function useAreaName(areaId: number | undefined, date?: string): string | undefined {
  const trpc = useTRPC();
  const tree = useQuery({
    ...trpc.areas.tree.queryOptions(date === undefined ? {} : { date }),
    staleTime: 10 * 60_000,
  });
  if (areaId === undefined || !tree.data) return undefined;
  const stack: AreaNode[] = [...tree.data.roots];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.id === areaId) return node.name;
    stack.push(...node.children);
  }
  return undefined;
}

/**
 * What the pages call the scope shown: the chosen area's name; with none chosen, the user's own area (a
 * commune officer's commune, not "the whole scope"), a unit reporter's unit, or "the whole scope" for an
 * administrator, whose scope is the whole tree.
 */
export function useScopeName(areaId: number | undefined): string {
  const trpc = useTRPC();
  const { t } = useI18n();
  const me = useQuery(trpc.auth.me.queryOptions());
  const isReporter = me.data?.role === 'unit_reporter';
  const own = isReporter ? undefined : (me.data?.areaId ?? undefined);
  const name = useAreaName(areaId ?? own);
  const unitId = me.data?.unitId ?? null;
  const unit = useQuery({
    ...trpc.units.get.queryOptions({ unitId: unitId ?? 0 }),
    enabled: isReporter && unitId !== null,
    staleTime: 10 * 60_000,
  });
  // A reporter sees one unit whatever area an address names.
  if (isReporter) return unit.data?.name ?? '…';
  if (areaId === undefined && own === undefined) return t('wholeScope');
  return name ?? '…';
}

import {
  computeModelStatistics,
  dueQuarters,
  ENGINE_VERSION,
  MISSING_REPORTS_LISTED,
  quarterBeganBefore,
  summarizeResultTotals,
  sumUnitStatistics,
  type AwardCount,
  type MovementModelRecord,
  type Quarter,
  type ResultTotal,
  type UnitStatistics,
} from '@antoan/core';
import {
  countAwardsByArea,
  findArea,
  listAreasOn,
  listLineage,
  listAreaTotals,
  listModels,
  listResultMembers,
  listResultYears,
  type Database,
  mustGet,
} from '@antoan/db';
import {
  discardSnapshot,
  listSnapshots,
  takeSnapshot,
  type ScopeSummary,
  type TakeSnapshotResult,
} from '@antoan/db/worker';
import type { Kysely } from 'kysely';
import { storeYearOnce } from './results.service.js';

interface Bucket {
  totals: ResultTotal[];
  awards: AwardCount[];
  models: MovementModelRecord[];
  missing: { unitId: number; year: number; quarter: Quarter }[];
  unitIds: number[];
  areaIds: number[];
}

const emptyBucket = (): Bucket => ({ totals: [], awards: [], models: [], missing: [], unitIds: [], areaIds: [] });

/**
 * The figures of the whole set and of every area that exists on `membershipDate`, for a snapshot: each area's
 * stored result totals, awards, models and units added to it and to its ancestors (as they were on that day),
 * then each scope assembled by core's summarizeResultTotals, the same builder as a single area's summary. A
 * year whose results are not stored yet is stored first (the worker is a writer of results like the API).
 */
export async function computeScopeSummaries(
  db: Kysely<Database>,
  options: { year: number; today: string; membershipDate?: string; now?: Date },
): Promise<ScopeSummary[]> {
  const { year, today } = options;
  const membershipDate = options.membershipDate ?? `${year}-12-31`;
  if (!(await listResultYears(db)).some((r) => r.year === year && r.engineVersion === ENGINE_VERSION)) {
    await storeYearOnce(db, year, options.now ?? new Date());
  }
  const areas = await listAreasOn(db, membershipDate);
  const areaById = new Map(areas.map((a) => [a.id, a]));
  // the scopes an area's data counts toward: itself and its ancestors that exist on the membership date
  const chains = new Map<number, number[]>();
  const chainOf = (areaId: number): number[] => {
    let chain = chains.get(areaId);
    if (chain) return chain;
    chain = [];
    const seen = new Set<number>();
    let current: number | null = areaById.has(areaId) ? areaId : null;
    while (current !== null && !seen.has(current)) {
      seen.add(current);
      chain.push(current);
      const parent: number | null = areaById.get(current)?.parentId ?? null;
      current = parent !== null && areaById.has(parent) ? parent : null;
    }
    chains.set(areaId, chain);
    return chain;
  };
  const all = emptyBucket();
  const buckets = new Map<number, Bucket>(areas.map((a) => [a.id, emptyBucket()]));
  // a chain holds only areas of the tree, each with its bucket
  const bucketsOf = (areaId: number) => chainOf(areaId).map((id) => mustGet(buckets, id, 'the bucket of area'));
  const each = (areaId: number, put: (b: Bucket) => void) => {
    put(all);
    for (const bucket of bucketsOf(areaId)) put(bucket);
  };
  for (const area of areas) for (const bucket of bucketsOf(area.id)) bucket.areaIds.push(area.id);

  const [totals, awards, models, members] = await Promise.all([
    listAreaTotals(db, year),
    countAwardsByArea(db, year),
    listModels(db, { date: membershipDate }),
    listResultMembers(db, year),
  ]);
  for (const t of totals) each(t.areaId, (b) => b.totals.push(t));
  for (const a of awards) each(a.areaId, (b) => b.awards.push(a));
  for (const m of models) each(m.areaId, (b) => b.models.push(m));
  for (const m of members) each(m.areaId, (b) => b.unitIds.push(m.unitId));
  // the first page of missing reports of each scope: due quarters in order, then unit id (members come sorted)
  for (const { quarter } of dueQuarters(year, today)) {
    const bit = 1 << (quarter - 1);
    for (const m of members) {
      if (m.excluded || m.reportsFiled & bit) continue;
      const entry = { unitId: m.unitId, year, quarter };
      each(m.areaId, (b) => {
        if (b.missing.length < MISSING_REPORTS_LISTED) b.missing.push(entry);
      });
    }
  }
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const summarize = (bucket: Bucket, areaId: number | null) => {
    const { byCategory: _byCategory, ...modelFigures } = computeModelStatistics(bucket.models, year, asOf);
    return summarizeResultTotals({
      areaId,
      year,
      today,
      totals: bucket.totals,
      awards: bucket.awards,
      models: modelFigures,
      missing: bucket.missing,
    });
  };
  const scopes: ScopeSummary[] = [
    {
      scopeKey: 'all',
      areaId: null,
      areaName: null,
      parentId: null,
      areaIds: [],
      unitIds: all.unitIds,
      summary: summarize(all, null),
    },
  ];
  for (const area of areas) {
    const bucket = mustGet(buckets, area.id, 'the bucket of area');
    scopes.push({
      scopeKey: `area:${area.id}`,
      areaId: area.id,
      areaName: area.name,
      parentId: area.parentId,
      areaIds: bucket.areaIds.sort((a, b) => a - b),
      unitIds: bucket.unitIds,
      summary: summarize(bucket, area.id),
    });
  }
  return scopes;
}

/**
 * Takes a period's snapshot again: discards what was frozen (audited, see discardSnapshot) and freezes the
 * figures of now's stored results. For a period frozen wrong, e.g. before the data was loaded.
 */
export async function redoSnapshot(
  db: Kysely<Database>,
  periodKey: string,
  options: { userId: number | null; reason: string; now: Date; owner?: string },
): Promise<{ discarded: number; result: TakeSnapshotResult }> {
  const discarded = await discardSnapshot(db, periodKey, options);
  const result = await takeSnapshot(db, {
    periodKey,
    now: options.now,
    owner: options.owner ?? `snapshot:redo:${options.now.getTime()}`,
    figures: (o) => computeScopeSummaries(db, { ...o, now: options.now }),
  });
  return { discarded, result };
}

/** A point of the trend charts: an area's unit figures frozen at a quarter's end. */
export interface TrendPoint {
  /** `YYYY-Qn`. */
  periodKey: string;
  year: number;
  units: UnitStatistics;
  /**
   * For a quarter before the area existed (it was made by a reorganisation): the areas whose frozen figures are
   * summed here (followed back through earlier reorganisations); `null` for the area's own snapshot.
   */
  composedOf: { id: number; name: string; until: string }[] | null;
}

const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

/**
 * The quarterly trend of an area (of the whole set with `areaId` null): its own snapshots, and for the quarters
 * that began before it existed, its predecessors' snapshots of that quarter summed where every one of them has
 * it (core's sumUnitStatistics) — a new commune's line goes on from its former communes' taken together. A
 * split is not followed: the former area's figures cannot be divided among its successors.
 */
export async function snapshotTrend(db: Kysely<Database>, areaId: number | null, depth = 0): Promise<TrendPoint[]> {
  const own: TrendPoint[] = (await listSnapshots(db, { areaId }))
    .filter((s) => QUARTER_KEY.test(s.periodKey))
    .map((s) => ({ periodKey: s.periodKey, year: s.year, units: s.statistics.units, composedOf: null }));
  if (areaId === null || depth >= 20) return own;
  const area = await findArea(db, areaId);
  const links = (await listLineage(db, areaId)).filter((l) => l.successorId === areaId && l.event !== 'split');
  if (!area || links.length === 0) return own;
  const predecessors = (await Promise.all(links.map((l) => findArea(db, l.predecessorId)))).flatMap((a) =>
    a ? [a] : [],
  );
  const theirs = await Promise.all(
    predecessors.map(async (p) => new Map((await snapshotTrend(db, p.id, depth + 1)).map((t) => [t.periodKey, t]))),
  );
  // the day the predecessors ended (an area may have been established before they were dissolved into it)
  const until = links.map((l) => l.effectiveDate).sort()[links.length - 1] ?? area.validFrom;
  const composedOf = predecessors.map((p) => ({
    id: p.id,
    name: p.name,
    until: links.find((l) => l.predecessorId === p.id)?.effectiveDate ?? until,
  }));
  const composed: TrendPoint[] = [];
  for (const [key, first] of theirs[0] ?? []) {
    const match = QUARTER_KEY.exec(key);
    if (!match || !quarterBeganBefore({ year: Number(match[1]), quarter: Number(match[2]) }, until)) continue;
    const parts = theirs.flatMap((m) => m.get(key) ?? []);
    if (parts.length < theirs.length) continue; // a predecessor has no figures of that quarter
    composed.push({
      periodKey: key,
      year: first.year,
      units: sumUnitStatistics(parts.map((p) => p.units)),
      composedOf,
    });
  }
  // a quarter the predecessors stood for is theirs, even where the area already had a snapshot of its own
  const composedKeys = new Set(composed.map((t) => t.periodKey));
  return [...composed, ...own.filter((t) => !composedKeys.has(t.periodKey))].sort((a, b) =>
    a.periodKey.localeCompare(b.periodKey),
  );
}

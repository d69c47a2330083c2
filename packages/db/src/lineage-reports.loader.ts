import {
  comparisonQuarters,
  inheritedReports,
  quarterBeganBefore,
  quarterPeriod,
  type QuarterRef,
  type ReportCountsRecord,
  type ReportLineageLink,
} from '@antoan/core';
import { sql, type Kysely } from 'kysely';
import { chunk } from './chunk.js';
import { QUARTERLY_COUNT_COLUMNS, toQuarterlyCounts } from './records.repository.js';
import type { Database } from './schema.js';

// The quarterly reports a unit born of a reorganisation inherits from its predecessors for a year's comparison
// windows (core's inheritedReports). Both engine loaders add them to the unit's own reports.

type ReportRow = { unit_id: number; year: number; quarter: number; submitted_at: string } & Record<
  (typeof QUARTERLY_COUNT_COLUMNS)[number],
  number
>;
type LinkRow = { predecessor_id: number; successor_id: number; effective_date: string; split: number | string };

/**
 * The quarters a year's comparison criteria read: the previous window's and this window's (core's
 * `comparisonQuarters` of `year − 1` and of `year`).
 */
export function windowQuarters(year: number): QuarterRef[] {
  return [...comparisonQuarters(year - 1), ...comparisonQuarters(year)];
}

/**
 * What the successors among `unitIds` (every unit when `undefined`) inherit of `quarters` (for the engine, a
 * year's {@link windowQuarters}; for the year's report flags, its four quarters): for each quarter that began
 * before the unit existed and that it did not file, its predecessors' reports summed, followed back through
 * earlier reorganisations; a split is not followed. Only the rows that can matter are read: a predecessor's
 * report of a quarter its successor filed itself, or of a quarter that began after the successor did, is not.
 * A year whose windows begin after every reorganisation reads nothing but the lineage's date filter.
 */
export async function loadInheritedReports(
  db: Kysely<Database>,
  quarters: readonly QuarterRef[],
  unitIds: readonly number[] | undefined,
): Promise<Map<number, ReportCountsRecord[]>> {
  const earliest = quarters.map((q) => quarterPeriod(q.year, q.quarter).from).sort()[0];
  if (earliest === undefined) return new Map();
  // a quarter of the windows that began before the link's effective date
  const beganBefore = sql.join(
    quarters.map(
      (q) =>
        sql`(r.year = ${q.year} and r.quarter = ${q.quarter} and l.effective_date > ${quarterPeriod(q.year, q.quarter).from})`,
    ),
    sql` or `,
  );
  const split = sql`(select count(*) from unit_lineage s where s.predecessor_id = l.predecessor_id) > 1`;
  const linksOf = (successors: readonly number[] | undefined) =>
    sql<LinkRow>`select l.predecessor_id, l.successor_id, l.effective_date, case when ${split} then 1 else 0 end as split
      from unit_lineage l where l.effective_date > ${earliest}${
        successors === undefined ? sql`` : sql` and l.successor_id in (${sql.join([...successors])})`
      }`.execute(db);
  // CROSS JOIN: SQLite keeps the lineage as the outer loop (by successor, then each predecessor's reports by the
  // report's key); with a plain join it read the window's quarters of every unit through the period index
  // first, which made each scoped read scan the quarters' reports (a 0.05-scale national year: 173 s).
  const rowsOf = (successors: readonly number[] | undefined) =>
    sql<ReportRow>`select l.predecessor_id as unit_id, r.year, r.quarter, r.submitted_at, ${sql.join(
      QUARTERLY_COUNT_COLUMNS.map((c) => sql.ref(`r.${c}`)),
    )}
      from unit_lineage l cross join quarterly_reports r
      where r.unit_id = l.predecessor_id and l.effective_date > ${earliest}${
        successors === undefined ? sql`` : sql` and l.successor_id in (${sql.join([...successors])})`
      }
        and not ${split} and (${beganBefore})
        and not exists (select 1 from quarterly_reports o
          where o.unit_id = l.successor_id and o.year = r.year and o.quarter = r.quarter)`.execute(db);

  // most years' windows begin after every reorganisation: one look at the lineage's dates (indexed) says so
  const reaching = await db
    .selectFrom('unit_lineage')
    .select('successor_id')
    .where('effective_date', '>', earliest)
    .limit(1)
    .executeTakeFirst();
  if (reaching === undefined) return new Map();

  const links: ReportLineageLink[] = [];
  const reports = new Map<number, ReportCountsRecord[]>();
  const take = (linkRows: readonly LinkRow[], reportRows: readonly ReportRow[]) => {
    for (const l of linkRows)
      links.push({
        predecessorId: Number(l.predecessor_id),
        successorId: Number(l.successor_id),
        effectiveDate: l.effective_date,
        split: Number(l.split) === 1,
      });
    for (const row of reportRows) {
      const id = Number(row.unit_id);
      const list = reports.get(id) ?? [];
      list.push({
        year: Number(row.year),
        quarter: Number(row.quarter),
        counts: toQuarterlyCounts(row),
        submittedAt: row.submitted_at,
      });
      reports.set(id, list);
    }
  };
  if (unitIds === undefined) {
    // the whole set: every link at once (the chain back through earlier reorganisations is in it)
    const [linkRows, reportRows] = await Promise.all([linksOf(undefined), rowsOf(undefined)]);
    take(linkRows.rows, reportRows.rows);
  } else {
    // a scope: the links into its units, then into their predecessors, as far back as the windows reach
    const seen = new Set<number>(unitIds);
    let frontier = [...unitIds];
    for (let depth = 0; frontier.length > 0 && depth < 50; depth++) {
      const next: number[] = [];
      for (const part of chunk(frontier, 500)) {
        const [linkRows, reportRows] = await Promise.all([linksOf(part), rowsOf(part)]);
        take(linkRows.rows, reportRows.rows);
        for (const l of linkRows.rows) {
          const id = Number(l.predecessor_id);
          if (Number(l.split) === 1 || seen.has(id)) continue;
          seen.add(id);
          next.push(id);
        }
      }
      frontier = next;
    }
  }
  if (links.length === 0) return new Map();
  const successors = unitIds ?? [...new Set(links.map((l) => l.successorId))];
  // The predecessors' rows read are only those of quarters their direct successor did not file. Further down a
  // chain (P → U → S), a quarter U did not file but S did would still come through U: what a unit filed itself
  // stands, so the heirs' own quarters are read (keys only, for the few units that inherit) and left out.
  const inherited = inheritedReports(successors, (id) => reports.get(id) ?? [], links);
  const filed = new Set<string>();
  for (const part of chunk([...inherited.keys()], 500))
    for (const row of await db
      .selectFrom('quarterly_reports')
      .select(['unit_id', 'year', 'quarter'])
      .where('unit_id', 'in', part)
      // a range of years on the (unit, year, quarter) key: a list of quarters would lead SQLite to the period index
      .where('year', '>=', Math.min(...quarters.map((q) => q.year)))
      .where('year', '<=', Math.max(...quarters.map((q) => q.year)))
      .execute())
      filed.add(`${row.unit_id}|${row.year}|${row.quarter}`);
  const out = new Map<number, ReportCountsRecord[]>();
  for (const [id, records] of inherited) {
    const kept = records.filter((r) => !filed.has(`${id}|${r.year}|${r.quarter}`));
    if (kept.length > 0) out.set(id, kept);
  }
  return out;
}

/**
 * The units that inherit a unit's report of a quarter (see {@link loadInheritedReports}): its successors that
 * began after the quarter began, not through a split, and theirs in turn. A change of that report must refresh
 * their results too.
 */
export async function unitsInheritingReport(
  db: Kysely<Database>,
  unitId: number,
  quarter: { year: number; quarter: number },
): Promise<number[]> {
  const found: number[] = [];
  const seen = new Set([unitId]);
  let frontier = [unitId];
  while (frontier.length > 0) {
    const links = await db
      .selectFrom('unit_lineage as l')
      .select(['l.successor_id', 'l.effective_date'])
      .where('l.predecessor_id', 'in', frontier)
      // not a split: the predecessor has this one successor
      .where((eb) =>
        eb(
          eb
            .selectFrom('unit_lineage as s')
            .select((sb) => sb.fn.countAll().as('n'))
            .whereRef('s.predecessor_id', '=', 'l.predecessor_id'),
          '=',
          1,
        ),
      )
      .execute();
    frontier = [];
    for (const l of links) {
      if (seen.has(l.successor_id) || !quarterBeganBefore(quarter, l.effective_date)) continue;
      seen.add(l.successor_id);
      found.push(l.successor_id);
      frontier.push(l.successor_id);
    }
  }
  return found;
}

/**
 * What a unit's file of `year` inherits (see {@link loadInheritedReports}), to say so beside its comparison: the
 * quarters its predecessors' reports stand for, and those predecessors (the unit's own lineage, not through a
 * split). `null` when it inherits nothing.
 */
export async function reportInheritanceOf(
  db: Kysely<Database>,
  unitId: number,
  year: number,
): Promise<{
  quarters: QuarterRef[];
  predecessors: { code: string; name: string; until: string }[];
} | null> {
  const inherited = (await loadInheritedReports(db, windowQuarters(year), [unitId])).get(unitId);
  if (inherited === undefined) return null;
  const predecessors = await db
    .selectFrom('unit_lineage as l')
    .innerJoin('units as u', 'u.id', 'l.predecessor_id')
    .select(['u.code', 'u.name', 'l.effective_date'])
    .where('l.successor_id', '=', unitId)
    .where((eb) =>
      eb(
        eb
          .selectFrom('unit_lineage as s')
          .select((sb) => sb.fn.countAll().as('n'))
          .whereRef('s.predecessor_id', '=', 'l.predecessor_id'),
        '=',
        1,
      ),
    )
    .orderBy('u.code')
    .execute();
  return {
    quarters: inherited.map((r) => ({ year: r.year, quarter: r.quarter as QuarterRef['quarter'] })),
    predecessors: predecessors.map((p) => ({ code: p.code, name: p.name, until: p.effective_date })),
  };
}

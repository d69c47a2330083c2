// pnpm bench:results [--data-dir DIR] [--http-seconds 10]: issue 13's figures on the national dataset
// (`pnpm seed:national --scale 1 --data-dir DIR` first; with DATABASE_URL, the PostgreSQL database instead).
// Measures and prints, asserts nothing:
//   - the full recompute of every year's stored results (time, RSS);
//   - results:verify afterwards (differences must be 0);
//   - summaries of the country, a province and a commune read from the stored results, beside their floor (the
//     GROUP BY over the same area's stored results alone), each the first read after a change;
//   - a change (an incident written and its commune group re-evaluated in one transaction);
//   - the real server: a commune's stats.summary over HTTP with autocannon (50 connections), RSS after a
//     country summary, and its latency while results:verify recomputes everything in another process.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { countUnitResults, deleteIncident, insertIncident, listResultYears, resolveSubtree } from '@antoan/db';
import { startDatabase } from '@antoan/db/client';
import {
  computeScopeSummaries,
  ensureResults,
  getAreaSummary,
  refreshResults,
  verifyResults,
  yearsOfIncident,
} from '@antoan/services';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startBenchServer } from './server-process.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'http-seconds': { type: 'string', default: '10' },
    year: { type: 'string', default: '2025' },
  },
});
const dataDir = path.resolve(
  process.env.INIT_CWD ?? process.cwd(),
  values['data-dir'] ?? process.env.BENCH_DATA_DIR ?? '/tmp/antoan-national',
);
const YEAR = Number(values.year);
const TODAY = `${YEAR + 1}-01-15`;
const databaseUrl = process.env.DATABASE_URL;
const rows: [string, string, string][] = [];
const record = (what: string, figure: string, target = '') => {
  rows.push([what, figure, target]);
  console.error(`  ${what}: ${figure}`);
};
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const percentile = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;
const mb = () => `${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`;
async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

const handle = await startDatabase({ databaseUrl, dataDir, log: (line) => console.error(line) });
const db = handle.db;
console.error(`dataset: ${databaseUrl ? 'PostgreSQL' : dataDir}, year ${YEAR}`);

// ── Full recompute (what the server does at start after an engine change) ────────────────────────────
await db.deleteFrom('result_years').execute();
const phases: string[] = [];
let mark = performance.now();
const [recomputeTook, years] = await time(() =>
  ensureResults(db, {
    now: new Date(),
    currentYear: YEAR,
    onProgress: (done, total, year) => {
      phases.push(`${year} ${Math.round(performance.now() - mark)} ms`);
      mark = performance.now();
      console.error(`    recomputed ${year} (${done}/${total})`);
    },
  }),
);
const units = Number(
  (
    await db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
record(
  `full recompute of the stored results, ${years.length} years × ${units.toLocaleString('en')} units`,
  `${(recomputeTook / 1000).toFixed(1)} s (${phases.join(', ')}); RSS after ${mb()}`,
  '≤ 30 s with progress; RSS ≤ 300 MB',
);

const [verifyTook, verified] = await time(() => verifyResults(db, { now: new Date() }));
record(
  'results:verify after the recompute',
  `${verified.differences.length} differences in ${verified.checked.toLocaleString('en')} results, ${(verifyTook / 1000).toFixed(1)} s`,
  '0 differences',
);

// ── Summaries from the stored results, each the first read after a change ────────────────────────────
// the first province and commune of the tree in force at the end of the year (on a dataset that spans the 2025
// reform, the areas of the old tree have ended by then)
const END = `${YEAR}-12-31`;
const inForce = () =>
  db
    .selectFrom('areas')
    .select('id')
    .where('valid_from', '<=', END)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', END)]));
const province = await inForce().where('level', '=', 'province').orderBy('id').executeTakeFirstOrThrow();
const commune = await inForce().where('level', '=', 'commune').orderBy('id').executeTakeFirstOrThrow();
// every commune, for the HTTP run that never reads the same summary twice in a row (each one a cache miss)
const communeIds = (await inForce().where('level', '=', 'commune').orderBy('id').execute()).map((a) => a.id);
const village = await db
  .selectFrom('units')
  .innerJoin('assessments', 'assessments.unit_id', 'units.id')
  .select('units.id')
  .where('units.area_id', '=', commune.id)
  .where('units.type', '=', 'KDC')
  .where('assessments.year', '=', YEAR)
  .orderBy('units.id')
  .executeTakeFirstOrThrow();
const changeTimes: number[] = [];
const incidents: number[] = [];
/** A change: an incident on the commune's village, written and its commune group re-evaluated in one transaction. */
async function change(i: number): Promise<void> {
  const [took] = await time(() =>
    db.transaction().execute(async (trx) => {
      const occurredOn = `${YEAR}-0${1 + (i % 9)}-1${i % 10}`;
      const incident = await insertIncident(
        trx,
        {
          unitId: village.id,
          occurredOn,
          criterionCode: 'KDC-3',
          item: 'e',
          description: 'đo hiệu năng',
          exception: null,
        },
        null,
        new Date(),
      );
      incidents.push(incident.id);
      await refreshResults(trx, { unitIds: [village.id], years: yearsOfIncident(occurredOn) }, new Date());
    }),
  );
  changeTimes.push(took);
}
let changes = 0;
for (const [label, areaId, runs, target] of [
  ['the whole country', undefined, 20, 'p95 ≤ 100 ms'],
  ['one province', province.id, 50, 'p95 ≤ 10 ms'],
  ['one commune', commune.id, 100, 'p95 ≤ 2 ms'],
] as const) {
  const reads: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < runs; i++) {
    await change(changes++);
    reads.push((await time(() => getAreaSummary(db, areaId, YEAR, TODAY)))[0]);
    floors.push(
      (
        await time(async () =>
          countUnitResults(db, {
            year: YEAR,
            areaIds: areaId === undefined ? undefined : await resolveSubtree(db, areaId, `${YEAR}-12-31`),
          }),
        )
      )[0],
    );
  }
  record(
    `summary of ${label}, first read after a change (${runs} runs)`,
    `p50 ${ms(percentile(reads, 50))}, p95 ${ms(percentile(reads, 95))}; floor (GROUP BY of the area's stored results) p50 ${ms(percentile(floors, 50))}; ratio ${(percentile(reads, 50) / percentile(floors, 50)).toFixed(1)}×`,
    target,
  );
}
// Across the 2025 reform: a province and a commune of the new tree read for a year before it existed, its
// figures then being those of its predecessors taken together (the area lineage), beside the same area's own year.
const lineageRows = await db.selectFrom('area_lineage').select('successor_id').limit(1).execute();
if (lineageRows.length > 0 && YEAR >= 2025) {
  for (const [label, areaId] of [
    ['a new province', province.id],
    ['a new commune', commune.id],
  ] as const) {
    const own: number[] = [];
    const composed: number[] = [];
    let predecessors = 0;
    for (let i = 0; i < 30; i++) {
      await change(changes++);
      own.push((await time(() => getAreaSummary(db, areaId, YEAR, TODAY)))[0]);
      const [took, past] = await time(() => getAreaSummary(db, areaId, 2024, TODAY));
      composed.push(took);
      predecessors = past.composedOf?.length ?? 0;
    }
    record(
      `${label}: ${YEAR} summary, and 2024 composed of its ${predecessors} predecessors (30 runs, each after a change)`,
      `${YEAR}: p50 ${ms(percentile(own, 50))}, p95 ${ms(percentile(own, 95))}; 2024 composed: p50 ${ms(percentile(composed, 50))}, p95 ${ms(percentile(composed, 95))}`,
      label === 'a new province' ? 'p95 ≤ 10 ms' : 'p95 ≤ 2 ms',
    );
  }
}
record(
  `a change: incident written + its commune group re-evaluated (${changeTimes.length} runs)`,
  `p50 ${ms(percentile(changeTimes, 50))}, p95 ${ms(percentile(changeTimes, 95))}`,
  'p95 ≤ 20 ms',
);
record('RSS of this process after the country summaries', mb(), '≤ 300 MB');
const [snapshotTook, scopes] = await time(() => computeScopeSummaries(db, { year: YEAR, today: TODAY }));
record(
  `snapshot figures of every scope (${scopes.length} scopes, from the stored totals)`,
  `${(snapshotTook / 1000).toFixed(2)} s`,
  '≤ 2 s',
);

// the benchmark's incidents go, and the stored results with them
await db.transaction().execute(async (trx) => {
  for (const id of incidents) await deleteIncident(trx, id);
  await refreshResults(
    trx,
    { unitIds: [village.id], years: [YEAR - 1, YEAR, YEAR + 1].filter((y) => y >= 2000) },
    new Date(),
  );
});
const after = await verifyResults(db, { now: new Date() });
record('results:verify after the benchmark’s writes (removed again)', `${after.differences.length} differences`, '0');
console.error(`stored years: ${(await listResultYears(db)).map((r) => r.year).join(', ')}`);
await handle.destroy();

// ── The real server over HTTP ─────────────────────────────────────────────────────────────────────────
const { baseUrl, cookie, rss, stop } = await startBenchServer({ dataDir, databaseUrl });
const summaryUrl = (areaId?: number) =>
  `${baseUrl}/trpc/stats.summary?input=${encodeURIComponent(JSON.stringify({ ...(areaId !== undefined && { areaId }), year: YEAR }))}`;
const country = await time(() => fetch(summaryUrl(), { headers: { cookie } }).then((r) => r.json()));
record('HTTP stats.summary of the whole country (first request)', ms(country[0]));
const memory = rss();
record('server RSS after a country summary (now / peak)', `${memory.rss} / ${memory.peak} MB`, '≤ 300 MB');
const result = await autocannon({
  url: summaryUrl(commune.id),
  connections: 50,
  duration: Number(values['http-seconds']),
  headers: { cookie },
});
const throughput = (r: autocannon.Result) =>
  `${Math.round(r.requests.average).toLocaleString('en')} req/s, p99 ${r.latency.p99} ms, ${r.errors} errors, ${r.non2xx} non-2xx`;
record(
  `HTTP GET a commune's stats.summary, 50 connections, ${values['http-seconds']} s, one server process (the same commune: kept by the data version after the first read)`,
  throughput(result),
  '≥ 3,000 req/s',
);
// The same load over every commune in turn (more of them than the server keeps): each
// request assembles its summary from the stored results, as the first read after a change does.
let next = 0;
const rotating = await autocannon({
  url: summaryUrl(commune.id),
  connections: 50,
  duration: Number(values['http-seconds']),
  headers: { cookie },
  requests: [
    {
      setupRequest: (request) => {
        const url = new URL(summaryUrl(communeIds[next++ % communeIds.length]));
        return { ...request, path: url.pathname + url.search };
      },
    },
  ],
});
record(
  `the same, every commune in turn (${communeIds.length.toLocaleString('en')} communes: no summary read twice in a row)`,
  throughput(rotating),
  '—',
);

// Background work beside the server: a full results:verify (every year recomputed from raw data) in its own
// process on the same database, while the server answers a commune's summary; its latency alone and meanwhile.
const verifyScript = fileURLToPath(new URL('../../../packages/services/scripts/results-verify.ts', import.meta.url));
const latencyOf = async (seconds: number) => {
  const r = await autocannon({ url: summaryUrl(commune.id), connections: 4, duration: seconds, headers: { cookie } });
  return `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms (${Math.round(r.requests.average)} req/s)`;
};
const alone = await latencyOf(5);
const background = spawn(
  process.execPath,
  ['--import', 'tsx', verifyScript, ...(databaseUrl ? [] : ['--data-dir', dataDir])],
  {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    stdio: 'ignore',
  },
);
const backgroundDone = new Promise((resolve) => background.on('exit', resolve));
await new Promise((resolve) => setTimeout(resolve, 2000));
const during = await latencyOf(10);
await backgroundDone;
record(
  "a commune's stats.summary (4 connections) alone / while results:verify recomputes every year in another process",
  `${alone} / ${during}`,
  'p99 ≤ 50 ms during background work',
);
await stop();

const width = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
console.log(`\n| measure${' '.repeat(width[0]! - 7)} | figure${' '.repeat(width[1]! - 6)} | target |`);
console.log(`|${'-'.repeat(width[0]! + 2)}|${'-'.repeat(width[1]! + 2)}|--------|`);
for (const [what, figure, target] of rows)
  console.log(`| ${what.padEnd(width[0]!)} | ${figure.padEnd(width[1]!)} | ${target} |`);

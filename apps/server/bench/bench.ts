// pnpm bench: the figures of issue 7 on the national dataset, printed as one table.
// BENCH_DATA_DIR (default /tmp/antoan-national) holds the dataset; it is generated when missing
// (BENCH_SCALE, default 1 = the whole country). Nothing here asserts: it measures and prints.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCaller, createContextInner, AreaSummaries } from '@antoan/api';
import { evaluateArea, findSheetTemplateForType, gradeSheet, TT124_2021 } from '@antoan/core';
import { listAssessedUnits, loadEvaluationInputs, migrateToLatest, subtreeAreaIds } from '@antoan/db';
import { openDatabase } from '@antoan/db/client';
import { seedNational } from '@antoan/db/seed';
import autocannon from 'autocannon';
import { startBenchServer } from './server-process.js';
import { sql } from 'kysely';

const dataDir = process.env.BENCH_DATA_DIR ?? '/tmp/antoan-national';
const scale = Number(process.env.BENCH_SCALE ?? '1');
const YEAR = 2025;
const rows: [string, string, string][] = [];
const record = (what: string, figure: string, target = '') => {
  rows.push([what, figure, target]);
  console.error(`  ${what}: ${figure}`);
};
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

// ── The dataset ──────────────────────────────────────────────────────────────────────────────────────
const handle = openDatabase({ dataDir });
if (
  !existsSync(path.join(dataDir, 'antoan.sqlite')) ||
  !(await handle.db
    .selectFrom('areas')
    .select('id')
    .limit(1)
    .executeTakeFirst()
    .catch(() => undefined))
) {
  await migrateToLatest(handle.db);
  console.error(`generating the national dataset (scale ${scale}) in ${dataDir} …`);
  const [took, report] = await time(() => seedNational(handle.db, { scale }));
  record(
    'seed:national (SQLite)',
    `${(took / 1000).toFixed(1)} s for ${report.units.toLocaleString('en')} units, ${report.reports.toLocaleString('en')} reports`,
    '< 180 s',
  );
}
const db = handle.db;
const counts = await db
  .selectFrom('units')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
console.error(`dataset: ${Number(counts.n).toLocaleString('en')} units in ${dataDir}`);

// ── Core throughput ──────────────────────────────────────────────────────────────────────────────────
const allUnits = await listAssessedUnits(db, undefined, `${YEAR}-12-31`);
const [loadTook, inputs] = await time(() =>
  loadEvaluationInputs(db, allUnits, YEAR, { areaId: undefined, date: `${YEAR}-12-31` }),
);
record('load the engine inputs of the whole country (SQL + JSON)', ms(loadTook));
const evalRuns: number[] = [];
for (let i = 0; i < 3; i++) evalRuns.push((await time(() => evaluateArea(inputs, { catalogue: TT124_2021 })))[0]);
record(
  `core evaluateArea, ${allUnits.length.toLocaleString('en')} units bottom-up (best of 3)`,
  `${ms(Math.min(...evalRuns))} = ${Math.round(allUnits.length / (Math.min(...evalRuns) / 1000)).toLocaleString('en')} units/s`,
  '< 1 s',
);
const template = findSheetTemplateForType('KDC')!;
const scores = Object.fromEntries(
  template.groups
    .flatMap((g) => g.items)
    .map((item) => [item.code, { self: item.maxPoints, verified: item.maxPoints * 0.9 }]),
);
const [gradeTook] = await time(() => {
  for (let i = 0; i < 100_000; i++)
    gradeSheet(template, { scores, incidents: [], standardMet: i % 10 !== 0 }, { detail: false });
});
record(
  'core gradeSheet, 100,000 sheets',
  `${ms(gradeTook)} = ${Math.round(100_000 / (gradeTook / 1000)).toLocaleString('en')} sheets/s`,
  '< 1 s',
);

// ── stats.summary beside the SQL floor ───────────────────────────────────────────────────────────────
const admin = {
  id: 1,
  username: 'bench',
  displayName: 'bench',
  role: 'admin' as const,
  areaId: null,
  unitId: null,
  email: null,
  isDisabled: false,
  mustChangePassword: false,
};
// Since issue 13 both read the stored results (there is no cache any more): "computed" and "cached" are kept
// as two series of the same read so that the table lines up with the earlier figures.
const callerWith = (summaries: AreaSummaries) =>
  createCaller(createContextInner({ db, user: admin, now: () => new Date('2026-11-27T03:00:00Z'), summaries }));
const warmCaller = callerWith(new AreaSummaries());
const province = await db
  .selectFrom('areas')
  .select('id')
  .where('level', '=', 'province')
  .orderBy('id')
  .executeTakeFirstOrThrow();
const commune = await db
  .selectFrom('areas')
  .select('id')
  .where('level', '=', 'commune')
  .orderBy('id')
  .executeTakeFirstOrThrow();

/** The floor: one hand-written aggregate of the same figures' raw material (units, registrations, decisions per type). */
async function floor(areaId: number | undefined) {
  return db
    .selectFrom('units')
    .leftJoin('assessments', (join) =>
      join.onRef('assessments.unit_id', '=', 'units.id').on('assessments.year', '=', YEAR),
    )
    .select([
      'units.type',
      (eb) => eb.fn.countAll<number>().as('total'),
      (eb) => eb.fn.count<number>('assessments.id').as('registered'),
      sql<number>`sum(case when assessments.status = 'recognised' then 1 else 0 end)`.as('recognised'),
    ])
    .$if(areaId !== undefined, (qb) => qb.where('units.area_id', 'in', subtreeAreaIds(db, areaId!, `${YEAR}-12-31`)))
    .groupBy('units.type')
    .execute();
}

for (const [label, areaId, runs, target] of [
  ['one commune', commune.id, 30, ''],
  ['one province', province.id, 8, '≤ 50 ms'],
  ['the whole country', undefined, 3, '≤ 300 ms p95, ≤ 2× floor'],
] as const) {
  const cold: number[] = [];
  const warm: number[] = [];
  const sqlFloor: number[] = [];
  for (let i = 0; i < runs; i++) {
    cold.push((await time(() => callerWith(new AreaSummaries()).stats.summary({ areaId, year: YEAR })))[0]);
    sqlFloor.push((await time(() => floor(areaId)))[0]);
  }
  await warmCaller.stats.summary({ areaId, year: YEAR });
  for (let i = 0; i < 50; i++) warm.push((await time(() => warmCaller.stats.summary({ areaId, year: YEAR })))[0]);
  const p50 = percentile(cold, 50);
  const floorP50 = percentile(sqlFloor, 50);
  record(
    `stats.summary, ${label}: computed (${runs} runs) / cached (50 runs)`,
    `computed p50 ${ms(p50)}, p95 ${ms(percentile(cold, 95))}; cached p50 ${ms(percentile(warm, 50))}, p95 ${ms(percentile(warm, 95))}; SQL floor p50 ${ms(floorP50)}, p95 ${ms(percentile(sqlFloor, 95))}; computed/floor ${(p50 / floorP50).toFixed(1)}×`,
    target,
  );
}
await handle.destroy();

// ── HTTP throughput and memory of the real server ────────────────────────────────────────────────────
const { baseUrl, cookie, rss, stop } = await startBenchServer({ dataDir });
const url = `${baseUrl}/trpc/stats.summary?input=${encodeURIComponent(JSON.stringify({ areaId: commune.id, year: YEAR }))}`;
await fetch(url, { headers: { cookie } });
const idle = rss();
const result = await autocannon({ url, connections: 50, duration: 15, headers: { cookie } });
const after = rss();
record(
  "HTTP GET a commune's stats.summary, 50 connections, 15 s",
  `${Math.round(result.requests.average).toLocaleString('en')} req/s, p99 ${result.latency.p99} ms, ${result.errors} errors, ${result.non2xx} non-2xx`,
  '≥ 1,500 req/s',
);
await fetch(`${baseUrl}/trpc/stats.summary?input=${encodeURIComponent(JSON.stringify({ year: YEAR }))}`, {
  headers: { cookie },
});
const afterCountry = rss();
record(
  'server RSS: idle / after the commune load / peak after a country summary',
  `${idle.rss.toFixed(0)} / ${after.rss.toFixed(0)} / ${afterCountry.peak.toFixed(0)} MB`,
  '≤ 300 MB',
);
await stop();

// ── The worker's jobs (apps/worker's own benchmark, run as a child process; its summary lines join the table) ──
if (process.env.BENCH_SKIP_WORKER !== '1') {
  console.error('running the worker benchmark (reminders, snapshot) …');
  const workerDir = fileURLToPath(new URL('../../worker', import.meta.url));
  const worker = spawn(process.execPath, ['--import', 'tsx', 'bench/worker.bench.ts'], {
    cwd: workerDir,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  worker.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  await new Promise((resolve) => worker.on('exit', resolve));
  for (const line of text.split('\n')) {
    const match = /^\s+(OK|SLOW)\s+(.+?)\s+([\d.]+) s$/.exec(line);
    if (match) record(`worker: ${match[2]}`, `${match[3]} s`, '< 10 s');
  }
}

// ── The table ────────────────────────────────────────────────────────────────────────────────────────
const width = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
console.log(`\n| measure${' '.repeat(width[0]! - 7)} | figure${' '.repeat(width[1]! - 6)} | target |`);
console.log(`|${'-'.repeat(width[0]! + 2)}|${'-'.repeat(width[1]! + 2)}|--------|`);
for (const [what, figure, target] of rows)
  console.log(`| ${what.padEnd(width[0]!)} | ${figure.padEnd(width[1]!)} | ${target} |`);

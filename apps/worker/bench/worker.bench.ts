// Benchmark of the worker at the national scale: `pnpm --filter @antoan/worker bench`.
//
// Generates (deterministically, in SQL) a national dataset in a temporary SQLite file: 34 provinces, 3,321
// communes, 100,000 villages, 3,321 commune units and 20,000 agencies, enterprises and schools (126,642 units),
// one reporter per unit plus commune and province officers (130k users), the 2026 assessments with their
// answers, quarterly reports 2024 Q1 – 2026 Q3 (10 % of the units missing 2026 Q3), models and awards.
// Then times, on the real code paths:
//   - the reminders of a day: loading the inputs, core's planReminders alone, and a whole run (load, plan,
//     one transaction storing every digest as a notification and a queued mail);
//   - a full snapshot of every area and the whole set (the year's results stored first, computeScopeSummaries,
//     then takeSnapshot end to end; the snapshot is removed again).
// Targets (issue 6): reminders < 10 s, full snapshot < 10 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEFAULT_REMINDER_SETTINGS,
  passingAnswers,
  planReminders,
  reminderOccasionsOn,
  TT124_2021,
  type CriterionAnswer,
  type UnitType,
} from '@antoan/core';
import { migrateToLatest } from '@antoan/db';
import { openDatabase } from '@antoan/db/client';
import { loadReminderInputs, SNAPSHOT_JOB, takeSnapshot } from '@antoan/db/worker';
import { computeScopeSummaries, ensureResults } from '@antoan/services';
import { sql, type Kysely } from 'kysely';
import { REMINDER_JOB, runReminders } from '../src/jobs/quarterly-reminder.job.js';

const PROVINCES = 34;
const COMMUNES = 3_321;
const VILLAGES = 100_000;
const OTHERS = 20_000;
const TARGET_MS = 10_000;

// BENCH_DATA_DIR keeps the generated dataset in that folder and reuses it on the next run.
const keepDir = process.env.BENCH_DATA_DIR;
const dataDir = keepDir ?? mkdtempSync(path.join(tmpdir(), 'antoan-worker-bench-'));
const handle = openDatabase({ dataDir });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw generation SQL outside the typed schema
const db = handle.db as unknown as Kysely<any>;

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms`);
  return { value, ms };
}

function fullAnswers(type: UnitType): Record<string, CriterionAnswer> {
  return passingAnswers(TT124_2021, type, (c) => (c.minimum < 1 ? 10 : 200));
}

async function generate(): Promise<void> {
  const run = (query: string) => sql.raw(query).execute(db);
  await run(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${PROVINCES})
    insert into areas (code, name, kind, level, parent_id, valid_from, valid_to, search_key, sort_key)
    select 'P' || i, 'Tỉnh ' || i, 'tinh', 'province', null, '2025-07-01', null, 'tinh ' || i, printf('tinh %03d', i) from n`);
  await run(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${COMMUNES})
    insert into areas (code, name, kind, level, parent_id, valid_from, valid_to, search_key, sort_key)
    select 'C' || i, 'Xã ' || i, 'xa', 'commune', (i - 1) % ${PROVINCES} + 1, '2025-07-01', null, 'xa ' || i, printf('xa %05d', i) from n`);
  // Communes have the ids PROVINCES + 1 … PROVINCES + COMMUNES (a fresh table).
  const commune = (i: string) => `${PROVINCES} + (${i} - 1) % ${COMMUNES} + 1`;
  await run(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${COMMUNES})
    insert into units (code, name, type, area_id, managing_level, search_key, sort_key)
    select 'XA-' || i, 'Xã ' || i, 'XA', ${commune('i')}, 'province', 'xa ' || i, printf('xa %05d', i) from n`);
  await run(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${VILLAGES})
    insert into units (code, name, type, area_id, managing_level, search_key, sort_key)
    select 'KDC-' || i, 'Thôn ' || i, 'KDC', ${commune('i')}, 'commune', 'thon ' || i, printf('thon %06d', i) from n`);
  await run(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${OTHERS})
    insert into units (code, name, type, area_id, managing_level, search_key, sort_key, enterprise_size, school_level)
    select 'O-' || i, 'Đơn vị ' || i, case i % 3 when 0 then 'CQ' when 1 then 'DN' else 'CSGD' end, ${commune('i')},
      case when i % 4 = 0 then 'province' else 'commune' end, 'don vi ' || i, printf('don vi %06d', i),
      case when i % 3 = 1 then 'medium' end, case when i % 3 = 2 then 'upper_secondary' end from n`);

  await run(`insert into users (username, display_name, password_hash, role, area_id, unit_id, email, created_at, password_changed_at)
    select 'u' || id, 'Người báo cáo ' || code, 'x', 'unit_reporter', area_id, id, 'u' || id || '@example.vn', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' from units`);
  await run(`insert into users (username, display_name, password_hash, role, area_id, unit_id, email, created_at, password_changed_at)
    select 'ca' || id, 'Công an ' || name, 'x', case level when 'commune' then 'commune_officer' else 'province_officer' end, id, null,
      'ca' || id || '@example.vn', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' from areas`);

  await run(`insert into assessments (unit_id, year, catalogue_id, status, registered_at)
    select id, 2026, '${TT124_2021.id}', case when id % 5 = 0 then 'registered' else 'self_assessed' end, '2026-03-10T02:00:00Z' from units where id % 20 <> 0`);
  const template: string[] = [];
  for (const type of ['KDC', 'XA', 'CQ', 'DN', 'CSGD'] as const) {
    for (const [code, answer] of Object.entries(fullAnswers(type)))
      template.push(`('${type}', '${code}', '${JSON.stringify(answer).replace(/'/g, "''")}')`);
  }
  await run(`create temp table answer_template (type text, code text, value text)`);
  await run(`insert into answer_template values ${template.join(', ')}`);
  await run(`insert into assessment_answers (assessment_id, criterion_code, value, evidence_note, evidence_links)
    select a.id, t.code, t.value, null, '[]' from assessments a join units u on u.id = a.unit_id join answer_template t on t.type = u.type`);

  await run(`create temp table quarters (year integer, quarter integer)`);
  await run(
    `insert into quarters values (2024,1),(2024,2),(2024,3),(2024,4),(2025,1),(2025,2),(2025,3),(2025,4),(2026,1),(2026,2),(2026,3)`,
  );
  await run(`insert into quarterly_reports (unit_id, year, quarter, crimes, social_evils, fires_explosions_accidents, propaganda_sessions,
      people_reached, tip_offs, new_models, meetings, notes, submitted_at)
    select u.id, q.year, q.quarter, (u.id + q.quarter) % 2, 0, 0, 2, 150, 1, 0, 2, null,
      printf('%04d-%02d-18T02:00:00Z', q.year, q.quarter * 3)
    from units u cross join quarters q where not (q.year = 2026 and q.quarter = 3 and u.id % 10 = 0)`);
  await run(`with recursive n(i) as (select 1 union all select i + 1 from n where i < 10000)
    insert into models (name, category, area_id, host_unit_id, started_on, stopped_on, sites, teams, is_advanced_example, search_key)
    select 'Mô hình ' || i, 'tu_quan', ${commune('i')}, null, printf('%04d-03-01', 2020 + i % 7), null, 1 + i % 3, i % 2, i % 10 = 0, 'mo hinh ' || i from n`);
  await run(`with recursive n(i) as (select 1 union all select i + 1 from n where i < 5000)
    insert into awards (kind, recipient_kind, area_id, unit_id, recipient_name, issuer, year, decision_number, decision_date)
    select case i % 2 when 0 then 'giay_khen' else 'bang_khen' end, 'collective', ${commune('i')}, null, 'Tập thể ' || i, 'Giám đốc Công an tỉnh', 2026, i || '/QĐ', '2026-08-19' from n`);
  await run('analyze');
}

try {
  await migrateToLatest(handle.db);
  const existing = await sql<{ n: number }>`select count(*) as n from units`.execute(db);
  if (Number(existing.rows[0]?.n) === 0) await timed('generate the national dataset (SQL)', generate);
  await db.deleteFrom('stat_snapshots').execute();
  await db.deleteFrom('mail_outbox').execute();
  await db.deleteFrom('notifications').execute();
  await db.deleteFrom('job_runs').execute();
  const counts = await sql<{ units: number; users: number; reports: number; answers: number }>`select
    (select count(*) from units) as units, (select count(*) from users) as users,
    (select count(*) from quarterly_reports) as reports, (select count(*) from assessment_answers) as answers`.execute(
    db,
  );
  console.log('dataset', counts.rows[0]);
  const results: { name: string; ms: number }[] = [];

  for (const day of ['2026-09-17', '2026-09-25']) {
    const occasions = reminderOccasionsOn(day);
    console.log(`\nreminders of ${day}: ${occasions.map((o) => o.key).join(', ')}`);
    const inputs = await timed('  load units, areas, users and facts', () =>
      loadReminderInputs(handle.db, occasions, day),
    );
    const plan = await timed('  core planReminders (pure, in memory)', () =>
      Promise.resolve(planReminders({ day, occasions, ...inputs.value })),
    );
    console.log(`  → ${plan.value.missing} missing, ${plan.value.digests.length} digests`);
    const full = await timed('  whole run: load + plan + store notifications and mails', () =>
      runReminders(handle.db, new Date(`${day}T01:00:00Z`), {
        settings: DEFAULT_REMINDER_SETTINGS,
        hour: 7,
        catchUpDays: 0,
        owner: 'bench',
        leaseMs: 600_000,
      }),
    );
    const outcome = full.value[0];
    if (outcome?.status !== 'done' || outcome.digests !== plan.value.digests.length)
      throw new Error(`unexpected outcome ${JSON.stringify(outcome)}`);
    results.push({ name: `reminders ${day} (whole run, ${outcome.digests} digests)`, ms: full.ms });
  }
  await db.deleteFrom('job_runs').where('job', '=', REMINDER_JOB).execute();

  // The latest year with files (2026 for the generated dataset; 2025 for pnpm seed:national's): a year without
  // data would measure nothing.
  const year = Number(
    (
      await db
        .selectFrom('assessments')
        .select((eb) => eb.fn.max('year').as('y'))
        .executeTakeFirstOrThrow()
    ).y,
  );
  const period = `${year}-Q3`;
  console.log(`\nsnapshot of ${period} (every area and the whole set)`);
  const stored = await timed(`  store the results of ${year} (skipped when stored)`, () =>
    ensureResults(handle.db, { now: new Date(), currentYear: year }),
  );
  console.log(`  → computed ${stored.value.join(', ') || 'nothing'}`);
  const summaries = await timed('  computeScopeSummaries (stored totals, rolled up)', () =>
    computeScopeSummaries(handle.db, { year, today: `${year}-09-30`, membershipDate: `${year}-09-30` }),
  );
  const all = summaries.value[0]!.summary;
  console.log(
    `  → ${summaries.value.length} scopes; whole set: ${all.units.all.total} units, KDC recognised ${all.units.byType.KDC.recognitionRate?.text}, reports ${all.reports.submitted}/${all.reports.expected}`,
  );
  // The benchmark's snapshot must not stay in a dataset it was given: an earlier one of the period is kept aside.
  const earlier = await db
    .selectFrom('job_runs')
    .select('id')
    .where('job', '=', SNAPSHOT_JOB)
    .where('period_key', '=', period)
    .executeTakeFirst();
  if (earlier) throw new Error(`the dataset already has a snapshot of ${period}: use another BENCH_DATA_DIR`);
  const now = new Date(`${year}-10-01T00:00:00Z`);
  const snapshot = await timed('  takeSnapshot end to end (claim, compute, one transaction)', () =>
    takeSnapshot(handle.db, {
      periodKey: period,
      now,
      owner: 'bench',
      figures: (o) => computeScopeSummaries(handle.db, { ...o, now }),
    }),
  );
  await db.deleteFrom('stat_snapshots').where('period_key', '=', period).execute();
  await db.deleteFrom('job_runs').where('job', '=', SNAPSHOT_JOB).where('period_key', '=', period).execute();
  if (snapshot.value.status !== 'done') throw new Error('snapshot skipped');
  results.push({ name: `full snapshot (${snapshot.value.scopes} scopes)`, ms: snapshot.ms });

  console.log('\nsummary (target < 10 s each)');
  for (const r of results)
    console.log(`  ${r.ms < TARGET_MS ? 'OK  ' : 'SLOW'} ${r.name.padEnd(52)} ${(r.ms / 1000).toFixed(2)} s`);
  if (results.some((r) => r.ms >= TARGET_MS)) process.exitCode = 1;
} finally {
  await handle.destroy();
  if (!keepDir) rmSync(dataDir, { recursive: true, force: true });
}

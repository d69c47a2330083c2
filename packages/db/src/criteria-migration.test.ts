import { evaluateArea, TT124_2021 } from '@antoan/core';
import { Migrator, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAssessment } from './assessment.repository.js';
import type { DatabaseHandle } from './client.js';
import { listAssessedUnitsByIds, loadEvaluationInputs } from './evaluation.loader.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import { seedDemo } from './seed/index.js';
import { createTestDatabase } from './testing.js';

// Migration 2026-12-01-1002 on a copy of the demo database whose files were written in the old shape (as
// the seed and the SPA wrote them before issue 14): 2021 under tt23-2012, 2022 under tt124-2021.

const BEFORE = '2026-11-26-0005-login-lockout';

type Answer = Record<string, unknown>;
/** The answers of the old catalogues, by unit type and catalogue. */
function oldAnswers(type: string, catalogueId: string, people: number): Record<string, Answer> {
  const yes = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, true]));
  switch (type) {
    case 'KDC':
      return {
        'KDC-1': { checks: yes('resolution', 'registration'), numerator: people, denominator: people },
        'KDC-2': { checks: yes('carried-out') },
        'KDC-5': { checks: yes('forces', 'models') },
      };
    case 'XA':
      return catalogueId === 'tt23-2012'
        ? {
            'XA-1': { checks: yes('resolution', 'plan', 'registration') },
            'XA-3': { checks: yes('advanced-unit', 'no-discipline') },
          }
        : { 'XA-1': { checks: yes('resolution', 'plan', 'registration', 'model') } };
    case 'CQ':
    case 'DN':
      return {
        'CQDN-1': {
          checks: yes('resolution', 'plan', 'registration', 'internal-rules', 'model'),
          numerator: people,
          denominator: people,
        },
        'CQDN-2': { checks: yes('policy', 'coordination') },
      };
    default:
      return {
        'CSGD-1': { checks: yes('registration', 'plan') },
        'CSGD-2': { checks: yes('model') },
        'CSGD-3': { checks: { coordination: false } },
        'CSGD-6': { checks: yes('staff') },
      };
  }
}

let handle: DatabaseHandle;
let db: Kysely<Database>;
const unitId = new Map<string, number>();
const before: { assessment_id: number; criterion_code: string; value: string; evidence_note: string | null }[] = [];
let applied: string[] = [];

beforeAll(async () => {
  handle = await createTestDatabase(undefined, { migrate: false });
  db = handle.db;
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const to = await migrator.migrateTo(BEFORE);
  if (to.error) throw new Error(`migrating to ${BEFORE} failed`, { cause: to.error });
  await seedDemo(handle.db, { withHistory: false }); // the demo's tree and units, at the old schema
  const units = (await db.selectFrom('units').select(['id', 'code', 'type']).execute()) as {
    id: number;
    code: string;
    type: string;
  }[];
  for (const u of units) unitId.set(u.code, u.id);
  for (const [year, catalogueId] of [
    [2021, 'tt23-2012'],
    [2022, 'tt124-2021'],
  ] as const) {
    for (const u of units) {
      const { id } = await db
        .insertInto('assessments')
        .values({
          unit_id: u.id,
          year,
          catalogue_id: catalogueId,
          status: 'recognised',
          is_locked: 1,
          registered_at: `${year}-03-10T02:00:00.000Z`,
          decided_at: `${year}-12-20T02:00:00.000Z`,
          decision_number: `${u.id}/QĐ-UBND`,
          decision_date: `${year}-12-20`,
          decision_authority: 'UBND thị xã Ba Đồn',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const answers = oldAnswers(u.type, catalogueId, 150);
      if (u.code === 'XA-QB-BD-QHAI' && year === 2021)
        answers['XA-3'] = { checks: { 'advanced-unit': true, 'no-discipline': false } };
      for (const [code, answer] of Object.entries(answers)) {
        const row = {
          assessment_id: id,
          criterion_code: code,
          value: JSON.stringify(answer),
          evidence_note: `Minh chứng ${code}`,
          evidence_links: '[]',
        };
        before.push(row);
        await db.insertInto('assessment_answers').values(row).execute();
      }
    }
  }
  const incident = (code: string, occurredOn: string, criterionCode: string, item: string | null) =>
    db
      .insertInto('incidents')
      .values({
        unit_id: unitId.get(code)!,
        occurred_on: occurredOn,
        criterion_code: criterionCode,
        item,
        description: `${criterionCode} ${item ?? ''}`,
        created_at: `${occurredOn}T03:00:00.000Z`,
        created_by: null,
      })
      .execute();
  await incident('KDC-QB-BD-QTIEN-3', '2021-08-12', 'KDC-3', 'e');
  await incident('XA-QB-BD-QSON', '2022-03-01', 'XA-3', null); // a disciplined police officer, 124/2021 window
  await incident('XA-QB-BD-QSON', '2021-03-01', 'XA-3', null); // under 23/2012: left as it was
  await incident('CQ-BD-02', '2022-04-01', 'CQDN-3', 'c'); // leak of secrets → (e)
  await incident('CQ-BD-03', '2022-04-02', 'CQDN-3', 'b'); // theft of high-value assets: no equivalent
  await incident('DN-BD-01', '2022-04-03', 'CQDN-3', 'd'); // serious fire or accident → (g)
  await incident('DN-BD-02', '2021-05-01', 'CQDN-3', 'a'); // 23/2012 window: its list is unchanged
  await incident('CSGD-BD-THCS-1', '2022-02-01', 'CSGD-4', 'c'); // illegal religion → CSGD-3 (a)
  await incident('CSGD-BD-THCS-2', '2022-02-02', 'CSGD-5', null); // school violence → CSGD-4 (a)
  await incident('CSGD-BD-THCS-3', '2022-02-03', 'CSGD-4', 'b'); // inciting students: no single equivalent

  applied = (await migrateToLatest(handle.db)).applied;
}, 60_000);
afterAll(() => handle.destroy());

const fileOf = async (code: string, year: number) => (await findAssessment(handle.db, unitId.get(code)!, year))!;

describe('migration 2026-12-01-1002: stored data moved to the corrected criteria, not dropped', () => {
  it('applies the issue-14 migrations', () => {
    expect(applied).toEqual([
      '2026-12-01-0006-unit-results',
      '2026-12-01-1001-incident-exceptions-review',
      '2026-12-01-1002-criteria-as-the-law-writes-them',
      '2026-12-01-1003-recognition-authority',
      '2026-12-01-1501-locked-results',
      '2026-12-01-1502-dated-units',
      '2026-12-01-1503-unit-lineage',
      '2026-12-01-1601-user-must-change-password',
      '2026-12-01-1611-reminder-deliveries',
      '2026-12-01-1901-login-limits',
      '2026-12-01-2001-unit-versions',
      '2026-12-02-2001-unit-lineage-date',
    ]);
  });

  it('a 2022 village: KDC-1 keeps its checks, its figures (another population) and KDC-5 move to legacy, evidence stays', async () => {
    const file = await fileOf('KDC-QB-BD-QHAI-1', 2022);
    expect(file.answers['KDC-1']).toEqual({
      answer: { checks: { resolution: true, registration: true } },
      evidence: { note: 'Minh chứng KDC-1', links: [] },
      legacy: { checks: { resolution: true, registration: true }, numerator: 150, denominator: 150 },
    });
    expect(file.answers['KDC-2']).toEqual({
      answer: { checks: { 'carried-out': true } },
      evidence: { note: 'Minh chứng KDC-2', links: [] },
    });
    expect(file.answers['KDC-5']).toEqual({
      answer: {},
      evidence: { note: 'Minh chứng KDC-5', links: [] },
      legacy: { checks: { forces: true, models: true } },
    });
    expect(file.criteriaToReview).toEqual(['KDC-1', 'KDC-4', 'KDC-5']);
  });

  it('a 2021 village under 23/2012 keeps its pledge figures (23/2012 wording); KDC-4 and KDC-5 are to be answered', async () => {
    const file = await fileOf('KDC-QB-BD-QHAI-1', 2021);
    expect(file.answers['KDC-1']?.answer).toEqual({
      checks: { resolution: true, registration: true },
      numerator: 150,
      denominator: 150,
    });
    expect(file.answers['KDC-1']?.legacy).toBeUndefined();
    expect(file.criteriaToReview).toEqual(['KDC-4', 'KDC-5']);
  });

  it('communes: XA-3 under 124/2021 needs its first half; under 23/2012 only a "no" to "no discipline" is re-asked', async () => {
    expect((await fileOf('XA-QB-BD-QHAI', 2022)).criteriaToReview).toEqual(['XA-3']);
    expect((await fileOf('XA-QB-BD-QHAI', 2021)).criteriaToReview).toEqual(['XA-3']);
    expect((await fileOf('XA-QB-BD-QHAI', 2021)).answers['XA-3']?.answer).toEqual({
      checks: { 'advanced-unit': true, 'no-discipline': false },
    });
    expect((await fileOf('XA-QB-BD-QTHO', 2021)).criteriaToReview).toEqual([]);
  });

  it('agencies and enterprises: CQDN-1/2 unchanged; CQDN-4 and CQDN-5 to answer in 2022', async () => {
    const file = await fileOf('CQ-BD-05', 2022);
    expect(Object.keys(file.answers).sort()).toEqual(['CQDN-1', 'CQDN-2']);
    expect(file.answers['CQDN-1']?.legacy).toBeUndefined();
    expect(file.criteriaToReview).toEqual(['CQDN-4', 'CQDN-5']);
    expect((await fileOf('CQ-BD-05', 2021)).criteriaToReview).toEqual([]);
  });

  it('schools: old CSGD-1/2 → CSGD-1, old CSGD-3 → CSGD-2 (parents), old CSGD-6 kept as legacy', async () => {
    const file = await fileOf('CSGD-BD-THCS-5', 2022);
    expect(file.answers['CSGD-1']?.answer).toEqual({ checks: { registration: true, plan: true, model: true } });
    expect(file.answers['CSGD-1']?.legacy).toEqual({
      'CSGD-1': { checks: { registration: true, plan: true } },
      'CSGD-2': { checks: { model: true } },
    });
    expect(file.answers['CSGD-2']).toEqual({
      answer: { checks: { 'coordination-parents': false } },
      evidence: { note: 'Minh chứng CSGD-3', links: [] },
      legacy: { 'CSGD-3': { checks: { coordination: false } } },
    });
    expect(file.answers['CSGD-3']).toBeUndefined(); // now a disqualifying list: takes no answer
    expect(file.answers['CSGD-6']).toEqual({
      answer: {},
      evidence: { note: 'Minh chứng CSGD-6', links: [] },
      legacy: { checks: { staff: true } },
    });
    expect(file.criteriaToReview).toEqual(['CSGD-1', 'CSGD-2', 'CSGD-5', 'CSGD-6']);
  });

  it('drops no answer: every old value is still a value or inside a legacy value of its file', async () => {
    const rows = (await db
      .selectFrom('assessment_answers')
      .select(['assessment_id', 'criterion_code', 'value', 'legacy_value', 'evidence_note'])
      .execute()) as {
      assessment_id: number;
      criterion_code: string;
      value: string;
      legacy_value: string | null;
      evidence_note: string | null;
    }[];
    const byFile = new Map<number, string>();
    for (const r of rows)
      byFile.set(
        r.assessment_id,
        `${byFile.get(r.assessment_id) ?? ''}\n${r.value}\n${r.legacy_value ?? ''}\n${r.evidence_note ?? ''}`,
      );
    const lost = before.filter((b) => {
      const kept = byFile.get(b.assessment_id) ?? '';
      return !kept.includes(b.value) || !kept.includes(b.evidence_note!);
    });
    expect(lost).toEqual([]);
  });

  it('remaps incidents where they mean the same, keeps what they named, and flags the file where they do not', async () => {
    const incidents = (await db
      .selectFrom('incidents')
      .select(['unit_id', 'occurred_on', 'criterion_code', 'item', 'legacy_ref'])
      .orderBy('occurred_on')
      .execute()) as {
      unit_id: number;
      occurred_on: string;
      criterion_code: string;
      item: string | null;
      legacy_ref: string | null;
    }[];
    const codeOf = new Map([...unitId].map(([code, id]) => [id, code]));
    expect(
      incidents.map((i) => [codeOf.get(i.unit_id), i.occurred_on, i.criterion_code, i.item, i.legacy_ref]),
    ).toEqual([
      ['XA-QB-BD-QSON', '2021-03-01', 'XA-3', null, null],
      ['DN-BD-02', '2021-05-01', 'CQDN-3', 'a', null],
      ['KDC-QB-BD-QTIEN-3', '2021-08-12', 'KDC-3', 'e', null],
      ['CSGD-BD-THCS-1', '2022-02-01', 'CSGD-3', 'a', 'CSGD-4 c'],
      ['CSGD-BD-THCS-2', '2022-02-02', 'CSGD-4', 'a', 'CSGD-5'],
      ['CSGD-BD-THCS-3', '2022-02-03', 'CSGD-3', null, 'CSGD-4 b'],
      ['XA-QB-BD-QSON', '2022-03-01', 'XA-3', 'b', 'XA-3'],
      ['CQ-BD-02', '2022-04-01', 'CQDN-3', 'e', 'CQDN-3 c'],
      ['CQ-BD-03', '2022-04-02', 'CQDN-3', null, 'CQDN-3 b'],
      ['DN-BD-01', '2022-04-03', 'CQDN-3', 'g', 'CQDN-3 d'],
    ]);
    expect((await fileOf('CQ-BD-03', 2022)).criteriaToReview).toEqual(['CQDN-3', 'CQDN-4', 'CQDN-5']);
    expect((await fileOf('CSGD-BD-THCS-3', 2022)).criteriaToReview).toEqual([
      'CSGD-1',
      'CSGD-2',
      'CSGD-3',
      'CSGD-5',
      'CSGD-6',
    ]);
  });

  it('keeps every recorded decision; the engine now says what is missing instead of a result on old meanings', async () => {
    const decided = (await db.selectFrom('assessments').select(['status', 'decision_number']).execute()) as {
      status: string;
      decision_number: string;
    }[];
    expect(decided.every((d) => d.status === 'recognised' && d.decision_number.endsWith('/QĐ-UBND'))).toBe(true);
    const village = unitId.get('KDC-QB-BD-QHAI-1')!;
    const units = await listAssessedUnitsByIds(handle.db, [village]);
    const [evaluation] = evaluateArea(
      await loadEvaluationInputs(handle.db, units, 2022, { areaId: undefined, date: '2022-12-31' }),
      { catalogue: TT124_2021 },
    );
    expect(evaluation!.criteria.filter((c) => c.outcome === 'missing').map((c) => c.code)).toEqual([
      'KDC-1',
      'KDC-4',
      'KDC-5',
    ]);
    expect(evaluation!.criteria.filter((c) => c.outcome === 'not_met')).toEqual([]);
    // the XA-3 incident now counts against part (b) of the 2022 commune
    const [commune] = evaluateArea(
      await loadEvaluationInputs(
        handle.db,
        await listAssessedUnitsByIds(handle.db, [unitId.get('XA-QB-BD-QSON')!]),
        2022,
        { areaId: undefined, date: '2022-12-31' },
      ),
      { catalogue: TT124_2021 },
    );
    expect(
      commune!.criteria
        .find((c) => c.code === 'XA-3')
        ?.reasons.map((r) => r.en)
        .join(' | '),
    ).toContain('Item (b): Incident on 2022-03-01');
  });
});

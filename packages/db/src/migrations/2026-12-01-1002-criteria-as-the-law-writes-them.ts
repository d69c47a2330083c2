import type { Kysely } from 'kysely';

// Issue 14, data part: the catalogues were corrected against the codified text of circular 124/2021 (and
// what is known of 23/2012). Stored answers and incidents are moved to the corrected criteria where they
// mean the same, kept (never dropped) where they do not, and each file lists what must be (re-)answered in
// `assessments.criteria_to_review`. Frozen: the mapping is written out here and imports no application code.
//
// Answers (both catalogues, unless said):
// - KDC-1 (124/2021): the checks `resolution` and `registration` keep their meaning; the figures do not
//   (permanent households that pledged → households residing, permanent and temporary, that registered):
//   they move to `legacy_value`; `plan` is new. Review. (23/2012 keeps the pledge wording: unchanged.)
// - KDC-4: now also answered (a: other violations; c: offenders managed). Review.
// - KDC-5: "forces and models work effectively" → the forces' yearly rating and "nobody disciplined": no
//   equivalent; the old answer moves to `legacy_value` (its evidence stays). Review.
// - XA-3 (124/2021): the first half (the police grasp the situation and advise) is new. Review.
//   XA-3 (23/2012): "no discipline at khiển trách or above" became "at cảnh cáo or above": a yes stays
//   true; a no may now be a yes. Review when it was no.
// - CQDN-4, CQDN-5 (124/2021): new. Review.
// - CSGD: Article 7 replaced the stand-ins: old CSGD-1 registration/plan and old CSGD-2 model → CSGD-1;
//   old CSGD-3 coordination (with the parents' association) → CSGD-2 coordination-parents; old CSGD-6
//   (staff carry out their tasks) has no equivalent → legacy. Review CSGD-1, CSGD-2, CSGD-5, CSGD-6.
// Incidents (`legacy_ref` keeps what they named before):
// - XA-3 without an item, in a 124/2021 window (from 16/11/2021): a disciplinary case → XA-3 item b.
// - CQDN-3 in a 124/2021 window: old c (leak of state or technology secrets) → e; old d (serious fire,
//   explosion, labour accident) → g; old a (mass complaints or strikes: now c or d), b (theft of high-value
//   assets), đ (staff crime: đ now means a serious crime) → no item: still disqualifying, to re-qualify.
//   Under 23/2012 (earlier windows) CQDN-3 keeps its old list: untouched.
// - CSGD-4 (old list) → CSGD-3: c (illegal religion) → a, others → no item; CSGD-5 (school violence) →
//   CSGD-4 item a. Review CSGD-3 / CSGD-4 where an incident lost its item.

const FIRST_124_WINDOW = '2021-11-16'; // the XA/CQ/DN/CSGD window of 2022, the first year under 124/2021
const BATCH = 500;

type Answer = { checks?: Record<string, boolean | null>; numerator?: number; denominator?: number; note?: string };
interface AnswerRow {
  assessment_id: number;
  criterion_code: string;
  value: string;
  evidence_note: string | null;
  evidence_links: string;
}

const pick = (checks: Answer['checks'], keys: string[]): Record<string, boolean | null> => {
  const out: Record<string, boolean | null> = {};
  for (const k of keys) if (checks && k in checks) out[k] = checks[k]!;
  return out;
};

/** The new answers of one file, and what to review. `rows` are the file's answer rows before. */
function mapAnswers(
  file: { id: number; type: string; catalogue_id: string },
  rows: readonly AnswerRow[],
): { rows: (AnswerRow & { legacy_value: string | null })[]; review: string[] } {
  const byCode = new Map(rows.map((r) => [r.criterion_code, r]));
  const parse = (code: string): Answer | undefined => {
    const row = byCode.get(code);
    return row ? (JSON.parse(row.value) as Answer) : undefined;
  };
  const out = new Map<string, AnswerRow & { legacy_value: string | null }>();
  for (const r of rows) out.set(r.criterion_code, { ...r, legacy_value: null });
  const review = new Set<string>();
  const replace = (code: string, value: Answer, legacy: boolean) => {
    const before = out.get(code);
    out.set(code, {
      assessment_id: file.id,
      criterion_code: code,
      value: JSON.stringify(value),
      evidence_note: before?.evidence_note ?? null,
      evidence_links: before?.evidence_links ?? '[]',
      legacy_value: legacy ? (byCode.get(code)?.value ?? null) : (before?.legacy_value ?? null),
    });
  };
  const is124 = file.catalogue_id === 'tt124-2021';
  const type = file.type;

  if (type === 'KDC') {
    const kdc1 = is124 ? parse('KDC-1') : undefined; // 23/2012 keeps its own KDC-1 (permanent households pledge)
    if (kdc1) {
      const moved: Answer = { checks: pick(kdc1.checks, ['resolution', 'registration']) };
      if (kdc1.note !== undefined) moved.note = kdc1.note;
      replace('KDC-1', moved, kdc1.numerator !== undefined || kdc1.denominator !== undefined);
    }
    const kdc5 = parse('KDC-5');
    if (kdc5) replace('KDC-5', kdc5.note === undefined ? {} : { note: kdc5.note }, true);
    for (const code of is124 ? ['KDC-1', 'KDC-4', 'KDC-5'] : ['KDC-4', 'KDC-5']) review.add(code);
  } else if (type === 'XA') {
    if (is124) review.add('XA-3');
    else if (parse('XA-3')?.checks?.['no-discipline'] === false) review.add('XA-3');
  } else if ((type === 'CQ' || type === 'DN') && is124) {
    review.add('CQDN-4');
    review.add('CQDN-5');
  } else if (type === 'CSGD') {
    const old1 = parse('CSGD-1');
    const old2 = parse('CSGD-2');
    const old3 = parse('CSGD-3');
    const old6 = parse('CSGD-6');
    if (old1 || old2) {
      const checks = { ...pick(old1?.checks, ['registration', 'plan']), ...pick(old2?.checks, ['model']) };
      replace('CSGD-1', { checks }, false);
      const row = out.get('CSGD-1')!;
      // both old rows are kept in legacy_value (as an object by old code), CSGD-2's evidence joins CSGD-1's
      row.legacy_value = JSON.stringify({ 'CSGD-1': old1 ?? null, 'CSGD-2': old2 ?? null });
      const sources = [byCode.get('CSGD-1'), byCode.get('CSGD-2')].filter((r): r is AnswerRow => r !== undefined);
      const notes = sources.map((r) => r.evidence_note).filter((n): n is string => n !== null && n !== '');
      row.evidence_note = notes.length > 0 ? notes.join('\n') : null;
      row.evidence_links = JSON.stringify([
        ...new Set(sources.flatMap((r) => JSON.parse(r.evidence_links) as string[])),
      ]);
    }
    if (old3 || old2) {
      const checks = pick(old3?.checks, ['coordination']);
      const value: Answer =
        'coordination' in checks ? { checks: { 'coordination-parents': checks.coordination ?? null } } : { checks: {} };
      const before = byCode.get('CSGD-3');
      out.set('CSGD-2', {
        assessment_id: file.id,
        criterion_code: 'CSGD-2',
        value: JSON.stringify(value),
        evidence_note: before?.evidence_note ?? null,
        evidence_links: before?.evidence_links ?? '[]',
        legacy_value: old3 ? JSON.stringify({ 'CSGD-3': old3 }) : null,
      });
    }
    out.delete('CSGD-3'); // now a disqualifying criterion: it takes no answer (kept in CSGD-2's legacy_value)
    if (old6) replace('CSGD-6', {}, true);
    for (const code of ['CSGD-1', 'CSGD-2', 'CSGD-5', 'CSGD-6']) review.add(code);
  }
  return { rows: [...out.values()], review: [...review] };
}

/** The window year of a non-village incident date (16/11 → 15/11). */
const otherWindowYear = (date: string): number => Number(date.slice(0, 4)) + (date.slice(5) > '11-15' ? 1 : 0);

export async function up(db: Kysely<any>): Promise<void> {
  // ── Incidents ─────────────────────────────────────────────────────────────────────────────────────
  const review = new Map<string, Set<string>>(); // `${unitId}|${year}` → codes
  const flag = (unitId: number, year: number, code: string) => {
    const key = `${unitId}|${year}`;
    (review.get(key) ?? review.set(key, new Set()).get(key)!).add(code);
  };
  const incidents = (await db
    .selectFrom('incidents')
    .select(['id', 'unit_id', 'criterion_code', 'item', 'occurred_on'])
    .where('criterion_code', 'in', ['XA-3', 'CQDN-3', 'CSGD-4', 'CSGD-5'])
    .where('legacy_ref', 'is', null)
    .execute()) as { id: number; unit_id: number; criterion_code: string; item: string | null; occurred_on: string }[];
  // An incident is read with the catalogue of its unit's file of that window's year (a file of 2021 may have
  // been assessed under 124/2021, as the old demo did); without a file, by the date: 124/2021 from its first
  // window on.
  const files = new Map<string, string>();
  for (const f of (await db.selectFrom('assessments').select(['unit_id', 'year', 'catalogue_id']).execute()) as {
    unit_id: number;
    year: number;
    catalogue_id: string;
  }[]) {
    files.set(`${f.unit_id}|${f.year}`, f.catalogue_id);
  }
  const under124 = (i: { unit_id: number; occurred_on: string }) => {
    const file = files.get(`${i.unit_id}|${otherWindowYear(i.occurred_on)}`);
    return file !== undefined ? file === 'tt124-2021' : i.occurred_on >= FIRST_124_WINDOW;
  };
  for (const i of incidents) {
    let code = i.criterion_code;
    let item: string | null;
    if (i.criterion_code === 'XA-3') {
      if (!under124(i) || i.item !== null) continue;
      item = 'b';
    } else if (i.criterion_code === 'CQDN-3') {
      if (!under124(i)) continue;
      item = i.item === 'c' ? 'e' : i.item === 'd' ? 'g' : null;
    } else if (i.criterion_code === 'CSGD-4') {
      code = 'CSGD-3';
      item = i.item === 'c' ? 'a' : null;
    } else {
      code = 'CSGD-4';
      item = 'a';
    }
    if (item === null) flag(i.unit_id, otherWindowYear(i.occurred_on), code);
    await db
      .updateTable('incidents')
      .set({
        criterion_code: code,
        item,
        legacy_ref: i.item === null ? i.criterion_code : `${i.criterion_code} ${i.item}`,
      })
      .where('id', '=', i.id)
      .execute();
  }

  // ── Answers, file by file, in batches ─────────────────────────────────────────────────────────────
  let after = 0;
  for (;;) {
    const files = (await db
      .selectFrom('assessments')
      .innerJoin('units', 'units.id', 'assessments.unit_id')
      .select(['assessments.id', 'assessments.unit_id', 'assessments.year', 'assessments.catalogue_id', 'units.type'])
      .where('assessments.id', '>', after)
      .where('assessments.catalogue_id', 'in', ['tt124-2021', 'tt23-2012'])
      .orderBy('assessments.id')
      .limit(BATCH)
      .execute()) as { id: number; unit_id: number; year: number; catalogue_id: string; type: string }[];
    if (files.length === 0) break;
    after = files.at(-1)!.id;
    const answerRows = (await db
      .selectFrom('assessment_answers')
      .select(['assessment_id', 'criterion_code', 'value', 'evidence_note', 'evidence_links'])
      .where(
        'assessment_id',
        'in',
        files.map((f) => f.id),
      )
      .execute()) as AnswerRow[];
    const byFile = new Map<number, AnswerRow[]>();
    for (const row of answerRows)
      (byFile.get(row.assessment_id) ?? byFile.set(row.assessment_id, []).get(row.assessment_id)!).push(row);
    for (const file of files) {
      const rows = byFile.get(file.id) ?? [];
      const mapped = mapAnswers(file, rows);
      const codes = new Set([...mapped.review, ...(review.get(`${file.unit_id}|${file.year}`) ?? [])]);
      if (rows.length > 0 || mapped.rows.length > 0) {
        const before = new Map(rows.map((r) => [r.criterion_code, r.value]));
        const changed =
          mapped.rows.some((r) => before.get(r.criterion_code) !== r.value || r.legacy_value !== null) ||
          mapped.rows.length !== rows.length;
        if (changed) {
          await db.deleteFrom('assessment_answers').where('assessment_id', '=', file.id).execute();
          if (mapped.rows.length > 0) await db.insertInto('assessment_answers').values(mapped.rows).execute();
        }
      }
      if (codes.size > 0) {
        await db
          .updateTable('assessments')
          .set({ criteria_to_review: JSON.stringify([...codes].sort()) })
          .where('id', '=', file.id)
          .execute();
      }
    }
  }
}

export async function down(): Promise<void> {
  // The old criteria are gone from the catalogues: there is nothing to map back to. The old values are
  // kept in assessment_answers.legacy_value and incidents.legacy_ref.
}

import { criteriaForType } from '../catalogue/catalogue.js';
import type { Catalogue, RatingCriterion, RatioCriterion } from '../catalogue/catalogue.schema.js';
import type { QuarterlyMetric } from '../reports/quarterly-report.js';
import type { UnitType } from '../units.js';
import type { CriterionAnswer } from './assessment.schema.js';

/** The first passing level of a rating criterion (a parsed catalogue always has one). */
function passingLevel(c: RatingCriterion): RatingCriterion['levels'][number] {
  const level = c.levels.find((l) => l.passes);
  if (!level) throw new Error(`passingAnswers: criterion ${c.code} has no passing rating level`);
  return level;
}

/**
 * The metrics of the quarterly reports that a catalogue's comparisons read (`comparison` criteria and the
 * comparisons inside `parts`, e.g. KDC-4 a), each once, in catalogue order: what a loader must sum.
 *
 * @example
 * ```ts
 * comparedMetrics(TT124_2021); // ['crimes', 'socialEvils']
 * ```
 */
export function comparedMetrics(catalogue: Catalogue): QuarterlyMetric[] {
  const out = new Set<QuarterlyMetric>();
  for (const c of catalogue.criteria) {
    if (c.kind === 'comparison') for (const m of c.metrics) out.add(m);
    if (c.kind === 'parts') for (const p of c.parts) for (const m of p.comparison?.metrics ?? []) out.add(m);
  }
  return [...out];
}

/**
 * Answers that meet every answerable criterion of a unit type (for demos, benchmarks and tests): every
 * checklist item yes, every rating the best passing level, every ratio `denominatorOf(criterion)` out of
 * the same (default 100). Criteria computed from data (incidents, counts, managed units) get no answer.
 *
 * @example
 * ```ts
 * const answers = passingAnswers(TT124_2021, 'KDC', () => 212);
 * answers['KDC-1']; // { checks: { resolution: true, plan: true, registration: true }, numerator: 212, denominator: 212 }
 * answers['KDC-5']; // { rating: 'hoan-thanh-xuat-sac', checks: { 'no-discipline': true } }
 * ```
 */
export function passingAnswers(
  catalogue: Catalogue,
  type: UnitType,
  denominatorOf: (criterion: RatioCriterion) => number = () => 100,
): Record<string, CriterionAnswer> {
  const answers: Record<string, CriterionAnswer> = {};
  const yes = (items: readonly { key: string }[]) => Object.fromEntries(items.map((i) => [i.key, true]));
  for (const c of criteriaForType(catalogue, type)) {
    if (c.kind === 'requirement') answers[c.code] = { checks: yes(c.checklist) };
    else if (c.kind === 'ratio') {
      const n = denominatorOf(c);
      answers[c.code] = { checks: yes(c.checklist), numerator: n, denominator: n };
    } else if (c.kind === 'rating') answers[c.code] = { rating: passingLevel(c).key, checks: yes(c.checklist) };
    else if (c.kind === 'parts') {
      const checklist = c.parts.flatMap((p) => p.checklist ?? []);
      if (checklist.length > 0) answers[c.code] = { checks: yes(checklist) };
    }
  }
  return answers;
}

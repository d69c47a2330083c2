// The memo of one evaluation (an evaluateUnit or evaluateArea call): created by the call, passed down to every
// rule, dropped with it. Core keeps no state between calls.
//
// Most units share the same outcome and reasons for a criterion (every village whose KDC-2 is answered yes,
// every village without incident in the same window, the same KDC-4 counts …). Within one evaluation, results
// are therefore built once per distinct input and shared (frozen): at 100,000 units this keeps memory and GC
// time small. Windows, criteria lists and catalogues are looked up once per evaluation too.
import { BUILTIN_CATALOGUES, criteriaForType, getCatalogueForYear } from '../catalogue/catalogue.js';
import type { Catalogue, Criterion } from '../catalogue/catalogue.schema.js';
import type { LocalizedText } from '../errors.js';
import { evaluationWindow, type EvaluationWindow } from '../periods/periods.js';
import type { UnitType } from '../units.js';
import type { CriterionResult, EvaluateOptions } from './evaluation.types.js';
import { toResult, type RuleOutcome } from './rules/outcome.js';

/** How many results one criterion keeps before its memo starts over (bounds memory on a country). */
const MEMO_LIMIT = 4096;

/** A small number per unit type, to key windows by (year, type) with one number. */
const TYPE_INDEX: Readonly<Record<UnitType, number>> = { KDC: 0, XA: 1, CQ: 2, DN: 3, CSGD: 4 };

/**
 * What one evaluation remembers: criterion results and summaries by memo key, exclusion summaries, windows,
 * criteria lists and catalogues. Create one per evaluation ({@link createEvaluationMemo}); never share one
 * between evaluations with different catalogues' objects in flight (keys are per criterion object, so that is
 * safe, only useless).
 */
export class EvaluationMemo {
  private readonly results = new Map<Criterion, Map<number | string, CriterionResult>>();
  private readonly summaries = new Map<readonly Criterion[], Map<number | string, LocalizedText>>();
  private readonly exclusions = new Map<LocalizedText, LocalizedText>();
  private readonly windows = new Map<number, EvaluationWindow>();
  private readonly criteriaLists = new Map<Catalogue, Map<UnitType, readonly Criterion[]>>();
  private readonly catalogues = new Map<number, Catalogue>();

  constructor(private readonly options: EvaluateOptions = {}) {}

  /**
   * The criterion's result for inputs with this memo key: computed (and frozen) the first time, shared after.
   *
   * @example
   * ```ts
   * memo.criterionResult(c, checklistKey(c.checklist, answer.checks), () => evaluateRequirement(c, answer));
   * ```
   */
  criterionResult(c: Criterion, key: number | string, compute: () => RuleOutcome): CriterionResult {
    let cache = this.results.get(c);
    if (!cache) this.results.set(c, (cache = new Map<number | string, CriterionResult>()));
    let result = cache.get(key);
    if (!result) {
      result = toResult(c, compute());
      if (cache.size >= MEMO_LIMIT) cache.clear();
      cache.set(key, result);
    }
    return result;
  }

  /**
   * A unit's one-line summary for a criteria list and a memo key of its outcomes: built the first time, shared
   * (frozen) after.
   *
   * @example
   * ```ts
   * memo.summary(list, key, () => buildSummary(result, criteria, year));
   * ```
   */
  summary(list: readonly Criterion[], key: number | string, build: () => LocalizedText): LocalizedText {
    let cache = this.summaries.get(list);
    if (!cache) this.summaries.set(list, (cache = new Map<number | string, LocalizedText>()));
    let summary = cache.get(key);
    if (!summary) {
      summary = Object.freeze(build());
      if (cache.size >= MEMO_LIMIT) cache.clear();
      cache.set(key, summary);
    }
    return summary;
  }

  /**
   * The summary of a unit excluded for this reason ("Không thuộc diện: …"), shared (frozen).
   *
   * @example
   * ```ts
   * memo.exclusionSummary({ vi: 'doanh nghiệp nhỏ', en: 'small enterprise' }).en; // 'Not eligible: small enterprise'
   * ```
   */
  exclusionSummary(reason: LocalizedText): LocalizedText {
    let summary = this.exclusions.get(reason);
    if (!summary) {
      summary = Object.freeze({ vi: `Không thuộc diện: ${reason.vi}`, en: `Not eligible: ${reason.en}` });
      this.exclusions.set(reason, summary);
    }
    return summary;
  }

  /**
   * The evaluation window of a unit type and year, one object per evaluation (so its `from`, a memo key of
   * disqualifying criteria, is one string whose hash V8 keeps).
   *
   * @example
   * ```ts
   * memo.window('KDC', 2022).from; // '2021-11-01'
   * ```
   */
  window(type: UnitType, year: number): EvaluationWindow {
    const key = year * 8 + TYPE_INDEX[type];
    let window = this.windows.get(key);
    if (!window) {
      window = evaluationWindow(type, year);
      this.windows.set(key, window);
    }
    return window;
  }

  /**
   * The criteria of a catalogue for a unit type, one list per evaluation (the summaries' memo key).
   *
   * @example
   * ```ts
   * memo.criteriaFor(TT124_2021, 'XA').map((c) => c.code); // ['XA-1', 'XA-2', 'XA-3', 'XA-4']
   * ```
   */
  criteriaFor(catalogue: Catalogue, type: UnitType): readonly Criterion[] {
    let byType = this.criteriaLists.get(catalogue);
    if (!byType) this.criteriaLists.set(catalogue, (byType = new Map<UnitType, readonly Criterion[]>()));
    let list = byType.get(type);
    if (!list) {
      list = criteriaForType(catalogue, type);
      byType.set(type, list);
    }
    return list;
  }

  /**
   * The catalogue a unit of this year is evaluated with when its input names none: the options' `catalogue`,
   * else the one in force that year among the options' `catalogues` (default the built-in ones).
   *
   * @example
   * ```ts
   * createEvaluationMemo().catalogueFor(2021).id; // 'tt23-2012'
   * ```
   */
  catalogueFor(year: number): Catalogue {
    let catalogue = this.catalogues.get(year);
    if (!catalogue) {
      catalogue = this.options.catalogue ?? getCatalogueForYear(year, this.options.catalogues ?? BUILTIN_CATALOGUES);
      this.catalogues.set(year, catalogue);
    }
    return catalogue;
  }
}

/**
 * A fresh memo for one evaluation with these options.
 *
 * @example
 * ```ts
 * const memo = createEvaluationMemo({ catalogue: TT124_2021 });
 * ```
 */
export function createEvaluationMemo(options: EvaluateOptions = {}): EvaluationMemo {
  return new EvaluationMemo(options);
}

// Many units bottom-up in one pass: every unit that is not a commune first, each folded into its commune's
// tally, then each commune with the summary of the units it manages.
import type { Catalogue } from '../catalogue/catalogue.schema.js';
import { DomainError } from '../errors.js';
import { createEvaluationMemo } from './evaluation.memo.js';
import type { AssessedUnit, EvaluateOptions, UnitEvaluation, UnitEvaluationInput } from './evaluation.types.js';
import { newAreaTally, tally, toSummary, type AreaTally } from './managed.tally.js';
import { recognitionAuthority } from './recognition-authority.js';
import { evaluateWith } from './unit.evaluation.js';

/** What evaluateArea keeps per year while it reads the inputs. */
interface YearState {
  year: number;
  catalogue: Catalogue;
  /** unit ids met so far (a duplicate is refused) */
  ids: Set<number>;
  /** each commune's tally by its area id */
  byArea: Map<number, AreaTally>;
  /** the areas of the communes met so far (two communes of one area are refused) */
  areas: Set<number>;
}

/**
 * Tells whether a unit is managed by the commune of its `areaId` (XA-4: "do xã quản lý hoặc được giao quản
 * lý"): villages always; agencies, enterprises and schools when their managing level is `commune`, or when
 * their recognition is delegated one level down to the commune (Art. 10: from the district; after the 2025
 * reform, when there is no district, from the province — the same rule as {@link recognitionAuthority}, so
 * pass the `year` to decide which); communes never (managed from above). Without a year, the rule before the
 * reform.
 *
 * @example
 * ```ts
 * isManagedByCommune({ type: 'KDC', managingLevel: 'commune' });  // true
 * isManagedByCommune({ type: 'DN', managingLevel: 'province' });  // false
 * isManagedByCommune({ type: 'CQ', managingLevel: 'district', isRecognitionDelegated: true }); // true
 * isManagedByCommune({ type: 'CQ', managingLevel: 'province', isRecognitionDelegated: true }, 2025); // true
 * ```
 */
export function isManagedByCommune(
  unit: Pick<AssessedUnit, 'type' | 'managingLevel' | 'isRecognitionDelegated' | 'isMinistryMonitored'>,
  year?: number,
): boolean {
  if (unit.type === 'KDC') return true;
  if (unit.type === 'XA') return false;
  if (unit.managingLevel === 'commune') return true;
  if (unit.isRecognitionDelegated !== true) return false;
  if (year === undefined) return unit.managingLevel === 'district';
  // decided as the recognition of that year is (before 20 November, Art. 9)
  return recognitionAuthority(unit, `${year}-11-19`).level === 'commune';
}

/**
 * Evaluates many units bottom-up in one pass, whatever their order: first every unit that is not a commune,
 * folding each result into its commune's summary (grouped by year and `areaId` in Maps), then each commune
 * (`XA`, whose `areaId` is the commune itself) with the summary of the units it manages (XA-2, XA-4). No
 * recursion; linear in the number of units. Results come back in input order. A given `managed` on a
 * commune's input is replaced by the computed one.
 *
 * Throws `DomainError('INVALID')` for a duplicate unit id (within a year) or two communes with the same
 * `areaId` and year.
 *
 * @example
 * ```ts
 * const results = evaluateArea([communeInput, ...villageInputs, ...schoolInputs]);
 * const commune = results[0]!;
 * commune.criteria.find((c) => c.code === 'XA-4')?.reasons[1]?.vi;
 * // 'Đạt tiêu chuẩn 7/10 (70 %), đạt mức tối thiểu 70 %'
 * ```
 */
export function evaluateArea(inputs: readonly UnitEvaluationInput[], options: EvaluateOptions = {}): UnitEvaluation[] {
  // one memo for the whole call: units with the same inputs share their results (frozen)
  const memo = createEvaluationMemo(options);
  // filled by push (a `new Array(n)` this large would be a slow dictionary-mode array); communes get a
  // placeholder and their result in the second pass
  const results: (UnitEvaluation | null)[] = [];
  const years = new Map<number, YearState>();
  const communes: { index: number; input: UnitEvaluationInput }[] = [];
  // the inputs are usually all of one year: keep that year's state at hand
  let current: YearState | undefined;

  let i = -1;
  for (const input of inputs) {
    i++;
    const { unit, year } = input;
    if (current?.year !== year) {
      current = years.get(year);
      if (!current) {
        // resolved even when every input names its catalogue: a year without one is refused all the same
        current = { year, catalogue: memo.catalogueFor(year), ids: new Set(), byArea: new Map(), areas: new Set() };
        years.set(year, current);
      }
    }
    if (current.ids.has(unit.id)) {
      throw new DomainError('INVALID', {
        vi: `Đơn vị ${unit.id} xuất hiện hai lần cho năm ${year}`,
        en: `Unit ${unit.id} appears twice for the year ${year}`,
      });
    }
    current.ids.add(unit.id);
    if (unit.type === 'XA') {
      if (current.areas.has(unit.areaId)) {
        throw new DomainError('INVALID', {
          vi: `Hai đơn vị cấp xã cùng địa bàn ${unit.areaId} cho năm ${year}`,
          en: `Two communes share the area ${unit.areaId} for the year ${year}`,
        });
      }
      current.areas.add(unit.areaId);
      communes.push({ index: i, input });
      results.push(null);
      continue;
    }
    const evaluation = evaluateWith(input, input.catalogue ?? current.catalogue, memo);
    results.push(evaluation);
    if (!isManagedByCommune(unit, year)) continue;
    let area = current.byArea.get(unit.areaId);
    if (!area) current.byArea.set(unit.areaId, (area = newAreaTally()));
    tally(area, evaluation);
  }

  for (const { index, input } of communes) {
    const area = years.get(input.year)?.byArea.get(input.unit.areaId);
    const managed = area ? toSummary(area) : { byType: {} };
    results[index] = evaluateWith({ ...input, managed }, input.catalogue ?? memo.catalogueFor(input.year), memo);
  }
  return results as UnitEvaluation[];
}

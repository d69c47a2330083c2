import { DomainError } from '../errors.js';
import type { StoredUnitResult } from '../statistics/area-summary.js';
import { RECOGNITION_RESULT_LABELS, type RecognitionResult } from './recognition.engine.js';

// The past does not move (issue 15): a recognised, locked file keeps its recorded result (`recordedResultOf`).
// A change that would make its data give another result is of one of two kinds:
// - an edit (answers, units, the tree, an import): refused, naming the locked file, so nobody rewrites a
//   decided year by the side door; unlock (audited) first;
// - a fact (an incident, a quarterly report) or an audited act (a cycle step, an unlock): recorded, since a fact
//   is never lost; the locked file keeps its result and shows beside it what the data now give.

/**
 * How a change treats the locked files it reaches (see the comment above).
 *
 * @example
 * ```ts
 * const policy: LockedFilePolicy = 'flag'; // an incident: recorded, the locked file keeps its result
 * ```
 */
export type LockedFilePolicy = 'refuse' | 'flag';

/**
 * A locked file whose data, after a change, would give another result than the one it keeps.
 *
 * @example
 * ```ts
 * const move: LockedFileMove = { unitId: 7, year: 2021, result: 'DAT', computedResult: 'CHUA_DAT' };
 * ```
 */
export interface LockedFileMove {
  unitId: number;
  year: number;
  /** The result the file keeps (its decision's). */
  result: RecognitionResult;
  /** What the data would give after the change. */
  computedResult: RecognitionResult;
}

/**
 * The locked files a change newly contradicts: those whose result on the data (`computedResult`) after the
 * change differs from the one they keep, and differs from what their data gave before the change (a file
 * already contradicted by an earlier fact is not blamed on this change).
 *
 * @example
 * ```ts
 * lockedFilesMoved(
 *   [{ unitId: 1, year: 2021, result: 'DAT', computedResult: null, ... }],
 *   [{ unitId: 1, year: 2021, result: 'DAT', computedResult: 'CHUA_DAT', ... }],
 * ); // [{ unitId: 1, year: 2021, result: 'DAT', computedResult: 'CHUA_DAT' }]
 * ```
 */
export function lockedFilesMoved(
  before: readonly Pick<StoredUnitResult, 'unitId' | 'year' | 'computedResult'>[],
  after: readonly Pick<StoredUnitResult, 'unitId' | 'year' | 'result' | 'computedResult'>[],
): LockedFileMove[] {
  const previous = new Map(before.map((r) => [`${r.unitId}|${r.year}`, r.computedResult]));
  const moved: LockedFileMove[] = [];
  for (const r of after) {
    if (r.computedResult === null || r.computedResult === r.result) continue;
    if (previous.get(`${r.unitId}|${r.year}`) === r.computedResult) continue;
    moved.push({ unitId: r.unitId, year: r.year, result: r.result, computedResult: r.computedResult });
  }
  return moved;
}

/**
 * The error an edit gets when it would move locked files: names each file (unit and year, the kept and the new
 * result) and the way to act.
 *
 * @example
 * ```ts
 * lockedFilesError([{ name: 'Xã Quảng Thủy', year: 2021, result: 'DAT', computedResult: 'CHUA_DAT' }]).text.vi;
 * // 'Không lưu được: thay đổi này làm đổi kết quả của hồ sơ đã công nhận và đã khóa: Xã Quảng Thủy năm 2021 (Đạt → Chưa đạt). …'
 * ```
 */
export function lockedFilesError(
  files: readonly { name: string; year: number; result: RecognitionResult; computedResult: RecognitionResult }[],
): DomainError {
  const list = (lang: 'vi' | 'en') =>
    files
      .map(
        (f) =>
          `${f.name} ${lang === 'vi' ? 'năm' : 'of'} ${f.year} (${RECOGNITION_RESULT_LABELS[f.result][lang]} → ${RECOGNITION_RESULT_LABELS[f.computedResult][lang]})`,
      )
      .join('; ');
  return new DomainError('CONFLICT', {
    vi: `Không lưu được: thay đổi này làm đổi kết quả của hồ sơ đã công nhận và đã khóa: ${list('vi')}. Kết quả đã công nhận chỉ thay đổi khi hồ sơ đó được mở khóa hoặc thu hồi (có ghi nhật ký).`,
    en: `Not saved: this change would change the result of a recognised, locked file: ${list('en')}. A recognised result changes only once that file is unlocked or revoked (audited).`,
  });
}

/**
 * A locked file that a change would take out of the figures of its year, or count elsewhere: its unit would no
 * longer exist that year (`ended`), or would be counted under another area, type or catalogue (`moved`). Its
 * result need not change for that to move the figures counting it.
 *
 * @example
 * ```ts
 * const f: LockedFileRefiled = { unitId: 7, year: 2024, reason: 'moved' };
 * ```
 */
export interface LockedFileRefiled {
  unitId: number;
  year: number;
  reason: 'ended' | 'moved';
}

/**
 * The locked files (`locked`: unit ids whose file of `year` is recognised and locked) that a change would take
 * out of their year (`gone`: units that would no longer exist that year) or count elsewhere (stored before vs
 * computed after: another area, unit type or catalogue).
 *
 * @example
 * ```ts
 * lockedFilesRefiled(new Set([7]), [{ unitId: 7, areaId: 3, unitType: 'KDC', catalogueId: 'tt124-2021' }],
 *   [{ unitId: 7, areaId: 4, unitType: 'KDC', catalogueId: 'tt124-2021' }], [], 2024);
 * // [{ unitId: 7, year: 2024, reason: 'moved' }]
 * ```
 */
export function lockedFilesRefiled(
  locked: ReadonlySet<number>,
  before: readonly Pick<StoredUnitResult, 'unitId' | 'areaId' | 'unitType' | 'catalogueId'>[],
  after: readonly Pick<StoredUnitResult, 'unitId' | 'areaId' | 'unitType' | 'catalogueId'>[],
  gone: readonly number[],
  year: number,
): LockedFileRefiled[] {
  const out: LockedFileRefiled[] = gone
    .filter((id) => locked.has(id))
    .map((unitId) => ({ unitId, year, reason: 'ended' as const }));
  const stored = new Map(before.map((r) => [r.unitId, r]));
  for (const r of after) {
    const s = stored.get(r.unitId);
    if (!locked.has(r.unitId) || !s) continue;
    if (s.areaId !== r.areaId || s.unitType !== r.unitType || s.catalogueId !== r.catalogueId)
      out.push({ unitId: r.unitId, year, reason: 'moved' });
  }
  return out;
}

/**
 * The error an edit gets when it would take locked files out of their year or count them elsewhere.
 *
 * @example
 * ```ts
 * lockedFilesRefiledError([{ name: 'Thôn 1', year: 2024, reason: 'moved' }]).text.vi;
 * // 'Không lưu được: thay đổi này làm hồ sơ đã công nhận và đã khóa được tính ở nơi khác hoặc không còn được tính: Thôn 1 năm 2024 (tính ở địa bàn khác). …'
 * ```
 */
export function lockedFilesRefiledError(
  files: readonly { name: string; year: number; reason: LockedFileRefiled['reason'] }[],
): DomainError {
  const label = {
    ended: { vi: 'không còn được tính', en: 'no longer counted' },
    moved: { vi: 'tính ở địa bàn khác', en: 'counted elsewhere' },
  };
  const list = (lang: 'vi' | 'en') =>
    files.map((f) => `${f.name} ${lang === 'vi' ? 'năm' : 'of'} ${f.year} (${label[f.reason][lang]})`).join('; ');
  return new DomainError('CONFLICT', {
    vi: `Không lưu được: thay đổi này làm hồ sơ đã công nhận và đã khóa được tính ở nơi khác hoặc không còn được tính: ${list('vi')}. Hãy mở khóa hồ sơ đó trước (có ghi lý do).`,
    en: `Not saved: this change would count a recognised, locked file elsewhere or no longer count it: ${list('en')}. Unlock that file first (with a reason).`,
  });
}

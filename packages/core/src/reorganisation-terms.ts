import type { LocalizedText } from './errors.js';
import type { AreaKind } from './units.js';

// The words of a reorganisation (its kinds, in both languages) and the names and codes it gives the units it
// creates (see planReorganisation).

/**
 * What a reorganisation does to its areas. `dissolve` ends an area with nothing left in it (a district), or,
 * with `intoId`, hands it over to an area of its level (a province merged into another: the lineage follows);
 * `establish` creates areas with no former one (the new province of 1 July 2025, before its communes move in).
 *
 * @example
 * ```ts
 * REORGANISATION_KINDS[0]; // 'merge'
 * ```
 */
export const REORGANISATION_KINDS = ['merge', 'split', 'rename', 'move', 'dissolve', 'establish'] as const;

/** One of {@link REORGANISATION_KINDS}. @example `const k: ReorganisationKind = 'split';` */
export type ReorganisationKind = (typeof REORGANISATION_KINDS)[number];

/**
 * The kinds in both languages.
 *
 * @example
 * ```ts
 * REORGANISATION_KIND_LABELS.merge.vi; // 'Sáp nhập'
 * ```
 */
export const REORGANISATION_KIND_LABELS: Readonly<Record<ReorganisationKind, LocalizedText>> = {
  merge: { vi: 'Sáp nhập', en: 'Merge' },
  split: { vi: 'Chia tách', en: 'Split' },
  rename: { vi: 'Đổi tên', en: 'Rename' },
  move: { vi: 'Chuyển sang đơn vị hành chính cấp trên khác', en: 'Move under another parent' },
  dissolve: { vi: 'Kết thúc (giải thể cấp hành chính)', en: 'End (a level abolished)' },
  establish: { vi: 'Thành lập mới', en: 'Establish' },
};

/**
 * The name of the commune unit of a new commune: the kind's title and the area's name.
 *
 * @example
 * ```ts
 * communeUnitName('phuong', 'Ba Đồn'); // 'Phường Ba Đồn'
 * ```
 */
export function communeUnitName(kind: AreaKind, name: string): string {
  const title = kind === 'phuong' ? 'Phường' : kind === 'thi-tran' ? 'Thị trấn' : kind === 'dac-khu' ? 'Đặc khu' : 'Xã';
  return `${title} ${name}`;
}

/**
 * A successor unit's code: a numbered code of the old area (`KDC-QB-BD-QVAN-3`) is numbered on in the new one
 * (`KDC-QB-BD-QTV-9` after the six villages of the first commune and two of this one); another code naming the
 * old area has it replaced; any other (an agency's `CQ-BD-13`) gets the effective year (`CQ-BD-13-2025`). A year
 * an earlier reorganisation gave (`CQ-BD-13-2025`, or `CQ-BD-13-2025-2` where it collided: the code without it
 * is a unit's, `codes`) is replaced rather than stacked (`CQ-BD-13-2027`, not `CQ-BD-13-2025-2027`).
 * `numbering` keeps the last number given per new area across the calls of one plan.
 *
 * @example
 * ```ts
 * successorCode('CQ-BD-13', 'QB-BD-QTHUY', 'QT-NAMGIANH', '2025-07-01', new Map(), new Set()); // 'CQ-BD-13-2025'
 * ```
 */
export function successorCode(
  old: string,
  from: string,
  to: string,
  date: string,
  numbering: Map<string, number>,
  codes: ReadonlySet<string>,
): string {
  const match = /^(.*)-(\d+)$/.exec(old);
  const stem = match?.[1];
  if (stem !== undefined && stem.endsWith(from)) {
    const prefix = `${stem.slice(0, stem.length - from.length)}${to}-`;
    const next = (numbering.get(prefix) ?? 0) + 1;
    numbering.set(prefix, next);
    return `${prefix}${next}`;
  }
  if (old.includes(from)) return old.split(from).join(to);
  const year = date.slice(0, 4);
  const given = /^(.+)-(\d{4})(?:-\d+)?$/.exec(old);
  const original = given?.[1];
  if (original !== undefined && given?.[2] !== undefined && given[2] <= year && codes.has(original))
    return `${original}-${year}`;
  return `${old}-${year}`;
}

import { compareVietnamese } from './text.js';
import type { Area, AreaNode } from './units.js';

/**
 * Tells whether an area exists on a date (ISO `YYYY-MM-DD`): `validFrom` ≤ date < `validTo`.
 *
 * @example
 * ```ts
 * isAreaValidOn({ validFrom: '2008-01-01', validTo: '2025-07-01' }, '2021-12-31'); // true
 * isAreaValidOn({ validFrom: '2008-01-01', validTo: '2025-07-01' }, '2025-07-01'); // false
 * ```
 */
export function isAreaValidOn(area: Pick<Area, 'validFrom' | 'validTo'>, date: string): boolean {
  return area.validFrom <= date && (area.validTo === null || date < area.validTo);
}

/**
 * Builds the tree of the areas that exist on `date`, children in Vietnamese alphabetical order. An area
 * whose parent does not exist on that date becomes a root. Iterative: no recursion, any depth or size.
 *
 * @example
 * ```ts
 * const tree = buildAreaTree(areas, '2021-12-31');
 * tree[0]?.name; // 'Quảng Bình'
 * tree[0]?.children[0]?.name; // 'Ba Đồn'
 * ```
 */
export function buildAreaTree(areas: readonly Area[], date: string): AreaNode[] {
  const nodes = new Map<number, AreaNode>();
  for (const area of areas) {
    if (isAreaValidOn(area, date)) nodes.set(area.id, { ...area, children: [] });
  }
  const roots: AreaNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byName = (a: AreaNode, b: AreaNode) => compareVietnamese(a.name, b.name) || a.id - b.id;
  roots.sort(byName);
  for (const node of nodes.values()) node.children.sort(byName);
  return roots;
}

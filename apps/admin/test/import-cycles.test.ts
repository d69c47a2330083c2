import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, type ImportGraph } from './import-graph.js';

// No module of the SPA imports, through any chain, a module that imports it back (issue 18: the router and
// the pages used to import each other). Type-only and dynamic imports count: modules form a tree of layers.

const graphOf = (edges: Record<string, string[]>): ImportGraph =>
  new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

describe('import cycles', () => {
  it('finds a cycle through several modules, a module importing itself, and none in a tree', () => {
    expect(findCycles(graphOf({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [] }))).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(graphOf({ a: ['a'] }))).toEqual([['a', 'a']]);
    expect(findCycles(graphOf({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('sees the imports of the real tree (static, dynamic and type-only)', () => {
    const graph = importGraph(fileURLToPath(new URL('../src', import.meta.url)));
    expect(graph.get('main.tsx')).toContain('i18n.tsx');
    expect(graph.size).toBeGreaterThan(40);
  });

  it('apps/admin/src has none', () => {
    const cycles = findCycles(importGraph(fileURLToPath(new URL('../src', import.meta.url))));
    expect(cycles.map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});

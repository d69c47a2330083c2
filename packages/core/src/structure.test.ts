// Core's shape, checked on its own sources (read by Vite's import.meta.glob, so the test does no I/O of its
// own): no source file over 400 lines except catalogue data, and no module-level mutable state, since core is
// pure and an evaluation's memo is created by the call that needs it (recognition/evaluation.memo.ts).
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

declare global {
  interface ImportMeta {
    glob(patterns: string[], options: { query: '?raw'; import: 'default'; eager: true }): Record<string, string>;
  }
}

const SOURCES = import.meta.glob(['./**/*.ts', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true });

const MAX_LINES = 400;

/** Catalogue data: long because the legal texts are, not because of code. */
const CATALOGUE_DATA = ['./catalogue/tt124-2021.catalogue.ts', './grading/sheet-templates.ts'];

/** Module-level constants built with `new` that cannot change: `file#name`. */
const IMMUTABLE_CONSTANTS = [
  './text.ts#vietnameseCollator', // an Intl.Collator keeps no state between compare calls
];

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** `new` expressions evaluated when the module loads (not inside a function body). */
function constructionsAtLoad(node: ts.Node, sourceFile: ts.SourceFile): string[] {
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return [];
  const found = ts.isNewExpression(node) ? [node.expression.getText(sourceFile)] : [];
  node.forEachChild((child) => {
    found.push(...constructionsAtLoad(child, sourceFile));
  });
  return found;
}

/** What in a module's top level can change after it loads: `let`/`var`, and constants built with `new`. */
function mutableStateOf(file: string, text: string): string[] {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of list.declarations) {
      const name = declaration.name.getText(sourceFile);
      if (!isConst) {
        problems.push(`${file}: module-level \`${list.flags & ts.NodeFlags.Let ? 'let' : 'var'} ${name}\``);
        continue;
      }
      const built = declaration.initializer ? constructionsAtLoad(declaration.initializer, sourceFile) : [];
      if (built.length > 0 && !IMMUTABLE_CONSTANTS.includes(`${file}#${name}`)) {
        problems.push(`${file}: module-level \`${name}\` holds new ${built.join(', new ')}`);
      }
    }
  }
  return problems;
}

describe("core's sources", () => {
  it('are read (the glob finds them)', () => {
    expect(Object.keys(SOURCES)).toContain('./index.ts');
    expect(Object.keys(SOURCES)).toContain('./recognition/recognition.engine.ts');
  });

  it(`keep every file within ${MAX_LINES} lines, except catalogue data`, () => {
    for (const file of CATALOGUE_DATA) expect(Object.keys(SOURCES)).toContain(file);
    const long = Object.entries(SOURCES)
      .filter(([file, text]) => !CATALOGUE_DATA.includes(file) && lineCount(text) > MAX_LINES)
      .map(([file, text]) => `${file}: ${lineCount(text)} lines`);
    expect(long).toEqual([]);
  });

  it('hold no module-level mutable state (no let/var, no Map, Set or other object built at load)', () => {
    const problems = Object.entries(SOURCES).flatMap(([file, text]) => mutableStateOf(file, text));
    expect(problems).toEqual([]);
  });

  it('the check finds module-level state (it can fail)', () => {
    expect(mutableStateOf('x.ts', 'let n = 0;')).toEqual(['x.ts: module-level `let n`']);
    expect(mutableStateOf('x.ts', 'const cache = new WeakMap<object, number>();')).toHaveLength(1);
    expect(mutableStateOf('x.ts', 'const byType = { KDC: new Map() };')).toHaveLength(1);
    expect(mutableStateOf('x.ts', 'const f = () => new Map();\nconst LABELS = { a: 1 };')).toEqual([]);
  });

  it('allow-list only what exists', () => {
    for (const entry of IMMUTABLE_CONSTANTS) {
      const [file = '', name = ''] = entry.split('#');
      expect(SOURCES[file]).toMatch(new RegExp(`const ${name}\\b`));
    }
  });
});

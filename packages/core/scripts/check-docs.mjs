#!/usr/bin/env node
// Fails unless every export of src/index.ts has a JSDoc comment with an @example (the package is a published
// API: see README.md). Uses the TypeScript compiler API on the real program, so re-exports are followed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configPath = path.join(root, 'tsconfig.json');
const config = ts.getParsedCommandLineOfConfigFile(
  configPath,
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
);
if (!config) throw new Error(`cannot read ${configPath}`);
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const checker = program.getTypeChecker();
const index = program.getSourceFile(path.join(root, 'src/index.ts'));
if (!index) throw new Error('src/index.ts not found');
const moduleSymbol = checker.getSymbolAtLocation(index);
if (!moduleSymbol) throw new Error('src/index.ts is not a module');

const missing = [];
let count = 0;
for (const exported of checker.getExportsOfModule(moduleSymbol)) {
  count++;
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const declarations = symbol.getDeclarations() ?? [];
  const documented = declarations.some((declaration) => {
    // a `const x = …` carries its JSDoc on the variable statement
    const node = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
    return (
      ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'example') ||
      ts
        .getJSDocCommentsAndTags(node)
        .some((doc) => ts.isJSDoc(doc) && (doc.tags ?? []).some((tag) => tag.tagName.text === 'example'))
    );
  });
  if (!documented) {
    const where = declarations[0] ? path.relative(root, declarations[0].getSourceFile().fileName) : '?';
    missing.push(`${exported.getName()} (${where})`);
  }
}
if (missing.length > 0) {
  console.error(
    `${missing.length} of ${count} exports of @antoan/core lack a JSDoc @example:\n  ${missing.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`check-docs: all ${count} exports of @antoan/core have a JSDoc @example`);

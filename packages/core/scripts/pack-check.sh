#!/usr/bin/env bash
# Proves that @antoan/core is publishable: builds it, packs it as `pnpm publish` would (publishConfig applied),
# checks the tarball, installs it with npm into a fresh project OUTSIDE the monorepo, then uses it from plain
# Node (ESM) and from TypeScript (`tsc --noEmit`, no @types/node). Exits non-zero on any failure.
#   pnpm --filter @antoan/core test:pack
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/antoan-core-pack.XXXXXX")"
trap 'rm -rf "$work"' EXIT
case "$work" in "$(cd "$here/../.." && pwd)"/*) echo "temp dir must be outside the monorepo" >&2; exit 1 ;; esac

step() { printf '\n== %s\n' "$1"; }
# run npm as a fresh project would: without the npm_config_* variables pnpm exports to its scripts
plain() { env $(env | grep -o '^npm_config_[^=]*' | sed 's/^/-u /') "$@"; }

step "build"
cd "$here"
pnpm run build

step "pack"
pnpm pack --pack-destination "$work" >/dev/null
tarball="$(ls "$work"/*.tgz)"
echo "$(basename "$tarball") ($(du -k "$tarball" | cut -f1) kB)"

step "check the tarball"
tar -xzOf "$tarball" package/package.json > "$work/manifest.json"
tar -tzf "$tarball" > "$work/files.txt"
node --input-type=module - "$work/manifest.json" "$work/files.txt" <<'JS'
import { readFileSync } from 'node:fs';
const [manifestPath, filesPath] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const files = readFileSync(filesPath, 'utf8').split('\n').filter(Boolean);
const fail = (message) => { console.error(`tarball: ${message}`); process.exit(1); };
const entry = manifest.exports?.['.'];
if (typeof entry !== 'object' || entry.types !== './dist/index.d.ts' || entry.import !== './dist/index.js') {
  fail(`exports["."] must be { types: './dist/index.d.ts', import: './dist/index.js' } (publishConfig applied), got ${JSON.stringify(entry)}`);
}
if (manifest.main !== './dist/index.js' || manifest.types !== './dist/index.d.ts') fail('main/types must point at dist');
if (manifest.type !== 'module') fail('type must be module');
for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })) {
  if (String(range).startsWith('workspace:')) fail(`dependency ${name} uses ${range}`);
  if (name.startsWith('@antoan/')) fail(`dependency on the workspace package ${name}`);
}
for (const needed of ['package/dist/index.js', 'package/dist/index.d.ts', 'package/README.md', 'package/package.json']) {
  if (!files.includes(needed)) fail(`missing ${needed}`);
}
const stray = files.filter((f) => /\.test\.(ts|js|d\.ts)$/.test(f) || f.includes('/bench/') || f.includes('/scripts/') || f.includes('node_modules'));
if (stray.length) fail(`should not ship ${stray.join(', ')}`);
console.log(`manifest ok: exports → ${entry.import} + ${entry.types}; ${files.length} files`);
JS

step "install into a fresh project outside the monorepo: $work/app"
mkdir "$work/app"
cd "$work/app"
cat > package.json <<'JSON'
{ "name": "antoan-core-consumer", "version": "0.0.0", "private": true, "type": "module" }
JSON
plain npm install --no-audit --no-fund --loglevel=error "$tarball" typescript@5.9.3

step "use it from plain Node (ESM)"
cat > check.mjs <<'JS'
import assert from 'node:assert/strict';
import { evaluateUnit, evaluateArea, gradeSheet, KDC_SHEET_TEMPLATE, computeStatistics, quarterPeriod, windowYearOf, passingAnswers, TT124_2021 } from '@antoan/core';

const village = { id: 101, type: 'KDC', areaId: 12, managingLevel: 'commune' };
// every answerable criterion met (KDC-1 212 of 212 households, KDC-4's parts, KDC-5's rating)
const answers = passingAnswers(TT124_2021, 'KDC', () => 212);
const counts = { current: { crimes: 0, socialEvils: 1 }, previous: { crimes: 1, socialEvils: 1 } };
const ok = evaluateUnit({ unit: village, year: 2022, registered: true, answers, counts });
assert.equal(ok.result, 'DAT');
const late = evaluateUnit({ unit: village, year: 2022, registered: true, answers, counts, incidents: [{ criterionCode: 'KDC-3', item: 'e', occurredOn: '2022-10-31' }] });
assert.equal(late.result, 'CHUA_DAT');
assert.equal(windowYearOf('KDC', '2022-11-01'), 2023);
assert.equal(quarterPeriod(2022, 1).from, '2021-12-15');
const area = evaluateArea([{ unit: { id: 1, type: 'XA', areaId: 12, managingLevel: 'district' }, year: 2022, registered: true,
  answers: passingAnswers(TT124_2021, 'XA') },
  { unit: village, year: 2022, registered: true, answers, counts }]);
assert.equal(area[0].result, 'DAT');
assert.equal(computeStatistics({ year: 2022, units: area }).units.byType.KDC.recognitionRate.text, '1/1');
const scores = Object.fromEntries(KDC_SHEET_TEMPLATE.groups.flatMap((g) => g.items).map((i) => [i.code, { self: i.maxPoints }]));
assert.equal(gradeSheet(KDC_SHEET_TEMPLATE, { scores, standardMet: true }).grade, 'XUAT_SAC');
console.log(`plain Node ESM ok: ${ok.summary.vi} / ${late.summary.en}`);
JS
node check.mjs

step "use it from TypeScript (tsc --noEmit, strict, NodeNext, no @types/node, declarations checked)"
cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022", "lib": ["ES2023", "DOM"], "module": "NodeNext", "moduleResolution": "NodeNext",
    "strict": true, "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true,
    "noEmit": true, "types": [], "skipLibCheck": false
  },
  "files": ["check.ts"]
}
JSON
cat > check.ts <<'TS'
import {
  evaluateUnit, gradeSheet, getSheetTemplate, TT124_2021, RECOGNITION_RESULT_LABELS, DomainError,
  type UnitEvaluationInput, type UnitEvaluation, type RecognitionResult, type GradingResult, type Catalogue,
} from '@antoan/core';

const input: UnitEvaluationInput = {
  unit: { id: 7, type: 'CSGD', areaId: 12, managingLevel: 'district', schoolLevel: 'upper_secondary' },
  year: 2023,
  registered: true,
  answers: { 'CSGD-1': { checks: { registration: true, plan: true } } },
};
const evaluation: UnitEvaluation = evaluateUnit(input, { catalogue: TT124_2021 satisfies Catalogue });
const result: RecognitionResult = evaluation.result;
const label: string = RECOGNITION_RESULT_LABELS[result].vi;
const graded: GradingResult = gradeSheet(getSheetTemplate('csgd-510-2022'), { scores: {} });
const error = new DomainError('NOT_FOUND', { vi: 'Không tìm thấy', en: 'Not found' });
// @ts-expect-error: 'SCHOOL' is not a unit type — proves the published types are real, not `any`
const wrong: UnitEvaluationInput['unit']['type'] = 'SCHOOL';
export { label, graded, error, wrong };
TS
plain node_modules/.bin/tsc -p .
echo "TypeScript ok"

step "pack check passed"

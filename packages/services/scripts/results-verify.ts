// pnpm results:verify [--repair] [--data-dir DIR]
// Recomputes every stored result (and every year with data) from the raw data with core's engine and compares it
// with what is stored, unit by unit, and each quarterly report's on-time flag. Prints each difference (the first
// 50) and the counts; exits 1 when it found a difference it did not repair. With --repair it writes the engine's
// results where they differ (one transaction per year). Works on the SQLite file (DATA_DIR or --data-dir) or on
// PostgreSQL (DATABASE_URL), while the server runs.
import { parseArgs } from 'node:util';
import { startDatabase } from '@antoan/db/client';
import { commandDataDir } from './data-dir.js';
import { verifyResults } from '../src/results.service.js';

const { values } = parseArgs({
  options: { repair: { type: 'boolean', default: false }, 'data-dir': { type: 'string' } },
});
const dataDir = commandDataDir(values['data-dir']);
const handle = await startDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir,
  log: (line) => console.log(line),
});
const started = performance.now();
try {
  const report = await verifyResults(handle.db, {
    now: new Date(),
    repair: values.repair,
    onProgress: (done, total, year) =>
      console.log(`[results] ${year} checked (${done}/${total}, ${Math.round(performance.now() - started)} ms)`),
  });
  for (const d of report.differences.slice(0, 50)) {
    const show = (r: typeof d.stored) =>
      r ? `${r.result}/${r.status}/${r.grade ?? '-'}/${r.catalogueId}/area ${r.areaId}/v${r.engineVersion}` : 'none';
    console.log(`  unit ${d.unitId} ${d.year}: stored ${show(d.stored)}, engine ${show(d.computed)}`);
  }
  if (report.differences.length > 50) console.log(`  … and ${report.differences.length - 50} more`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `[results] years ${report.years.join(', ') || 'none'}: ${report.checked} results checked, ${report.differences.length} differences, ${report.reportTimes} report on-time flags wrong or missing, ${report.totals} per-area total rows off${report.repaired ? ' (repaired)' : ''} in ${seconds} s`,
  );
  if (!report.repaired && (report.differences.length > 0 || report.reportTimes > 0 || report.totals > 0))
    process.exitCode = 1;
} catch (error) {
  console.error(`results:verify failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.destroy();
}

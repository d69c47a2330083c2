// pnpm seed:national [--scale 1] [--seed 2025] [--data-dir data/national]
// Generates the national dataset into a new SQLite file (default data/national/antoan.sqlite) or, with
// DATABASE_URL, into PostgreSQL. Prints a progress bar and the time taken.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { defaultDataDir, startDatabase } from '../src/client.js';
import { seedNational } from '../src/seed/national.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '2025' },
    'data-dir': { type: 'string' },
  },
});
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 2)) {
  console.error('--scale must be a number in (0, 2]');
  process.exit(1);
}
const dataDir = values['data-dir'] ?? `${defaultDataDir()}/national`;
const handle = await startDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
const bar = new cliProgress.SingleBar(
  { format: ' {step} [{bar}] {percentage}% | {value}/{total} | {duration}s', hideCursor: true },
  cliProgress.Presets.shades_classic,
);
let current = '';
const started = performance.now();
try {
  const report = await seedNational(handle.db, {
    scale,
    seed: Number(values.seed),
    onProgress: (step, done, total) => {
      if (step !== current) {
        if (current) bar.stop();
        current = step;
        bar.start(total, done, { step: step.padEnd(18) });
      } else bar.update(done);
    },
  });
  bar.stop();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`national dataset in ${seconds} s:`, report);
} catch (error) {
  bar.stop();
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.destroy();
}

// pnpm seed:demo: loads the Ba Đồn demo into the configured database (DATABASE_URL, or the SQLite file in
// DATA_DIR / data/) if it is empty — with its 1 July 2025 reorganisation done through the product's operation —,
// stores its results, and freezes the snapshots of the demo quarters.
import { vietnamDate } from '@antoan/core';
import { startDatabase } from '@antoan/db/client';
import { seedDemoSnapshots } from '@antoan/db/seed';
import { seedDemoWithReform } from '../src/demo.service.js';
import { ensureResults } from '../src/results.service.js';
import { computeScopeSummaries } from '../src/snapshot.service.js';

const handle = await startDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
try {
  const report = await seedDemoWithReform(handle.db);
  console.log(report.seeded ? `demo loaded: ${JSON.stringify(report)}` : 'the database is not empty: nothing loaded');
  const now = new Date();
  const years = await ensureResults(handle.db, { now, currentYear: Number(vietnamDate(now).slice(0, 4)) });
  if (years.length > 0) console.log(`stored results of ${years.join(', ')}`);
  if (report.seeded)
    console.log(
      `snapshots of the demo quarters: ${await seedDemoSnapshots(handle.db, now, (o) => computeScopeSummaries(handle.db, { ...o, now }))}`,
    );
} finally {
  await handle.destroy();
}

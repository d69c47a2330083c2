// pnpm seed:demo: loads the Ba Đồn demo into the configured database (DATABASE_URL, or the SQLite file in
// DATA_DIR / data/) if it is empty.
import { startDatabase } from '../src/client.js';
import { seedDemo, seedDemoSnapshots } from '../src/seed/index.js';

const handle = await startDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
try {
  const report = await seedDemo(handle.db);
  console.log(report.seeded ? `demo loaded: ${JSON.stringify(report)}` : 'the database is not empty: nothing loaded');
  if (report.seeded) console.log(`snapshots of the demo quarters: ${await seedDemoSnapshots(handle.db, new Date())}`);
} finally {
  await handle.destroy();
}

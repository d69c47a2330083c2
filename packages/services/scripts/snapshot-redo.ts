// pnpm snapshot:redo PERIOD --reason TEXT [--data-dir DIR]
// Takes a period's statistics snapshot again (PERIOD is a quarter, 2026-Q2, or a day, 2026-11-05): discards
// the rows frozen for it and its run, with an audit record (`snapshot.discard`, who: the operator's command,
// why: --reason), then freezes the figures of the stored results now. For a period frozen wrong, e.g. empty
// because a worker froze it before the data was loaded. Refuses while a worker is taking that snapshot.
// Works on the SQLite file (DATA_DIR or --data-dir) or on PostgreSQL (DATABASE_URL), while the server runs.
import { parseArgs } from 'node:util';
import { startDatabase } from '@antoan/db/client';
import { commandDataDir } from './data-dir.js';
import { redoSnapshot } from '../src/snapshot.service.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { reason: { type: 'string' }, 'data-dir': { type: 'string' } },
});
const periodKey = positionals[0];
if (!periodKey || !values.reason?.trim()) {
  console.error('usage: pnpm snapshot:redo PERIOD --reason TEXT   (PERIOD: 2026-Q2 or 2026-11-05)');
  process.exit(2);
}
const dataDir = commandDataDir(values['data-dir']);
const handle = await startDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir,
  log: (line) => console.log(line),
});
try {
  const { discarded, result } = await redoSnapshot(handle.db, periodKey, {
    userId: null,
    reason: `snapshot:redo: ${values.reason.trim()}`,
    now: new Date(),
  });
  if (result.status !== 'done') throw new Error(`the snapshot was not taken (${result.reason})`);
  console.log(
    `[snapshot] ${periodKey}: ${discarded} rows discarded (audited), ${result.scopes} scopes frozen again in ${result.ms} ms`,
  );
} catch (error) {
  console.error(`snapshot:redo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.destroy();
}

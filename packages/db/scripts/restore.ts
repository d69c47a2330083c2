// pnpm restore FILE: puts a backup in place of the SQLite database (DATA_DIR, default data/). Stop the server
// and the worker first (it refuses while they hold the file). The backup is checked (integrity_check, an An Toàn
// database of a known schema) before anything moves; the replaced file is kept as
// <name>.before-restore-<timestamp>, and stale -wal/-shm files of the target are removed.
// PostgreSQL (DATABASE_URL) is restored with pg_restore: see the README.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { restoreDatabase } from '../src/backup.js';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (process.env.DATABASE_URL) {
  console.error(
    'DATABASE_URL is set: restore PostgreSQL with pg_restore --clean --if-exists (see the README); this script restores the SQLite file',
  );
  process.exit(1);
}
const [file] = positionals;
if (positionals.length !== 1 || file === undefined) {
  console.error('usage: pnpm restore FILE');
  process.exit(1);
}
const cwd = process.env.INIT_CWD ?? process.cwd();
try {
  const result = restoreDatabase({
    from: path.resolve(cwd, file),
    dataDir: process.env.DATA_DIR ? path.resolve(cwd, process.env.DATA_DIR) : undefined,
  });
  console.log(`restored ${result.target} (schema ${result.migrations.at(-1)}, integrity ok)`);
  if (result.replaced) console.log(`the previous database is kept as ${result.replaced}`);
  if (result.removed.length) console.log(`removed stale ${result.removed.map((f) => path.basename(f)).join(', ')}`);
} catch (error) {
  console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

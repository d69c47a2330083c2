// pnpm backup [--out FILE]: an online, consistent copy of the SQLite database (DATA_DIR, default data/) to FILE
// (default <data dir>/backups/antoan-<UTC timestamp>.sqlite) while the server and the worker keep running.
// PostgreSQL (DATABASE_URL) is backed up with pg_dump: see the README.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase } from '../src/backup.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (process.env.DATABASE_URL) {
  console.error(
    'DATABASE_URL is set: back PostgreSQL up with pg_dump -Fc (see the README); this script copies the SQLite file',
  );
  process.exit(1);
}
// pnpm runs the script in packages/db: a relative path means the folder the command was typed in.
const cwd = process.env.INIT_CWD ?? process.cwd();
try {
  const result = await backupDatabase({
    dataDir: process.env.DATA_DIR ? path.resolve(cwd, process.env.DATA_DIR) : undefined,
    out: values.out ? path.resolve(cwd, values.out) : undefined,
  });
  console.log(
    `backed up ${result.source} to ${result.file}: ${result.pages} pages, ${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${result.ms} ms (integrity ok)`,
  );
} catch (error) {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

// pnpm migrate: brings the database (DATABASE_URL, else the SQLite file of DATA_DIR, default data/) to the
// schema of this version, and exits: 0 when it is current, 1 on failure. For upgrades with MIGRATE=off on the
// servers and workers: run it once with the new version, then restart (roll) them. Safe while old servers run
// only if the new migrations are additive (see docs/deploy.md); safe to run twice, or from two places at once.
import path from 'node:path';
import { EnvError, parseEnvironment, databaseEnvShape } from '../src/env.js';
import { z } from 'zod';
import { migrateToLatest } from '../src/migrate.js';
import { openDatabase } from '../src/client.js';

try {
  const env = parseEnvironment(z.object(databaseEnvShape), process.env);
  // pnpm runs the script in packages/db: a relative path means the folder the command was typed in.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const handle = openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR ? path.resolve(cwd, env.DATA_DIR) : undefined,
    poolSize: 1,
  });
  try {
    console.log(`[migrate] ${handle.dialect === 'sqlite' ? 'SQLite file' : 'PostgreSQL'}: ${handle.location}`);
    const started = performance.now();
    const { applied } = await migrateToLatest(handle.db);
    const ms = Math.round(performance.now() - started);
    console.log(
      applied.length
        ? `[migrate] applied ${applied.length} migrations in ${ms} ms: ${applied.join(', ')}`
        : `[migrate] the schema is up to date (${ms} ms)`,
    );
  } finally {
    await handle.destroy();
  }
} catch (error) {
  console.error(
    error instanceof EnvError
      ? error.message
      : `migrate failed: ${error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error)}`,
  );
  process.exitCode = 1;
}

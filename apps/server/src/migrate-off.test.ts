import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProcessDatabase,
  startServerProcess,
  type ProcessDatabase,
  type ServerProcess,
} from './testing/server-process.js';

// Upgrades run by the operator (docs/deploy.md): servers started with MIGRATE=off never change the schema;
// on a database that is behind they wait (not listening, so not ready) until `pnpm migrate` has run, then
// start. On the SQLite file, or on PostgreSQL when DATABASE_URL is set.

const migrateScript = fileURLToPath(new URL('../../../packages/db/scripts/migrate.ts', import.meta.url));

function runMigrate(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', migrateScript], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe('MIGRATE=off and pnpm migrate', () => {
  let database: ProcessDatabase;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    database = await createProcessDatabase(process.env.DATABASE_URL);
  }, 60_000);
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await database.destroy();
  });

  it('a server waits for the schema instead of migrating, and starts once pnpm migrate ran', async () => {
    const base = { PATH: process.env.PATH, HOME: process.env.HOME, ...database.env };
    let sawWaiting!: () => void;
    const waiting = new Promise<void>((resolve) => (sawWaiting = resolve));
    let listening = false;
    const starting = startServerProcess(
      { ...base, MIGRATE: 'off', SEED: 'none', ADMIN_PASSWORD: 'mật khẩu nâng cấp', STATIC_DIR: '/nonexistent' },
      120_000,
      (output) => {
        if (output.includes('MIGRATE=off: waiting for the schema')) sawWaiting();
      },
    ).then((started) => {
      listening = true;
      return started;
    });
    await waiting;
    expect(listening).toBe(false);

    const migrated = await runMigrate(base);
    expect(migrated.code).toBe(0);
    expect(migrated.output).toMatch(/\[migrate\] applied \d+ migrations/);
    server = await starting;
    expect(server.output()).toContain('schema is up to date (MIGRATE=off)');
    expect(server.output()).not.toContain('applied migrations');
    const ready = await fetch(`${server.baseUrl}/ready`);
    expect(ready.status).toBe(200);

    const again = await runMigrate(base);
    expect([again.code, /the schema is up to date/.test(again.output)]).toEqual([0, true]);
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  }, 180_000);
});

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const mainFile = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('the worker process', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'antoan-worker-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates the shared database, runs its jobs in Vietnam time and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, HEARTBEAT_CRON: '* * * * * *' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    const deadline = Date.now() + 15_000;
    while (!/heartbeat .*database reachable/.test(output) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).toContain(`SQLite file: ${path.join(dataDir, 'antoan.sqlite')}`);
    expect(output).toContain('job heartbeat scheduled (* * * * * *, Asia/Ho_Chi_Minh)');
    expect(output).toMatch(/heartbeat .*database reachable/);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('[worker] stopped cleanly');
  }, 30_000);

  it('refuses a bad DATABASE_URL with one line', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
      env: { PATH: process.env.PATH, DATABASE_URL: 'mysql://nope' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('Invalid environment variable DATABASE_URL="mysql://nope"');
  }, 20_000);
});

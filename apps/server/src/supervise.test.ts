import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The start command supervises the server: a server that dies is started again, and the log says why.

const superviseFile = fileURLToPath(new URL('./supervise.ts', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'antoan-supervise-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startSupervisor(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['--import', 'tsx', superviseFile], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  /** Resolves with the match once the output matches `pattern` `times` times. */
  const waitFor = async (pattern: RegExp, times = 1, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matches = [...output.matchAll(new RegExp(pattern.source, 'g'))];
      if (matches.length >= times) return matches[times - 1]!;
      if (Date.now() > deadline) throw new Error(`no ${pattern} (×${times}) in: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

describe('pnpm start (supervise.ts)', () => {
  it('restarts a server that was killed, says why, and stops cleanly with it', async () => {
    const supervisor = startSupervisor({
      DATA_DIR: dataDir,
      STATIC_DIR: path.join(dataDir, 'no-spa-here'),
      SEED: 'none',
      ADMIN_PASSWORD: 'mật khẩu quản trị thử',
    });
    try {
      const firstPid = Number((await supervisor.waitFor(/started the server \(pid (\d+)\)/))[1]);
      await supervisor.waitFor(/listening on (http:\/\/\S+)/);
      process.kill(firstPid, 'SIGKILL');
      await supervisor.waitFor(/the server stopped unexpectedly \(killed by SIGKILL[^)]*\)\): restarting in 1 s/);
      const secondPid = Number((await supervisor.waitFor(/started the server \(pid (\d+)\)/, 2))[1]);
      expect(secondPid).not.toBe(firstPid);
      const url = (await supervisor.waitFor(/listening on (http:\/\/\S+)/, 2))[1]!;
      expect((await fetch(`${url}/health`)).status).toBe(200);
      supervisor.child.kill('SIGTERM');
      expect(await supervisor.exited).toBe(0);
      expect(supervisor.output()).toContain('stopped cleanly');
    } finally {
      supervisor.child.kill('SIGKILL');
    }
  }, 90_000);

  it('does not restart a server that fails before it listens (a bad setting), and exits with its code', async () => {
    const supervisor = startSupervisor({ DATA_DIR: dataDir, PORT: 'not a port' });
    expect(await supervisor.exited).toBe(1);
    expect(supervisor.output()).toMatch(/the server stopped before it listened \(exit code 1[^)]*\): not restarting/);
    expect(supervisor.output().match(/started the server/g)).toHaveLength(1);
  }, 60_000);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countOutbox } from '@antoan/db/worker';
import { afterAll, describe, expect, it } from 'vitest';
import { seedWorkerFixture } from './testing/fixture.js';
import { createSharedDatabase } from './testing/shared-database.js';
import { startSmtpSink } from './testing/smtp-sink.js';

const mainFile = fileURLToPath(new URL('./main.ts', import.meta.url));

interface Worker {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  exited: Promise<number | null>;
}

function startWorker(env: Record<string, string | undefined>): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    child,
    output: () => output,
    exited,
    async waitFor(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

describe('the worker process', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'antoan-worker-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates the shared database, runs its jobs in Vietnam time and stops cleanly on SIGTERM', async () => {
    const worker = startWorker({ DATA_DIR: dataDir, HEARTBEAT_CRON: '* * * * * *' });
    await worker.waitFor(/heartbeat .*database reachable/, 15_000);
    expect(worker.output()).toContain(`SQLite file: ${path.join(dataDir, 'antoan.sqlite')}`);
    expect(worker.output()).toContain('job heartbeat scheduled (* * * * * *, Asia/Ho_Chi_Minh)');
    expect(worker.output()).toContain('job reminders scheduled (*/10 * * * *, Asia/Ho_Chi_Minh)');
    expect(worker.output()).toContain('mail to the log and the outbox (no SMTP_URL)');
    await worker.waitFor(/catch-up done/);

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('[worker] stopped cleanly');
  }, 40_000);

  it('as `pnpm start` runs it, a Ctrl-C (SIGINT to the whole process group) exits 0 without "ELIFECYCLE Command failed"', async () => {
    // A terminal's Ctrl-C reaches pnpm, the shell running the script and node at once. Without `exec` in the
    // start script, the shell died of the SIGINT after node's clean exit and pnpm reported a failure (issue 16).
    const child = spawn('pnpm', ['run', '--silent', 'start'], {
      cwd: path.dirname(path.dirname(mainFile)),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, as a terminal's foreground job
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 60_000;
    while (!output.includes('catch-up done')) {
      if (Date.now() > deadline) throw new Error(`the worker did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    process.kill(-(child.pid ?? 0), 'SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('[worker] stopped cleanly');
    expect(output).not.toContain('ELIFECYCLE');
  }, 90_000);

  it.each([
    ['DATABASE_URL', 'mysql://nope'],
    ['REMINDER_OFFSETS', '7,x'],
  ])(
    'refuses a bad %s with one line',
    async (name, value) => {
      const worker = startWorker({ [name]: value, DATA_DIR: dataDir });
      const code = await worker.exited;
      expect(code).toBe(1);
      expect(worker.output().trim().split('\n')).toHaveLength(1);
      expect(worker.output()).toContain(`Invalid environment variable ${name}=${JSON.stringify(value)}`);
    },
    20_000,
  );
});

describe('two worker processes on one SQLite file, with a fake clock and a real SMTP server', () => {
  it('send each digest once, and nothing more after a restart', async () => {
    const shared = await createSharedDatabase(undefined);
    const sink = await startSmtpSink();
    try {
      await seedWorkerFixture(shared.open().db);
      const env = {
        DATA_DIR: shared.dataDir,
        SMTP_URL: sink.url,
        MAIL_FROM: 'An Toàn <no-reply@antoan.test>',
        // 17 March 2023, 08:00 in Vietnam: "3 days before" the Q1 report (and the missed "7 days before").
        WORKER_FAKE_NOW: '2023-03-17T08:00:00+07:00',
      };
      const a = startWorker({ ...env, WORKER_ID: 'worker-A' });
      const b = startWorker({ ...env, WORKER_ID: 'worker-B' });
      await Promise.all([a.waitFor(/catch-up done/), b.waitFor(/catch-up done/)]);
      const db = shared.open().db;
      const outbox = await countOutbox(db);
      expect(outbox.sent).toBeGreaterThan(5);
      expect(outbox).toMatchObject({ pending: 0, sending: 0, failed: 0, logged: 0 });
      await sink.waitFor(outbox.sent);
      expect(sink.mails).toHaveLength(outbox.sent);
      const keys = sink.mails.map((m) => m.headers.get('x-antoan-dedupe'));
      expect(new Set(keys).size).toBe(keys.length);
      expect(sink.mails.every((m) => m.subject.includes('Nhắc việc ngày 17/03/2023'))).toBe(true);
      expect(a.output() + b.output()).toContain('WORKER_FAKE_NOW: the clock starts at 2023-03-17T01:00');

      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);

      const restarted = startWorker({ ...env, WORKER_ID: 'worker-C' });
      await restarted.waitFor(/catch-up done/);
      restarted.child.kill('SIGTERM');
      expect(await restarted.exited).toBe(0);
      expect(sink.mails).toHaveLength(outbox.sent);
      expect(await countOutbox(db)).toEqual(outbox);
    } finally {
      await sink.close();
      await shared.destroy();
    }
  }, 90_000);
});

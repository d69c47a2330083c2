import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '@antoan/db/client';
import { createTestDatabase } from '@antoan/db/testing';
import { fileURLToPath } from 'node:url';

// The real server as a child process, for the crash test and the load benchmark: `node --import tsx
// src/main.ts` with only the environment given (the caller passes PATH and HOME; PORT defaults to 0 and the
// port is read from the "listening on" line).

const mainFile = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startServerProcess(
  env: Record<string, string | undefined>,
  timeoutMs = 30_000,
  /** Sees everything the process prints, also before it listens. */
  onOutput?: (output: string) => void,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
    env: { PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms: ${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      onOutput?.(output);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, baseUrl: match[1]!, output: () => output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening: ${output}`));
    });
  });
}

/** Signs in over HTTP (a same-origin JSON POST, as the CSRF rule wants) and returns the `Cookie` header value. */
export async function signInOverHttp(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed with HTTP ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  if (!cookie) throw new Error('sign-in answered without a session cookie');
  return cookie;
}

/** The URL of a tRPC query with its input. */
export function queryUrl(baseUrl: string, procedure: string, input: unknown): string {
  return `${baseUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

/**
 * The real server on a fresh data folder, with no demo data and no built SPA (pages say why they are missing);
 * `env` adds to that (the caller passes PATH, HOME and ADMIN_PASSWORD). `stop()` ends it and removes the folder.
 */
export async function startBareServer(
  name: string,
  env: Record<string, string | undefined>,
): Promise<ServerProcess & { stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `antoan-${name}-`));
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    STATIC_DIR: path.join(dataDir, 'no-spa-here'),
    SEED: 'none',
    ...env,
  });
  return {
    ...server,
    stop: async () => {
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Sends a request over a raw socket and reads the answer (its headers and `Content-Length` bytes), then closes:
 * unlike `fetch`, it sees a server's early answer even while its own upload is unfinished or refused.
 * `declaredLength` defaults to the body's length; send less to leave the body unfinished.
 */
export function sendRaw(
  baseUrl: string,
  request: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: Buffer | string;
    declaredLength?: number;
    localAddress?: string;
  },
): Promise<{ status: number; statusLine: string; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  const body = Buffer.from(request.body ?? '');
  const head = [
    `${request.method ?? 'POST'} ${request.path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    `Content-Length: ${request.declaredLength ?? body.length}`,
    ...Object.entries(request.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n');
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port), localAddress: request.localAddress });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const text = received.toString('utf8');
      const statusLine = text.split('\r\n')[0] ?? '';
      const start = text.indexOf('\r\n\r\n');
      resolve({
        status: Number(statusLine.split(' ')[1] ?? 0),
        statusLine,
        body: start < 0 ? '' : text.slice(start + 4),
      });
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(received.subarray(0, end).toString('latin1'));
      if (length && received.length >= end + 4 + Number(length[1])) finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', finish);
    socket.write(`${head}\r\n\r\n`);
    socket.write(body);
  });
}

/** An empty database for server and worker processes, and the environment that points them at it. */
export interface ProcessDatabase {
  /** `DATA_DIR` (a new SQLite folder), or `DATABASE_URL` (a new database) when DATABASE_URL is set. */
  env: Record<string, string>;
  /** A connection of the test's own to it (the caller closes it). */
  open: () => DatabaseHandle;
  destroy: () => Promise<void>;
}

export async function createProcessDatabase(serverUrl: string | undefined): Promise<ProcessDatabase> {
  if (serverUrl) {
    const postgres = await createTestDatabase(serverUrl, { migrate: false });
    return {
      env: { DATABASE_URL: postgres.location },
      open: () => openDatabase({ databaseUrl: postgres.location }),
      destroy: () => postgres.destroy(),
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'antoan-process-db-'));
  return {
    env: { DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    destroy: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  };
}

const workerMain = fileURLToPath(new URL('../../../worker/src/main.ts', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The real worker (apps/worker) as a child process, for the tests of a whole installation. */
export function startWorkerProcess(env: Record<string, string | undefined>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', workerMain], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * Workers as the installation tests run them, with `base` (PATH, HOME, the database's settings): their clock says 2 October 2026, 08:00 in Việt Nam (2026-Q2 and
 * Q3 are over, so each freezes them once), and they tick every two seconds.
 */
export function startWorkersAfterQ3(base: Record<string, string | undefined>, ids: readonly string[]): WorkerProcess[] {
  return ids.map((id) =>
    startWorkerProcess({
      ...base,
      WORKER_ID: id,
      WORKER_FAKE_NOW: '2026-10-02T08:00:00+07:00',
      WORKER_TICK_CRON: '*/2 * * * * *',
    }),
  );
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const serverDir = fileURLToPath(new URL('../../server', import.meta.url));
export const artefactsDir = fileURLToPath(new URL('../test-results', import.meta.url));

/** The first admin's password, given to the server through ADMIN_PASSWORD. */
export const ADMIN_PASSWORD = 'mật khẩu quản trị e2e';

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (apps/server) on a free port: by default on a fresh SQLite file with the demo data,
 * or on an existing data folder (kept afterwards) without seeding. `demo: 'reformed'` loads the demo as the
 * server does by default (with its 1 July 2025 reorganisation); otherwise the demo as it stood before it
 * (SEED=demo-2022: 2020–2022 on the old tree), which the tests written on that tree use.
 */
export async function startRealServer(
  options: { dataDir?: string; demo?: 'reformed' | 'before-reform' } = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'antoan-e2e-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: '0',
    DATA_DIR: dataDir,
    ADMIN_PASSWORD,
  };
  if (options.dataDir) env.SEED = 'none';
  else env.SEED = options.demo === 'reformed' ? 'demo' : 'demo-2022';
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`server exited: ${output}`)));
    setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000).unref();
  });
  return {
    baseUrl,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's Chromium, headless, with the flags this closed network needs. Playwright gives every launch a
 * fresh temporary profile of its own (it refuses --user-data-dir).
 */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(artefactsDir, { recursive: true });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** A signed-in HTTP client of the real server's tRPC API, for a test's setup (same origin, JSON, cookie). */
export interface ApiSession {
  /** The session cookie (`name=value`), to hand to a browser context. */
  readonly cookie: string;
  query<T = unknown>(path: string, input?: unknown): Promise<T>;
  mutate<T = unknown>(path: string, input?: unknown): Promise<T>;
}

export async function apiSession(baseUrl: string, username: string, password: string): Promise<ApiSession> {
  let cookie = '';
  const call = async <T>(method: 'GET' | 'POST', path: string, input: unknown): Promise<T> => {
    const url = new URL(`/trpc/${path}`, baseUrl);
    if (method === 'GET' && input !== undefined) url.searchParams.set('input', JSON.stringify(input));
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', origin: baseUrl, cookie },
      body: method === 'POST' ? JSON.stringify(input ?? null) : undefined,
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
    if (!response.ok || !body.result)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(body.error ?? body)}`);
    return body.result.data;
  };
  await call('POST', 'auth.login', { username, password });
  return {
    get cookie() {
      return cookie;
    },
    query: (path, input) => call('GET', path, input),
    mutate: (path, input) => call('POST', path, input),
  };
}

/**
 * Collects what goes wrong in a page into `errors`: uncaught exceptions, console errors and, since the
 * console only says "Failed to load resource", which request failed with which status.
 */
export function collectPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      errors.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
}

/** A page that collects the browser's errors (see {@link collectPageErrors}) into `errors`. */
export async function openPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  collectPageErrors(page, errors);
  return { page, errors };
}

/** A query of the API with the page's session (to find ids, and to check what the UI shows). */
export async function queryWith<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([procedure, input]) => {
      const response = await fetch(`/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`);
      const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
      if (!body.result) throw new Error(`${procedure}: ${JSON.stringify(body.error)}`);
      return body.result.data;
    },
    [procedure, input] as const,
  ) as Promise<T>;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const mainFile = fileURLToPath(new URL('./main.ts', import.meta.url));
const ADMIN_PASSWORD = 'mật khẩu quản trị';

async function signIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^antoan_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Expires=/);
  return cookie.split(';')[0]!;
}

interface Started {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) resolve({ child, baseUrl: match[1]!, output: () => output, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${output}`)));
    setTimeout(() => reject(new Error(`server did not start: ${output}`)), 90_000).unref();
  });
}

describe('the server process', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'antoan-server-'));
  const staticDir = mkdtempSync(path.join(tmpdir(), 'antoan-static-'));
  let server: Started;

  beforeAll(async () => {
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>An Toàn</title><div id="root"></div>');
    server = await startServer({ DATA_DIR: dataDir, STATIC_DIR: staticDir, ADMIN_PASSWORD: ADMIN_PASSWORD });
  }, 90_000);
  afterAll(() => {
    server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('prints where the SQLite file is and loads the demo data', () => {
    expect(server.output()).toContain(`SQLite file: ${path.join(dataDir, 'antoan.sqlite')}`);
    expect(server.output()).toMatch(/loaded the demo data: 24 areas, 414 units/);
    expect(server.output()).toContain('froze 24 quarterly snapshots of the demo years');
  });

  it('answers the health check', async () => {
    const res = await fetch(`${server.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('creates the first admin with the password from ADMIN_PASSWORD and asks anonymous callers to sign in', async () => {
    expect(server.output()).toContain('created the first user "admin" with the password from ADMIN_PASSWORD');
    // The sign-in, framed, once the server listens: the address and the user, never the chosen password.
    const deadline = Date.now() + 30_000;
    while (!server.output().includes('╝') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(server.output()).toContain(`Địa chỉ / Address:     ${server.baseUrl}`);
    expect(server.output()).toContain('Mật khẩu / Password:   (ADMIN_PASSWORD)');
    expect(server.output()).not.toContain(ADMIN_PASSWORD);
    expect(server.output()).not.toContain(ADMIN_PASSWORD);
    const input = encodeURIComponent(JSON.stringify({}));
    const res = await fetch(`${server.baseUrl}/trpc/units.list?input=${input}`);
    expect(res.status).toBe(401);
  });

  it('refuses cross-site and non-JSON mutations', async () => {
    const body = JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD });
    const form = await fetch(`${server.baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body,
    });
    expect(form.status).toBe(403);
    const crossSite = await fetch(`${server.baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body,
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();
  });

  it('serves the API and the SPA on one origin, with the SPA as fallback for client routes', async () => {
    const cookie = await signIn(server.baseUrl);
    const input = encodeURIComponent(JSON.stringify({ search: 'xa quang thuy' }));
    const api = await fetch(`${server.baseUrl}/trpc/units.list?input=${input}`, { headers: { Cookie: cookie } });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { result: { data: { items: Array<{ name: string }> } } };
    expect(body.result.data.items.map((u) => u.name)).toEqual(['Xã Quảng Thủy']);

    for (const route of ['/', '/units/42']) {
      const page = await fetch(`${server.baseUrl}${route}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>An Toàn</title>');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('answers bad input with 400 and field errors, never 500', async () => {
    const cookie = await signIn(server.baseUrl);
    const input = encodeURIComponent(JSON.stringify({ page: -1, types: ['XYZ'] }));
    const res = await fetch(`${server.baseUrl}/trpc/units.list?input=${input}`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: { fieldErrors: Array<{ path: string }> } } };
    expect(body.error.data.fieldErrors.map((e) => e.path).sort()).toEqual(['page', 'types.0']);
    expect(JSON.stringify(body)).not.toContain('stack');
  });

  it('stops cleanly on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('stopped cleanly');
  });
});

describe('a bad configuration', () => {
  it('prints one line naming the variable and exits non-zero', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
      env: { PATH: process.env.PATH, PORT: 'abc' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'Invalid environment variable PORT="abc": must be a whole number from 0 to 65535',
    ]);
  }, 60_000);
});

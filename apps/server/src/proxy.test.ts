import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureFirstAdmin } from '@antoan/api';
import { createTestDatabase } from '@antoan/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer, type AppServerOptions } from './app-server.js';

// Behind a reverse proxy. nginx's default `proxy_set_header Host $proxy_host` sends the upstream's name
// (here 127.0.0.1:<port>) as Host while the browser's Origin is the public site: the cross-site check must
// then use PUBLIC_URL, or, with TRUST_PROXY, the X-Forwarded-Host / -Proto the proxy adds. Requests are sent
// exactly as such a proxy sends them, to a real server on a real database.

const PASSWORD = 'mật khẩu sau proxy';
const silent = { info: () => {}, warn: () => {}, error: () => {} };

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  handle = await createTestDatabase();
  await ensureFirstAdmin(handle.db, { password: PASSWORD, now: new Date() });
}, 60_000);
afterAll(() => handle.destroy());

async function withServer<T>(options: Partial<AppServerOptions>, run: (port: number) => Promise<T>): Promise<T> {
  const server = createAppServer({ db: handle.db, log: silent, staticDir: '/nonexistent', ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await run((server.address() as AddressInfo).port);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** A sign-in as the proxy forwards it: status and whether a session cookie came back. */
function signIn(port: number, headers: Record<string, string>): Promise<{ status: number; cookie: boolean }> {
  const body = JSON.stringify({ username: 'admin', password: PASSWORD });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/trpc/auth.login',
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: Boolean(res.headers['set-cookie']) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const nginxDefault = (port: number) => ({ Host: `127.0.0.1:${port}`, 'X-Forwarded-For': '203.0.113.7' });
const SITE = 'https://antoan.example';

describe('sign-in through a reverse proxy that rewrites Host', () => {
  it('is refused without PUBLIC_URL or TRUST_PROXY (what the issue saw)', async () => {
    await withServer({}, async (port) => {
      expect(await signIn(port, { ...nginxDefault(port), Origin: SITE })).toEqual({ status: 403, cookie: false });
    });
  });

  it('with PUBLIC_URL: accepted from that origin only, whatever Host says', async () => {
    await withServer({ publicUrl: SITE }, async (port) => {
      expect(await signIn(port, { ...nginxDefault(port), Origin: SITE })).toEqual({ status: 200, cookie: true });
      expect((await signIn(port, { ...nginxDefault(port), Origin: 'https://evil.example' })).status).toBe(403);
      expect((await signIn(port, { ...nginxDefault(port), Origin: 'http://antoan.example' })).status).toBe(403);
      // A Host naming the attacker's site changes nothing.
      expect((await signIn(port, { Host: 'evil.example', Origin: 'https://evil.example' })).status).toBe(403);
    });
  });

  it('with TRUST_PROXY: the forwarded host and scheme count, not Host', async () => {
    await withServer({ trustProxy: true }, async (port) => {
      const forwarded = { ...nginxDefault(port), 'X-Forwarded-Host': 'antoan.example', 'X-Forwarded-Proto': 'https' };
      expect(await signIn(port, { ...forwarded, Origin: SITE })).toEqual({ status: 200, cookie: true });
      expect((await signIn(port, { ...forwarded, Origin: 'https://evil.example' })).status).toBe(403);
      expect((await signIn(port, { ...forwarded, Origin: 'http://antoan.example' })).status).toBe(403);
      // Caddy passes Host through and adds X-Forwarded-Proto: that works too.
      expect((await signIn(port, { Host: 'antoan.example', 'X-Forwarded-Proto': 'https', Origin: SITE })).status).toBe(
        200,
      );
    });
  });

  it('without TRUST_PROXY a forged X-Forwarded-Host is ignored', async () => {
    await withServer({}, async (port) => {
      const forged = { Host: `127.0.0.1:${port}`, 'X-Forwarded-Host': 'evil.example', Origin: 'https://evil.example' };
      expect((await signIn(port, forged)).status).toBe(403);
      // Direct access (no proxy) keeps working as before.
      expect((await signIn(port, { Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    });
  });
});

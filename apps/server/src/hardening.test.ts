import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRaw, startBareServer } from './testing/server-process.js';

// The real server started without a built SPA, on HTTPS settings: bodies are bounded, HSTS is sent, and the
// API keeps working while the pages say why they are missing.

const ADMIN_PASSWORD = 'mật khẩu quản trị thử';
let server: Awaited<ReturnType<typeof startBareServer>>;

beforeAll(async () => {
  server = await startBareServer('hardening', {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ADMIN_PASSWORD,
    COOKIE_SECURE: 'true',
  });
}, 60_000);
afterAll(() => server.stop());

const post = (procedure: string, body: string) =>
  fetch(`${server.baseUrl}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.baseUrl },
    body,
  });

describe('a hardened server', () => {
  it('refuses a body over 1 MB with 413 before parsing it, and stays up', async () => {
    const huge = JSON.stringify({ username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) });
    const res = await sendRaw(server.baseUrl, {
      path: '/trpc/auth.login',
      headers: { 'Content-Type': 'application/json' },
      body: huge,
    });
    expect(res.status).toBe(413);
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
  });

  it('gives the large import allowance only to a signed-in user who may import; anonymous callers get 1 MB', async () => {
    const body = JSON.stringify({
      format: 'csv',
      fileName: 'x.csv',
      contentBase64: Buffer.alloc(3 * 1024 * 1024, 'a').toString('base64'),
    });
    // Anonymous: refused from the declared length, before the body is read (and the connection closed).
    const anonymous = await sendRaw(server.baseUrl, {
      path: '/trpc/imports.dryRun',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(anonymous.status).toBe(413);
    expect((JSON.parse(anonymous.body) as { error: { data: { text: { vi: string } } } }).error.data.text.vi).toMatch(
      /^Dữ liệu gửi lên quá lớn: tối đa 1 MB/,
    );
    const login = await post('auth.login', JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }));
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const signedIn = await fetch(`${server.baseUrl}/trpc/imports.dryRun`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.baseUrl, Cookie: cookie },
      body,
    });
    // Read whole and looked at: a CSV of 'a's has no table (400), not 413.
    expect(signedIn.status).toBe(400);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
  });

  it('sends Strict-Transport-Security and the other security headers when served over HTTPS', async () => {
    const res = await fetch(`${server.baseUrl}/health`);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('starts without a built SPA: the API answers and pages say why they are missing', async () => {
    const page = await fetch(`${server.baseUrl}/units`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('pnpm build');
    const me = await fetch(`${server.baseUrl}/trpc/auth.me`);
    expect(me.status).toBe(200);
  });
});

import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, artefactsDir, launchChromium, startRealServer, type RunningServer } from './harness.js';

let server: RunningServer;
let chromium: { browser: Browser; close(): Promise<void> };
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await startRealServer();
  chromium = await launchChromium();
  page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

const rowTexts = () => page.locator('tbody tr').allInnerTexts();

describe('the admin SPA served by the real server', () => {
  it('asks to sign in, says so when the password is wrong, and lets the admin in', async () => {
    await page.goto(server.baseUrl);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('sai mật khẩu');
    await page.getByLabel('Mật khẩu').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
    await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  });

  it('shows the town tree in Vietnamese and lists the units of a chosen commune', async () => {
    await page.getByRole('button', { name: /^Quảng Thủy/ }).click();
    await page.getByRole('heading', { name: 'Đơn vị — Quảng Thủy' }).waitFor();
    await expect.poll(async () => (await rowTexts()).join('\n')).toContain('Xã Quảng Thủy');
    const rows = await rowTexts();
    expect(rows.filter((r) => r.startsWith('Thôn '))).toHaveLength(6);
    expect(rows.every((r) => !r.includes('Quảng Văn'))).toBe(true);
    await page.screenshot({ path: path.join(artefactsDir, 'units-quang-thuy.png'), fullPage: true });
  });

  it('searches without diacritics and switches to English', async () => {
    await page.getByRole('button', { name: 'Tất cả đơn vị' }).click();
    await page.getByPlaceholder('Tìm đơn vị (không cần dấu)').fill('to dan pho don sa');
    await expect.poll(rowTexts).toEqual([expect.stringContaining('Tổ dân phố Đơn Sa')]);
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('heading', { name: 'Units — All units' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect((await rowTexts())[0]).toContain('Residential area');
  });

  it('signs out back to the login form', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // The wrong password at the start is the only console error (a 401 answer).
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});

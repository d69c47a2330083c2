import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artefactsDir, launchChromium, startRealServer, type RunningServer } from './harness.js';

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
  it('shows the town tree in Vietnamese and lists the units of a chosen commune', async () => {
    await page.goto(server.baseUrl);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByRole('button', { name: /^Quảng Thủy/ }).click();
    await page.getByRole('heading', { name: 'Đơn vị — Quảng Thủy' }).waitFor();
    await expect.poll(rowTexts).toHaveLength(2);
    const rows = await rowTexts();
    expect(rows[0]).toContain('Thôn Thượng Thủy');
    expect(rows[1]).toContain('Xã Quảng Thủy');
    await page.screenshot({ path: path.join(artefactsDir, 'units-quang-thuy.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('searches without diacritics and switches to English', async () => {
    await page.getByRole('button', { name: 'Tất cả đơn vị' }).click();
    await page.getByPlaceholder('Tìm đơn vị (không cần dấu)').fill('don sa');
    await expect.poll(rowTexts).toEqual([expect.stringContaining('Tổ dân phố Đơn Sa')]);
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('heading', { name: 'Units — All units' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect((await rowTexts())[0]).toContain('Residential area');
    expect(errors).toEqual([]);
  });
});

import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  apiSession,
  artefactsDir,
  launchChromium,
  startRealServer,
  type RunningServer,
} from './harness.js';

// A review of the SPA as an officer uses it with the keyboard, on a desktop and on a tablet, in both
// languages: Tab order and focus, the area picker's keys, the burger and the collapsed navbar, no page wider
// than a 768 px tablet, labels, a missing unit, no console error.

let server: RunningServer;
let chromium: { browser: Browser; close(): Promise<void> };
const errors: string[] = [];
const ids = { baDon: 0, quangThuy: 0, village: 0, commune: 0 };

interface TreeNode {
  id: number;
  name: string;
  children: TreeNode[];
}
const findArea = (nodes: TreeNode[], name: string): TreeNode | undefined => {
  for (const n of nodes) {
    if (n.name === name) return n;
    const hit = findArea(n.children, name);
    if (hit) return hit;
  }
  return undefined;
};

beforeAll(async () => {
  server = await startRealServer();
  const admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
  const tree = await admin.query<{ roots: TreeNode[] }>('areas.tree', {});
  ids.baDon = findArea(tree.roots, 'Ba Đồn')!.id;
  ids.quangThuy = findArea(tree.roots, 'Quảng Thủy')!.id;
  const unitOf = async (type: string) =>
    (
      await admin.query<{ items: { id: number }[] }>('units.list', {
        areaId: ids.quangThuy,
        types: [type],
        pageSize: 1,
      })
    ).items[0]!.id;
  ids.village = await unitOf('KDC');
  ids.commune = await unitOf('XA');
  chromium = await launchChromium();
}, 120_000);
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

async function open(
  viewport: { width: number; height: number },
  language: 'vi' | 'en' = 'vi',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  if (language === 'en') await context.addInitScript(() => localStorage.setItem('antoan.language', 'en'));
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page };
}

/** Signs in with the keyboard only: Tab from the user name to the password, Enter submits. */
async function signInByKeyboard(page: Page, language: 'vi' | 'en' = 'vi') {
  await page.goto(server.baseUrl);
  const username = page.getByLabel(language === 'vi' ? 'Tên đăng nhập' : 'Username');
  await username.waitFor();
  expect(await username.evaluate((el) => el === document.activeElement)).toBe(true); // autofocus
  await page.keyboard.type('admin');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
  await page.keyboard.type(ADMIN_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: language === 'vi' ? 'Đăng xuất' : 'Sign out' }).waitFor();
}

/** What has the focus: its role or tag and its accessible name (roughly). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const name =
      el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${name.trim()}`;
  });

const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the admin SPA reviewed with the keyboard and on tablets', () => {
  it('desktop, Vietnamese: Tab goes skip link → header → navigation → page, focus is visible, Enter submits', async () => {
    const { context, page } = await open({ width: 1366, height: 900 });
    await signInByKeyboard(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.goto(`${server.baseUrl}/units/${ids.village}?area=${ids.baDon}&year=2021`);
    await page.getByRole('heading', { level: 2 }).waitFor();
    await page.locator('body').focus();
    const order: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    expect(order[0]).toBe('a:Bỏ qua, đến nội dung chính');
    expect(order[1]).toBe('button:Địa bàn: Ba Đồn');
    expect(order[2]).toMatch(/Năm/);
    expect(order[4]).toBe('a:Quản trị hệ thống'); // the user's name opens "my account"
    expect(order[5]).toBe('button:Đăng xuất');
    expect(order.slice(6, 19)).toEqual([
      'a:Tổng quan',
      'a:Đơn vị',
      'a:Mô hình',
      'a:Khen thưởng',
      'a:Vụ việc',
      'a:Báo cáo quý',
      'a:Hộp thư',
      'a:Nhập, xuất dữ liệu',
      'a:Sắp xếp địa bàn', // administrators and province officers
      'a:Danh mục tiêu chí', // administrators only
      'a:Người dùng', // administrators and province officers
      'a:Nhật ký thao tác', // administrators only
      'a:Tài khoản của tôi',
    ]);
    // The page's main action comes right after the navigation.
    expect(order[19]).toBe('a:Mở hồ sơ năm 2021');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');

    // The skip link takes the focus past the header and the navigation.
    await page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a:Mở hồ sơ năm 2021');
    await page.screenshot({ path: path.join(artefactsDir, 'review-desktop-unit.png') });

    // A dialog: every control named (the close button and the calendar's too), Enter submits, Escape closes.
    await page.goto(`${server.baseUrl}/awards?area=${ids.baDon}&year=2021`);
    const add = page.getByRole('button', { name: 'Thêm khen thưởng' });
    await add.click();
    const dialog = page.getByRole('dialog', { name: 'Thêm khen thưởng' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).waitFor();
    await dialog.getByLabel(/^Ngày quyết định/).click();
    await page.getByRole('button', { name: 'Tháng trước' }).waitFor();
    await page.keyboard.press('Escape'); // closes the calendar only, not the dialog
    await page.getByRole('button', { name: 'Tháng trước' }).waitFor({ state: 'hidden' });
    await page.waitForTimeout(300);
    expect(await dialog.isVisible()).toBe(true);
    const unnamed = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLInputElement>(
          '[role=dialog] button, [role=dialog] input:not([type=hidden]), [role=dialog] textarea',
        ),
      )
        .filter((el) => el.offsetParent !== null && el.getAttribute('aria-hidden') !== 'true' && el.tabIndex >= 0)
        .filter(
          (el) =>
            !(
              el.getAttribute('aria-label') ||
              el.getAttribute('aria-labelledby') ||
              el.labels?.length ||
              el.textContent?.trim()
            ),
        )
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
    await dialog.locator('input:not([type=hidden])').first().focus();
    await page.keyboard.press('Enter');
    await dialog.getByText('Bắt buộc').first().waitFor(); // submitted: the empty required fields say so
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await add.evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });

  it('the area picker: search + arrows + Enter, the tree with arrows + Enter, Escape closes and gives the focus back', async () => {
    const { context, page } = await open({ width: 1366, height: 900 });
    await signInByKeyboard(page);
    await page.goto(`${server.baseUrl}/units?area=${ids.baDon}&year=2021`);
    const picker = page.getByRole('button', { name: 'Địa bàn: Ba Đồn' });
    await picker.focus();
    await page.keyboard.press('Enter');
    const search = page.getByLabel('Tìm địa bàn (không cần dấu)');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape closes and the focus goes back to the picker.
    await page.keyboard.press('Escape');
    await search.waitFor({ state: 'hidden' });
    expect(await picker.evaluate((el) => el === document.activeElement)).toBe(true);

    // Search without diacritics, ArrowDown to the matches, Enter picks.
    await page.keyboard.press('Enter');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('quang thuy');
    await page
      .getByRole('option', { name: /Quảng Thủy/ })
      .first()
      .waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatch(/^option:Quảng Thủy/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Đơn vị — Quảng Thủy' }).waitFor();
    expect(page.url()).toContain(`area=${ids.quangThuy}`);
    const picked = page.getByRole('button', { name: 'Địa bàn: Quảng Thủy' });
    expect(await picked.evaluate((el) => el === document.activeElement)).toBe(true);

    // Enter in the search picks the first match.
    await page.keyboard.press('Enter');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('ba don');
    await page
      .getByRole('option', { name: /^Ba Đồn/ })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Đơn vị — Ba Đồn' }).waitFor();

    // The tree: Tab from the search past "whole scope" to the first area, arrows move, Enter picks.
    await page.getByRole('button', { name: 'Địa bàn: Ba Đồn' }).press('Enter');
    await page.getByRole('tree').waitFor();
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^treeitem:/);
    const first = await page.evaluate(() => document.activeElement!.getAttribute('data-value'));
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement!.getAttribute('data-value'));
    expect(second).not.toBe(first);
    await page.keyboard.press('Enter');
    await page.getByRole('tree').waitFor({ state: 'hidden' });
    expect(page.url()).toContain(`area=${second}`);
    await context.close();
  });

  it('tablet portrait 768 px, Vietnamese: the burger opens the navbar, which is out of the Tab order when closed; no page is wider than the screen', async () => {
    const { context, page } = await open({ width: 768, height: 1024 });
    await signInByKeyboard(page);
    const q = `?area=${ids.baDon}&year=2021`;
    await page.goto(`${server.baseUrl}/${q}`);
    await page.getByRole('heading', { name: 'Tổng quan Ba Đồn, năm 2021' }).waitFor();
    const burger = page.getByRole('button', { name: 'Thanh điều hướng' });
    const unitsLink = page.getByRole('link', { name: 'Đơn vị', exact: true });
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    // Closed: Tab from the header goes to the page, not into the hidden navigation.
    await page.getByRole('button', { name: 'Đăng xuất' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('nav'))).toBe(false);
    // Every header control fits on the screen.
    for (const control of [
      burger,
      page.getByRole('button', { name: /^Địa bàn:/ }),
      page.getByRole('combobox', { name: 'Năm' }),
      page.getByRole('button', { name: 'Đăng xuất' }),
    ]) {
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(768);
    }

    await burger.press('Enter');
    expect(await burger.getAttribute('aria-expanded')).toBe('true');
    await unitsLink.waitFor();
    await page.waitForTimeout(300); // the navbar slides in
    await page.screenshot({ path: path.join(artefactsDir, 'review-portrait-navbar-open.png') });
    // Escape closes it and the focus goes back to the burger.
    await unitsLink.focus();
    await page.keyboard.press('Escape');
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    expect(await burger.evaluate((el) => el === document.activeElement)).toBe(true);
    // Opened again, a link navigates and closes it.
    await burger.click();
    await unitsLink.click();
    await page.getByRole('heading', { name: 'Đơn vị — Ba Đồn' }).waitFor();
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    // The units table scrolls inside its frame; the codes stay on one line.
    const code = page.locator('tbody tr td:nth-child(3)').first();
    await code.waitFor();
    const { height } = (await code.boundingBox())!;
    expect(height).toBeLessThan(45);

    for (const url of [
      `/${q}`,
      `/units${q}`,
      `/units/${ids.village}${q}`,
      `/units/${ids.village}/assessment/2021${q}`,
      `/units/${ids.village}/assessment/2023${q}`,
      `/units/${ids.commune}/grading/2021${q}`,
      `/models${q}`,
      `/awards${q}`,
      `/incidents${q}`,
      `/reports${q}`,
      `/inbox${q}`,
      `/import${q}`,
    ]) {
      await page.goto(server.baseUrl + url);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await noHorizontalOverflow(page), url).toBe(true);
    }
    // The reports' pages are named.
    await page.goto(`${server.baseUrl}/reports${q}`);
    await page.getByRole('button', { name: 'Trang sau' }).waitFor();
    await page.getByRole('button', { name: 'Trang 2' }).click();
    await page.screenshot({ path: path.join(artefactsDir, 'review-portrait-reports.png') });
    // Only Vietnamese on the assessment form: no English subtitle under the criteria.
    await page.goto(`${server.baseUrl}/units/${ids.village}/assessment/2021${q}`);
    await page.locator('[data-criterion="KDC-1"]').waitFor();
    expect(await page.getByText('Q1 resolution', { exact: false }).count()).toBe(0);
    await page.screenshot({ path: path.join(artefactsDir, 'review-portrait-assessment.png') });
    await context.close();
  });

  it('tablet landscape, English: lang follows the switch, a missing unit says so with a way back, no Vietnamese UI text', async () => {
    const { context, page } = await open({ width: 1024, height: 768 }, 'en');
    await signInByKeyboard(page, 'en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(`${server.baseUrl}/units/999999?area=${ids.baDon}&year=2021`);
    await page.getByRole('heading', { name: 'Unit not found' }).waitFor();
    await page.getByRole('alert').waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.screenshot({ path: path.join(artefactsDir, 'review-landscape-missing-unit.png') });
    await page.getByRole('link', { name: 'Back to the units' }).click();
    await page.getByRole('heading', { name: 'Units — Ba Đồn' }).waitFor();
    expect(await page.getByLabel('Search units (accents optional)').count()).toBe(1);

    await page.goto(`${server.baseUrl}/units/${ids.village}/assessment/2021?area=${ids.baDon}&year=2021`);
    await page.locator('[data-criterion="KDC-1"]').waitFor();
    const kdc1 = page.locator('[data-criterion="KDC-1"]');
    // 2021 is assessed under 23/2012: KDC-1 is its wording (permanent households pledge)
    expect(await kdc1.getByRole('heading').innerText()).toMatch(/^KDC-1\. Resolution, registration/);
    expect(await kdc1.getByText('Nghị quyết, đăng ký', { exact: false }).count()).toBe(0);

    // Switching the language with the keyboard: the radio group of the switch, arrows move.
    await page.getByRole('radio', { name: 'English' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await context.close();
  });

  it('logged no console error', () => {
    expect(errors).toEqual([]);
  });
});

import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  artefactsDir,
  collectPageErrors,
  launchChromium,
  startRealServer,
  type RunningServer,
} from './harness.js';
import { addUser, signIn, signOut, visitEveryPage as visitAll } from './steps.js';

// Accounts made in the SPA (issue 16): the admin creates a province officer and a commune officer, each gets a
// one-time password that must be changed at the first sign-in; the province officer creates a unit
// reporter of their province; the reporter opens every page their navigation offers and meets no error.

let server: RunningServer;
let chromium: { browser: Browser; close(): Promise<void> };
let context: BrowserContext;
let page: Page;
const errors: string[] = [];
const oneTime: Record<string, string> = {};
const PASSWORDS = {
  'tinh.quangbinh': 'mật khẩu của cán bộ tỉnh',
  'ca.quangthuy': 'mật khẩu của cán bộ xã',
  'thon1.quangthuy': 'mật khẩu của trưởng thôn',
};

beforeAll(async () => {
  server = await startRealServer();
  chromium = await launchChromium();
  context = await chromium.browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    // No transitions: a screenshot shows a dialog that is there, not one fading in.
    reducedMotion: 'reduce',
  });
  page = await context.newPage();
  collectPageErrors(page, errors);
}, 120_000);
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

const shot = (name: string) =>
  page.screenshot({ path: path.join(artefactsDir, `accounts-${name}.png`), fullPage: true });

/** Adds an account on the users page; its one-time password is screenshotted while shown. */
const addAccount = (user: Parameters<typeof addUser>[1]) =>
  addUser(page, user, { shown: () => shot(`one-time-${user.username}`) });

/** The first sign-in with a one-time password: only the password form, until the password is changed. */
async function firstSignIn(username: keyof typeof PASSWORDS) {
  await signIn(page, username, oneTime[username]!);
  await page.getByRole('heading', { name: 'Đặt mật khẩu của bạn' }).waitFor();
  expect(await page.getByRole('navigation').count()).toBe(0);
  await shot(`must-change-${username}`);
  // Two different entries are refused beside the field, before anything is sent.
  await page.getByRole('textbox', { name: /^Mật khẩu dùng một lần/ }).fill(oneTime[username]!);
  await page.locator('input[name="newPassword"]').fill(PASSWORDS[username]);
  await page.locator('input[name="repeat"]').fill(`${PASSWORDS[username]} khác`);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByText('Hai lần nhập không khớp').waitFor();
  await page.locator('input[name="repeat"]').fill(PASSWORDS[username]);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
}

/** Every page of the navigation, opened in turn: none shows an error alert. */
const visitEveryPage = (who: string) =>
  visitAll(page, who, { shot: (label, index) => shot(`${who}-${index}-${label}`) });

describe('accounts in the SPA', () => {
  it('lets the admin create a province officer and a commune officer, each with a one-time password shown once', async () => {
    await page.goto(server.baseUrl);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { name: 'Người dùng' }).waitFor();
    oneTime['tinh.quangbinh'] = await addAccount({
      username: 'tinh.quangbinh',
      displayName: 'Công an tỉnh Quảng Bình',
      role: 'Cán bộ Công an tỉnh/huyện',
      area: 'Quảng Bình',
    });
    oneTime['ca.quangthuy'] = await addAccount({
      username: 'ca.quangthuy',
      displayName: 'Công an xã Quảng Thủy',
      role: 'Cán bộ Công an xã',
      area: 'Quảng Thủy',
    });
    expect(oneTime['tinh.quangbinh']).not.toBe(oneTime['ca.quangthuy']);
    await shot('users-admin');
    await signOut(page);
  });

  it('makes the province officer change the one-time password, then lets them add a unit reporter of their province', async () => {
    await firstSignIn('tinh.quangbinh');
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.locator('[data-testid="users-table"] tr[data-username="ca.quangthuy"]').waitFor();
    // The admin's account is not theirs to see.
    expect(await page.locator('[data-testid="users-table"] tr[data-username="admin"]').count()).toBe(0);
    oneTime['thon1.quangthuy'] = await addAccount({
      username: 'thon1.quangthuy',
      displayName: 'Trưởng thôn 1 Quảng Thủy',
      role: 'Người báo cáo của đơn vị',
      area: 'Quảng Thủy',
      unitCode: 'KDC-QB-BD-QTHUY-1',
    });
    await signOut(page);
  });

  it('makes the commune officer change the one-time password too', async () => {
    await firstSignIn('ca.quangthuy');
    // A commune officer manages no accounts.
    expect(await page.getByRole('link', { name: 'Người dùng' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Tài khoản của tôi' }).first().click();
    await page.getByTestId('account-details').getByText('Cán bộ Công an xã').waitFor();
    await shot('my-account-commune-officer');
    // Every page the commune officer's navigation offers answers without an error.
    const pages = await visitEveryPage('commune-officer');
    expect(pages).toEqual(
      expect.arrayContaining(['Tổng quan', 'Đơn vị', 'Mô hình', 'Khen thưởng', 'Nhập, xuất dữ liệu']),
    );
    // The dashboard's report count says it counts only the quarters already due.
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.getByTestId('reports-due-only').filter({ hasText: 'Chỉ tính các quý đã đến hạn nộp.' }).waitFor();
    // Every export link on the page they were offered answers with the file, not a refusal saved as one.
    await page.getByRole('link', { name: 'Nhập, xuất dữ liệu' }).click();
    const hrefs = await page
      .locator('a[href^="/export/"], a[href^="/print/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.filter((h) => !h.includes('template')).length).toBeGreaterThanOrEqual(6);
    for (const href of hrefs) {
      const response = await page.request.get(new URL(href, server.baseUrl).toString());
      expect(response.status(), href).toBe(200);
    }
    await signOut(page);
  });

  it('shows the unit reporter no error on any page their navigation offers', async () => {
    await firstSignIn('thon1.quangthuy');
    const pages = await visitEveryPage('reporter');
    expect(pages).toContain('Báo cáo quý');
    expect(pages).not.toContain('Người dùng');
    // An area page typed in the address says where their work is instead of showing the server's refusal.
    for (const path of ['/models', '/awards', '/import']) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByText('Trang này dành cho cán bộ phụ trách địa bàn').waitFor();
      expect(await page.locator('#main-content [role="alert"]').count(), path).toBe(0);
    }
    // The dashboard is their unit's page.
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: 'Thôn 1' }).waitFor();
  });

  it('gives the reporter a blank report form for their own unit, and refuses to file it untouched', async () => {
    await page.goto(`${server.baseUrl}/reports?year=2023`);
    const form = page.getByRole('form', { name: 'Nhập báo cáo quý năm 2023' });
    await form.waitFor();
    // Their only unit is chosen for them; no count is prefilled.
    await expect
      .poll(() => form.getByRole('combobox', { name: /^Đơn vị/ }).inputValue())
      .toContain('KDC-QB-BD-QTHUY-1');
    const crimes = form.getByRole('textbox', { name: /^Số vụ phạm tội/ });
    expect(await crimes.inputValue()).toBe('');
    await form.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => form.getByText('Bắt buộc').count()).toBe(8);
    // The first blank count has the focus, and nothing was filed.
    expect(await crimes.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId('reports-table').count()).toBe(0);
    await shot('reporter-blank-report-refused');
    const counts = form.locator('input[data-metric]');
    for (let i = 0; i < (await counts.count()); i++) await counts.nth(i).fill(String(i));
    await form.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await page.getByText('Đã nộp báo cáo quý.').waitFor();
    await page.getByTestId('reports-table').getByText('Thôn 1').waitFor();
    // English says one report of one unit in the singular (a report of 2023 filed now is late).
    await page.getByText('Tiếng Việt', { exact: true }).waitFor();
    await page
      .locator('label')
      .filter({ hasText: /^English$/ })
      .click();
    await page.getByText('1 report from 1 unit: 0 on time, 1 late.').waitFor();
    await page
      .locator('label')
      .filter({ hasText: /^Tiếng Việt$/ })
      .click();
    await page.getByText('1 báo cáo của 1 đơn vị: 0 đúng hạn, 1 nộp muộn.').waitFor();
  });

  it('asks the reporter before registering and before completing an empty self-assessment; KDC-4 links to the reports', async () => {
    await page.getByRole('link', { name: 'Đơn vị của tôi' }).click();
    await page.getByRole('heading', { name: 'Thôn 1' }).waitFor();
    const unitPath = new URL(page.url()).pathname;
    await page.goto(`${server.baseUrl}${unitPath}/assessment/2023`);
    await page.getByRole('button', { name: 'Đăng ký năm 2023' }).click();
    await page.getByTestId('register-confirm').filter({ hasText: 'Thôn 1' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => page.getByTestId('cycle-status').textContent(), { timeout: 30_000 }).toBe('Đã đăng ký');
    // KDC-4 says where its comparison's figures come from.
    const link = page.locator('[data-criterion="KDC-4"]').getByTestId('comparison-reports-link').first();
    expect(await link.getAttribute('href')).toMatch(/^\/reports\?.*year=2023/);
    // Completing a self-assessment without a single answer asks first, and says the result.
    await page.getByRole('button', { name: 'Hoàn thành tự đánh giá' }).click();
    await page.getByTestId('workflow-confirm').filter({ hasText: 'chưa có câu trả lời nào' }).waitFor();
    await shot('reporter-empty-self-assessment');
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    expect(await page.getByTestId('cycle-status').textContent()).toBe('Đã đăng ký');
    // Leaving with unsaved changes asks first; "Ở lại" stays, "Rời trang" goes.
    await page
      .locator('[data-criterion="KDC-1"]')
      .getByRole('textbox', { name: 'Ghi chú minh chứng' })
      .fill('Biên bản họp thôn');
    await link.click();
    await page.getByTestId('unsaved-changes-prompt').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Ở lại' }).click();
    await expect.poll(() => page.getByTestId('unsaved-changes-prompt').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe(`${unitPath}/assessment/2023`);
    await link.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rời trang' }).click();
    await page.getByRole('heading', { name: 'Báo cáo quý — Thôn 1, năm 2023' }).waitFor();
    await signOut(page);
  });

  it('shows the admin the audit log of these changes, filtered by action, with before and after', async () => {
    await signIn(page, 'admin', ADMIN_PASSWORD);
    // The reporter's last address named an area; signing out dropped it, so the admin starts from everything.
    await page.getByRole('button', { name: 'Địa bàn: Toàn bộ phạm vi' }).waitFor();
    await page.getByRole('link', { name: 'Nhật ký thao tác' }).click();
    await page.getByRole('heading', { name: 'Nhật ký thao tác' }).waitFor();
    // A date that does not exist is said to be one, and stays as typed (not cleared, not called missing).
    const from = page.getByRole('textbox', { name: 'Từ ngày' });
    await from.fill('32/13/2026');
    await from.press('Tab');
    await page.getByText('Ngày không hợp lệ (dd/mm/yyyy)').waitFor();
    expect(await from.inputValue()).toBe('32/13/2026');
    await from.fill('');
    await from.press('Tab');
    await expect.poll(() => page.getByText('Ngày không hợp lệ (dd/mm/yyyy)').count()).toBe(0);
    await page.getByRole('combobox', { name: 'Thao tác' }).click();
    await page.getByRole('option', { name: 'Đổi mật khẩu', exact: true }).click();
    const rows = page.locator('[data-testid="audit-table"] > tbody > tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    await page.getByRole('combobox', { name: 'Thao tác' }).click();
    await page.getByRole('option', { name: 'Tạo tài khoản', exact: true }).click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    await rows.first().getByRole('button', { name: 'Xem chi tiết' }).click();
    const diff = page.getByTestId('audit-diff');
    await diff.getByText('thon1.quangthuy').waitFor();
    await shot('audit-user-create');
    expect(await diff.textContent()).not.toContain(oneTime['thon1.quangthuy']);
    expect(errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });
});

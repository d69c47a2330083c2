import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  apiSession,
  artefactsDir,
  collectPageErrors,
  launchChromium,
  startRealServer,
  type ApiSession,
  type RunningServer,
} from './harness.js';
import { findArea, signIn, type AreaNode } from './steps.js';

// The officer's day in real Chromium against the real server and its demo data (Ba Đồn).

let server: RunningServer;
let chromium: { browser: Browser; close(): Promise<void> };
let context: BrowserContext;
let page: Page;
let admin: ApiSession;
const errors: string[] = [];
const ids = { baDon: 0, quangThuy: 0, quangVan: 0, villageA: 0, villageB: 0, otherVillage: 0 };
const OFFICER = { username: 'ca.quangthuy', password: 'mật khẩu cán bộ xã 2023' };

const quietQuarter = {
  crimes: 0,
  socialEvils: 0,
  firesExplosionsAccidents: 0,
  propagandaSessions: 1,
  peopleReached: 50,
  tipOffs: 0,
  newModels: 0,
  meetings: 1,
};

beforeAll(async () => {
  server = await startRealServer();
  admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
  const tree = await admin.query<{ roots: AreaNode[] }>('areas.tree', {});
  ids.baDon = findArea(tree.roots, 'Ba Đồn')!.id;
  ids.quangThuy = findArea(tree.roots, 'Quảng Thủy')!.id;
  ids.quangVan = findArea(tree.roots, 'Quảng Văn')!.id;
  const villages = await admin.query<{ items: { id: number; code: string }[] }>('units.list', {
    areaId: ids.quangThuy,
    types: ['KDC'],
    pageSize: 50,
  });
  ids.villageA = villages.items.find((u) => u.code.endsWith('QTHUY-1'))!.id;
  ids.villageB = villages.items.find((u) => u.code.endsWith('QTHUY-2'))!.id;
  ids.otherVillage = (
    await admin.query<{ items: { id: number }[] }>('units.list', { areaId: ids.quangVan, types: ['KDC'], pageSize: 1 })
  ).items[0]!.id;
  // Given: the 2023 quarterly reports of two villages, and village B registered with full answers.
  for (const unitId of [ids.villageA, ids.villageB]) {
    for (const quarter of [1, 2, 3])
      await admin.mutate('reports.submit', { unitId, year: 2023, quarter, counts: quietQuarter, notes: null });
  }
  const registered = await admin.mutate<{ version: number }>('assessments.register', {
    unitId: ids.villageB,
    year: 2023,
  });
  await admin.mutate('assessments.saveAnswers', {
    unitId: ids.villageB,
    year: 2023,
    version: registered.version,
    answers: {
      'KDC-1': {
        answer: { checks: { resolution: true, plan: true, registration: true }, numerator: 180, denominator: 180 },
        evidence: { note: null, links: [] },
      },
      'KDC-2': { answer: { checks: { 'carried-out': true } }, evidence: { note: null, links: [] } },
      'KDC-4': {
        answer: { checks: { 'other-violations': true, 'offenders-managed': true } },
        evidence: { note: null, links: [] },
      },
      'KDC-5': {
        answer: { rating: 'hoan-thanh', checks: { 'no-discipline': true } },
        evidence: { note: 'Quyết định xếp loại', links: [] },
      },
    },
  });
  await admin.mutate('users.create', {
    ...OFFICER,
    displayName: 'Công an xã Quảng Thủy',
    role: 'commune_officer',
    areaId: ids.quangThuy,
  });

  chromium = await launchChromium();
  context = await chromium.browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  page = await context.newPage();
  collectPageErrors(page, errors);
}, 120_000);
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

const villagesFigure = async (p: Page) => {
  const row = p.locator('[data-testid="recognition-table"] tr[data-type="KDC"] td').nth(1);
  await row.waitFor();
  return row.innerText();
};

describe('the admin SPA in real Chromium', () => {
  it('asks to sign in, says so when the password is wrong, and lets the officer in', async () => {
    await page.goto(server.baseUrl);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.locator('input[name="password"]').fill('sai mật khẩu');
    await page.locator('input[name="password"]').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }).waitFor();
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: /^Tổng quan/ }).waitFor();
  });

  it("shows Ba Đồn's 2021 figures on the dashboard: 15/16 communes, 92/95 villages", async () => {
    await page.goto(`${server.baseUrl}/?area=${ids.baDon}&year=2021`);
    await page.getByRole('heading', { name: 'Tổng quan Ba Đồn, năm 2021' }).waitFor();
    expect(await villagesFigure(page)).toBe('92/95');
    const communes = await page.locator('[data-testid="recognition-table"] tr[data-type="XA"] td').nth(1).innerText();
    expect(communes).toBe('15/16');
    // 2020: 16/16; the change of the rate in percentage points (93.75 % − 100 %), not "−6.3 %"
    const lastYear = page.locator('[data-testid="recognition-table"] tr[data-type="XA"] td').nth(4);
    expect((await lastYear.innerText()).replace(/\s+/g, ' ')).toBe('16/16 -6,3 điểm %');
    await page.getByRole('tab', { name: 'Theo năm' }).waitFor();
    await page.screenshot({ path: path.join(artefactsDir, 'dashboard-ba-don-2021.png'), fullPage: true });
  });

  it('lists units in a virtualised table, searches without diacritics and picks areas by search', async () => {
    await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
    await expect.poll(() => page.getByTestId('units-count').innerText()).toMatch(/\/\s?\d/);
    await page.getByLabel('Tìm đơn vị (không cần dấu)').fill('to dan pho don sa');
    await expect
      .poll(() => page.locator('tbody tr').allInnerTexts())
      .toEqual([expect.stringContaining('Tổ dân phố Đơn Sa')]);
    await page.getByLabel('Tìm đơn vị (không cần dấu)').fill('');
    await page.getByRole('button', { name: /^Địa bàn:/ }).click();
    await page.getByLabel('Tìm địa bàn (không cần dấu)').fill('quang thuy');
    await page.getByRole('option', { name: /Quảng Thủy/ }).click();
    await page.getByRole('heading', { name: 'Đơn vị — Quảng Thủy' }).waitFor();
    await expect
      .poll(async () => (await page.locator('tbody tr').allInnerTexts()).filter((r) => r.startsWith('Thôn ')).length)
      .toBe(6);
    expect(page.url()).toContain(`area=${ids.quangThuy}`);
  });

  it("records a village's assessment that fails on a disqualifier, and the commune's figure follows", async () => {
    await page.goto(`${server.baseUrl}/?area=${ids.quangThuy}&year=2023`);
    await page.getByRole('heading', { name: 'Tổng quan Quảng Thủy, năm 2023' }).waitFor();
    expect(await villagesFigure(page)).toBe('1/6'); // village B, registered with full answers

    await page.goto(`${server.baseUrl}/units/${ids.villageA}/assessment/2023?area=${ids.quangThuy}&year=2023`);
    await page.getByRole('button', { name: 'Đăng ký năm 2023' }).click();
    await page.getByTestId('register-confirm').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    const kdc1 = page.locator('[data-criterion="KDC-1"]');
    await kdc1.getByLabel(/^Tử số/).fill('212');
    await kdc1.getByLabel(/^Mẫu số/).fill('212');
    for (const code of ['KDC-1', 'KDC-2', 'KDC-4', 'KDC-5']) {
      const boxes = page.locator(`[data-criterion="${code}"] input[type="checkbox"]`);
      for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    }
    // KDC-5: the grassroots forces' rating (Art. 4(5)), chosen from the catalogue's levels
    await page
      .locator('[data-criterion="KDC-5"]')
      .getByLabel('Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở')
      .click();
    await page.getByRole('option', { name: 'Hoàn thành nhiệm vụ', exact: true }).click();
    expect(await page.locator('[data-criterion="KDC-1"]').getByTestId('criterion-source').textContent()).toBe(
      'Điều 4 khoản 1 Thông tư 124/2021/TT-BCA',
    );
    const live = page.getByTestId('live-result');
    await expect.poll(() => live.locator('[data-result]').getAttribute('data-result')).toBe('DAT');
    // A numerator above the denominator is refused beside the field, live.
    await kdc1.getByLabel(/^Tử số/).fill('213');
    await kdc1
      .getByText(/213.*212|lớn hơn/)
      .first()
      .waitFor();
    await kdc1.getByLabel(/^Tử số/).fill('212');
    await page.getByLabel('Ghi chú minh chứng').first().fill('Nghị quyết họp dân quý I/2023');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu.').first().waitFor();

    await page.goto(`${server.baseUrl}/?area=${ids.quangThuy}&year=2023`);
    await expect.poll(() => villagesFigure(page)).toBe('2/6');

    await page.goto(`${server.baseUrl}/units/${ids.villageA}/assessment/2023?area=${ids.quangThuy}&year=2023`);
    const kdc3 = page.locator('[data-criterion="KDC-3"]');
    await kdc3.getByRole('button', { name: 'Ghi nhận vụ việc' }).click();
    await kdc3.getByLabel('Điểm').click();
    await page.getByRole('option').first().click();
    await kdc3.getByLabel('Ngày xảy ra').fill('15/06/2023');
    await kdc3.getByLabel('Ngày xảy ra').press('Tab');
    await kdc3.getByLabel('Mô tả').fill('Tranh chấp đất đai kéo dài giữa hai hộ');
    await kdc3.getByRole('button', { name: 'Lưu' }).click();
    await kdc3.getByTestId('incident').waitFor();
    await expect.poll(() => live.locator('[data-result]').getAttribute('data-result')).toBe('CHUA_DAT');
    expect(await kdc3.locator('[data-outcome]').first().getAttribute('data-outcome')).toBe('not_met');
    await page.screenshot({ path: path.join(artefactsDir, 'assessment-form-disqualified.png'), fullPage: true });

    await page.goto(`${server.baseUrl}/?area=${ids.quangThuy}&year=2023`);
    await expect.poll(() => villagesFigure(page)).toBe('1/6');
  });

  it('recognises a unit through the cycle, with the decision', async () => {
    await page.goto(`${server.baseUrl}/units/${ids.villageB}/assessment/2023?area=${ids.quangThuy}&year=2023`);
    const status = page.getByTestId('cycle-status');
    await page.getByRole('button', { name: 'Hoàn thành tự đánh giá' }).click();
    // Handing the file on is confirmed first, naming the file.
    await page.getByTestId('workflow-confirm').filter({ hasText: 'năm 2023' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => status.textContent()).toBe('Đã tự đánh giá');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => status.textContent()).toBe('Đã nộp hồ sơ');
    await page.getByRole('button', { name: 'Thẩm định' }).click();
    await page.getByRole('dialog').getByLabel('Ghi chú').fill('Hồ sơ đầy đủ');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => status.textContent()).toBe('Đã thẩm định');
    await page.getByRole('button', { name: 'Công nhận', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Bắt buộc').first().waitFor(); // empty decision: errors beside the fields
    await dialog.getByLabel('Số quyết định').fill('12/QĐ-UBND');
    await dialog.getByLabel('Ngày quyết định').fill('20/12/2023');
    await dialog.getByLabel('Ngày quyết định').press('Tab'); // keyboard only: the calendar closes
    await page.keyboard.type('UBND xã Quảng Thủy');
    expect(await dialog.getByLabel('Cơ quan ban hành').inputValue()).toBe('UBND xã Quảng Thủy');
    await dialog.getByLabel('Số giấy chứng nhận').fill('GCN-2023-02');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => status.textContent()).toBe('Đã công nhận');
    await page.getByText('Hồ sơ đã công nhận và bị khóa.').waitFor();
    await page.getByText(/12\/QĐ-UBND — UBND xã Quảng Thủy/).waitFor();
  });

  it('keeps the draft when the session expires and brings it back after signing in again', async () => {
    await page.goto(`${server.baseUrl}/units/${ids.villageA}/assessment/2023?area=${ids.quangThuy}&year=2023`);
    const note = page.getByLabel('Ghi chú minh chứng').nth(1);
    await note.fill('Biên bản kiểm tra ngày 05/10/2023');
    await context.clearCookies(); // the session is gone (expired, or ended elsewhere)
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Phiên làm việc đã hết hạn').waitFor();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByText('Đã khôi phục bản nháp chưa lưu.').waitFor();
    expect(await page.getByLabel('Ghi chú minh chứng').nth(1).inputValue()).toBe('Biên bản kiểm tra ngày 05/10/2023');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu.').first().waitFor();
  });

  it('switches to English', async () => {
    await page.getByText('English').click();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: /^Overview of Quảng Thủy/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('Tiếng Việt').click();
  });

  it('shows a commune officer only their commune', async () => {
    const own = await chromium.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const p = await own.newPage();
    await p.goto(server.baseUrl);
    await signIn(p, OFFICER.username, OFFICER.password);
    await p.getByRole('button', { name: /^Địa bàn:/ }).click();
    await p.getByLabel('Tìm địa bàn (không cần dấu)').fill('quang');
    const options = await p.getByRole('option').allInnerTexts();
    expect(options.join('\n')).toContain('Quảng Thủy');
    expect(options.join('\n')).not.toContain('Quảng Văn');
    await p.keyboard.press('Escape');
    await p.goto(`${server.baseUrl}/units/${ids.otherVillage}`);
    await p.getByRole('alert').waitFor();
    expect(await p.getByRole('alert').innerText()).toMatch(/ngoài địa bàn/);
    await p.goto(`${server.baseUrl}/?area=${ids.quangVan}&year=2021`);
    await p.getByRole('alert').waitFor();
    await own.close();
  });

  it('imports units from a CSV (NFD text, BOM) after a dry run that lists errors by row and column', async () => {
    await page.goto(`${server.baseUrl}/import?area=${ids.quangThuy}&year=2023`);
    const fileInput = page.locator('input[type="file"]');
    const header = 'Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã địa bàn,Cấp quản lý';
    const bad = `\uFEFF${header}\nKDC-QB-BD-QTHUY-98,Thôn Lỗi,XYZ,QB-BD-QTHUY,\n`;
    await fileInput.setInputFiles({ name: 'loi.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    const errorsTable = page.getByRole('alert').filter({ hasText: 'lỗi' });
    await errorsTable.waitFor();
    expect(await errorsTable.innerText()).toMatch(/loi.csv\s+2\s+Loại đơn vị|2\s+Loại đơn vị/);
    expect(await page.getByRole('button', { name: 'Nhập dữ liệu' }).isDisabled()).toBe(true);

    const good = `\uFEFF${header}\nKDC-QB-BD-QTHUY-99,${'Thôn Thử Nghiệm'.normalize('NFD')},KDC,QB-BD-QTHUY,\n`;
    await fileInput.setInputFiles({ name: 'don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    await page.getByText('Không có lỗi.').waitFor();
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await page.getByText('Đã nhập: 1 tạo mới, 0 cập nhật.').waitFor();
    const found = await admin.query<{ items: { name: string }[] }>('units.list', {
      areaId: ids.quangThuy,
      search: 'thon thu nghiem',
    });
    expect(found.items.map((u) => u.name)).toEqual(['Thôn Thử Nghiệm'.normalize('NFC')]);
    // The same file again changes nothing.
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toMatch(/Đơn vị:[\s\S]*Không đổi 1/);
    expect(await page.getByRole('button', { name: 'Nhập dữ liệu' }).isDisabled()).toBe(true);
    await page.getByRole('link', { name: 'Báo cáo năm để in (A4)' }).waitFor();
  });

  it('signs out back to the login form with no unexpected console errors', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    // 401 answers (the wrong password, the expired session) are the only console errors expected.
    expect(errors.filter((e) => !/401|Unauthorized/.test(e)).join('\n')).toBe('');
  });
});

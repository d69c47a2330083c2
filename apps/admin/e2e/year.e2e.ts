import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
import {
  addUser,
  findArea,
  signIn as signInAs,
  signOut as signOutOf,
  visitEveryPage as visitAll,
  type AreaNode,
} from './steps.js';

// Issue 16's "done when": a whole year in the SPA as three people. The admin opens the province officer's
// account; the province officer, after changing the one-time password, opens the commune officer's and the
// unit reporter's; the unit reporter (village 1 of Quảng Thủy) files the year's four quarterly reports,
// registers, fills and submits the file; the commune officer appraises and recognises the village, fills and
// submits the commune's file and its grading sheet; the province officer appraises and recognises the
// commune and prints the village's file, the commune's grading sheet and the annual report to PDF, whose text
// is read back. Each role opens every page of its navigation: no error state, no 4xx. Screenshots of every step
// go to test-results/year-*.png.
//
// The year is 2023: the demo's reports run to Q4 2022, so 2023's KDC-4 window (Q4 2022 – Q3 2023) has the
// window before it to compare with, and no demo file of 2023 exists. Every e2e file starts its own server on a
// fresh demo database, so no other suite's 2023 data is here. Quảng Thủy's five other villages are set up
// through the API by the admin (the commune's XA-2 and XA-4 read them): what the year walks through is one
// village and the commune.

const YEAR = 2023;
let server: RunningServer;
let chromium: { browser: Browser; close(): Promise<void> };
let context: BrowserContext;
let page: Page;
let admin: ApiSession;
const errors: string[] = [];
const oneTime: Record<string, string> = {};
const PASSWORDS = {
  'tinh.qb': 'mật khẩu cán bộ tỉnh cả năm',
  'xa.quangthuy': 'mật khẩu cán bộ xã cả năm',
  'thon1.qthuy': 'mật khẩu trưởng thôn cả năm',
};
const ids = { quangThuy: 0, baDon: 0, village: 0, commune: 0, otherVillages: [] as number[] };

/** pdf-parse, a dev dependency of the server (its document tests read PDFs back too). */
async function pdfText(pdf: Buffer): Promise<string> {
  const require = createRequire(pathToFileURL(path.resolve(import.meta.dirname, '../../server/package.json')));
  const { PDFParse } = (await import(pathToFileURL(require.resolve('pdf-parse')).href)) as {
    PDFParse: new (o: { data: Uint8Array }) => { getText(): Promise<{ text: string }>; destroy(): Promise<void> };
  };
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const text = (await parser.getText()).text.replace(/\s+/g, ' ');
  await parser.destroy();
  return text;
}

beforeAll(async () => {
  server = await startRealServer();
  admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
  const tree = await admin.query<{ roots: AreaNode[] }>('areas.tree', {});
  ids.quangThuy = findArea(tree.roots, 'Quảng Thủy')!.id;
  ids.baDon = findArea(tree.roots, 'Ba Đồn')!.id;
  const units = await admin.query<{ items: { id: number; code: string }[] }>('units.list', {
    areaId: ids.quangThuy,
    pageSize: 100,
  });
  const idOf = (code: string) => units.items.find((u) => u.code === code)!.id;
  ids.village = idOf('KDC-QB-BD-QTHUY-1');
  ids.commune = idOf('XA-QB-BD-QTHUY');
  ids.otherVillages = [2, 3, 4, 5, 6].map((i) => idOf(`KDC-QB-BD-QTHUY-${i}`));
  chromium = await launchChromium();
  context = await chromium.browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    reducedMotion: 'reduce',
  });
  page = await context.newPage();
  collectPageErrors(page, errors);
}, 120_000);
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

let shots = 0;
/** A full-page screenshot, scrolled to the top first (else the fixed header is drawn where the page was scrolled). */
async function shot(name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: path.join(artefactsDir, `year-${String(++shots).padStart(2, '0')}-${name}.png`),
    fullPage: true,
  });
}

/** Fills a grading sheet's column (`self` or `verified`) with each item's maximum, the third cell of its row. */
async function fillScores(column: 'self' | 'verified') {
  const inputs = page.locator(`[data-testid^="${column}-"]`);
  for (let i = 0; i < (await inputs.count()); i++) {
    const input = inputs.nth(i);
    const max = (await input.locator('xpath=ancestor::tr/td[3]').innerText()).trim();
    await input.fill(max);
  }
}

/** Saves a grading sheet and waits for the notice (a screenshot if it does not come). */
async function saveSheet(name: string) {
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page
    .getByText('Đã lưu phiếu chấm điểm.')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(async (e: unknown) => {
      await shot(`${name}-failed`);
      throw e;
    });
  await shot(name);
}

async function signIn(username: string, password: string) {
  await page.goto(server.baseUrl);
  await signInAs(page, username, password);
}

const signOut = () => signOutOf(page);

/** Adds an account on the users page; the filled form is screenshotted before Lưu. */
const addAccount = (user: Parameters<typeof addUser>[1]) =>
  addUser(page, user, { filled: () => shot(`add-${user.username}`) });

/** The first sign-in with the one-time password, changed at once. */
async function firstSignIn(username: keyof typeof PASSWORDS) {
  await signIn(username, oneTime[username]!);
  await page.getByRole('heading', { name: 'Đặt mật khẩu của bạn' }).waitFor();
  await shot(`must-change-${username}`);
  await page.getByRole('textbox', { name: /^Mật khẩu dùng một lần/ }).fill(oneTime[username]!);
  await page.locator('input[name="newPassword"]').fill(PASSWORDS[username]);
  await page.locator('input[name="repeat"]').fill(PASSWORDS[username]);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
}

/** Every page of the role's navigation, for the year: no error alert, no console error, a screenshot each. */
async function visitEveryPage(who: string) {
  const labels = await visitAll(page, who, { shot: (label) => shot(`${who}-page-${label}`), errors });
  expect(labels.length, who).toBeGreaterThan(3);
  return labels;
}

/** Answers every criterion shown on a file page so that it is met: every check ticked, ratios full, the best rating. */
async function fillFile(households: number) {
  const cards = page.locator('[data-criterion]');
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    const boxes = card.locator('input[type="checkbox"]:not(:disabled)');
    for (let b = 0; b < (await boxes.count()); b++) await boxes.nth(b).check();
    const numbers = card.locator('input.mantine-NumberInput-input:not(:disabled)');
    for (let n = 0; n < (await numbers.count()); n++) await numbers.nth(n).fill(String(households));
    const rating = card.locator('input.mantine-Select-input:not(:disabled)');
    if ((await rating.count()) > 0) {
      await rating.first().click();
      await page.getByRole('option').first().click();
    }
  }
  const evidence = page.locator('[data-criterion]').first().getByRole('textbox', { name: 'Ghi chú minh chứng' });
  await evidence.fill(`Nghị quyết, kế hoạch và bản đăng ký quý I/${YEAR}`);
}

/** Clicks a cycle button and confirms (or fills the decision) in its dialog; waits for the new status. */
async function cycle(action: string, status: string, decision?: { number: string; date: string; authority: string }) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (decision) {
    await dialog.getByLabel(/^Số quyết định/).fill(decision.number);
    await dialog.getByLabel(/^Ngày quyết định/).fill(decision.date);
    await dialog.getByLabel(/^Cơ quan ban hành/).fill(decision.authority);
    await shot(`decision-${action.replace(/\s+/g, '-')}`);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
  } else {
    const confirm = dialog.getByRole('button', { name: /^(Xác nhận|Lưu)$/ });
    await confirm.click();
  }
  await expect.poll(() => page.getByTestId('cycle-status').textContent(), { timeout: 30_000 }).toBe(status);
}

/** Prints the page with print media to A4 PDF, saves it beside the screenshots, returns its text. */
async function printToPdf(name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({
    path: path.join(artefactsDir, `year-${String(++shots).padStart(2, '0')}-${name}-print.png`),
    fullPage: true,
  });
  const pdf = await page.pdf({
    path: path.join(artefactsDir, `year-${name}.pdf`),
    format: 'A4',
    printBackground: true,
  });
  await page.emulateMedia({ media: 'screen' });
  return pdfText(pdf);
}

describe(`a whole year (${YEAR}) in the SPA as province officer, commune officer and unit reporter`, () => {
  it('the admin opens the province officer’s account', async () => {
    await signIn('admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { name: 'Người dùng' }).waitFor();
    oneTime['tinh.qb'] = await addAccount({
      username: 'tinh.qb',
      displayName: 'Phòng Cảnh sát QLHC về TTXH, Công an tỉnh Quảng Bình',
      role: 'Cán bộ Công an tỉnh/huyện',
      area: 'Quảng Bình',
    });
    await signOut();
  });

  it('the province officer changes the one-time password and opens the commune officer’s and the reporter’s accounts', async () => {
    await firstSignIn('tinh.qb');
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { name: 'Người dùng' }).waitFor();
    oneTime['xa.quangthuy'] = await addAccount({
      username: 'xa.quangthuy',
      displayName: 'Công an xã Quảng Thủy',
      role: 'Cán bộ Công an xã',
      area: 'Quảng Thủy',
    });
    oneTime['thon1.qthuy'] = await addAccount({
      username: 'thon1.qthuy',
      displayName: 'Trưởng thôn 1, xã Quảng Thủy',
      role: 'Người báo cáo của đơn vị',
      area: 'Quảng Thủy',
      unitCode: 'KDC-QB-BD-QTHUY-1',
    });
    await shot('users-province');
    const pages = await visitEveryPage('province');
    expect(pages).toEqual(expect.arrayContaining(['Tổng quan', 'Đơn vị', 'Báo cáo quý', 'Người dùng']));
    await signOut();
  });

  it('the unit reporter changes the password, files the four quarterly reports of the year', async () => {
    await firstSignIn('thon1.qthuy');
    const pages = await visitEveryPage('reporter');
    expect(pages).toContain('Báo cáo quý');
    await page.goto(`${server.baseUrl}/reports?year=${YEAR}`);
    const form = page.getByRole('form', { name: `Nhập báo cáo quý năm ${YEAR}` });
    await form.waitFor();
    await expect
      .poll(() => form.getByRole('combobox', { name: /^Đơn vị/ }).inputValue())
      .toContain('KDC-QB-BD-QTHUY-1');
    for (const quarter of [1, 2, 3, 4]) {
      await form.getByRole('radiogroup', { name: 'Quý' }).getByText(`Quý ${quarter}`, { exact: true }).click();
      await expect.poll(() => form.getByRole('radio', { name: `Quý ${quarter}` }).isChecked()).toBe(true);
      const counts = form.locator('input[data-metric]');
      // no offence, no social evil, no fire: KDC-4's comparison holds; some propaganda and meetings
      const values = [0, 0, 0, 3, 150 + quarter, 1, 0, 2];
      for (let i = 0; i < (await counts.count()); i++) await counts.nth(i).fill(String(values[i] ?? 0));
      await expect.poll(() => counts.nth(4).inputValue()).toBe(String(150 + quarter));
      if (quarter === 1) await shot('reporter-report-form');
      await form.getByRole('button', { name: 'Nộp báo cáo' }).click();
      await expect
        .poll(() => page.getByText(`${quarter} báo cáo của 1 đơn vị:`, { exact: false }).count(), { timeout: 15_000 })
        .toBe(1)
        .catch(async (e: unknown) => {
          await shot(`reporter-report-q${quarter}-failed`);
          throw e;
        });
      // the report just filed stays in the form, its counts read back (it used to jump back to Quý 1)
      await expect.poll(() => form.getByRole('radio', { name: `Quý ${quarter}` }).isChecked()).toBe(true);
      await expect.poll(() => counts.nth(4).inputValue()).toBe(String(150 + quarter));
    }
    await shot('reporter-reports-filed');
  });

  it('the unit reporter registers, fills the file, self-assesses and submits it', async () => {
    await page.goto(`${server.baseUrl}/units/${ids.village}/assessment/${YEAR}`);
    await page.getByRole('button', { name: `Đăng ký năm ${YEAR}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => page.getByTestId('cycle-status').textContent(), { timeout: 30_000 }).toBe('Đã đăng ký');
    await fillFile(180);
    await shot('reporter-file-filled');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu').first().waitFor();
    await expect.poll(() => page.getByTestId('live-result').textContent(), { timeout: 30_000 }).toContain('Đạt');
    await cycle('Hoàn thành tự đánh giá', 'Đã tự đánh giá');
    await cycle('Nộp hồ sơ', 'Đã nộp hồ sơ');
    await shot('reporter-file-submitted');
    // the reporter decides nothing
    expect(await page.getByRole('button', { name: 'Thẩm định', exact: true }).count()).toBe(0);
    await signOut();
  });

  it('(set-up through the API) Quảng Thủy’s five other villages file their reports and are recognised', async () => {
    const file = await admin.query<{ record: { answers: Record<string, { answer: unknown; evidence: unknown }> } }>(
      'assessments.get',
      { unitId: ids.village, year: YEAR },
    );
    const answers = Object.fromEntries(Object.entries(file.record.answers).map(([code, a]) => [code, a]));
    for (const unitId of ids.otherVillages) {
      for (const quarter of [1, 2, 3, 4])
        await admin.mutate('reports.submit', {
          unitId,
          year: YEAR,
          quarter,
          counts: {
            crimes: 0,
            socialEvils: 0,
            firesExplosionsAccidents: 0,
            propagandaSessions: 2,
            peopleReached: 120,
            tipOffs: 0,
            newModels: 0,
            meetings: 1,
          },
          notes: null,
        });
      let record = await admin.mutate<{ version: number }>('assessments.register', { unitId, year: YEAR });
      record = await admin.mutate('assessments.saveAnswers', { unitId, year: YEAR, version: record.version, answers });
      for (const action of ['selfAssess', 'submit', 'appraise'])
        record = await admin.mutate('assessments.transition', { unitId, year: YEAR, version: record.version, action });
      await admin.mutate('assessments.transition', {
        unitId,
        year: YEAR,
        version: record.version,
        action: 'recognise',
        decision: { number: `${unitId}/QĐ-UBND`, date: `${YEAR}-11-12`, authority: 'UBND xã Quảng Thủy' },
      });
    }
  });

  it('the commune officer appraises and recognises the village, then fills, grades and submits the commune', async () => {
    await firstSignIn('xa.quangthuy');
    const pages = await visitEveryPage('commune');
    expect(pages).toEqual(expect.arrayContaining(['Tổng quan', 'Đơn vị', 'Báo cáo quý']));
    await page.goto(`${server.baseUrl}/units/${ids.village}/assessment/${YEAR}`);
    await expect.poll(() => page.getByTestId('cycle-status').textContent(), { timeout: 30_000 }).toBe('Đã nộp hồ sơ');
    await cycle('Thẩm định', 'Đã thẩm định');
    await cycle('Công nhận', 'Đã công nhận', {
      number: '12/QĐ-UBND',
      date: `12/11/${YEAR}`,
      authority: 'UBND xã Quảng Thủy',
    });
    await shot('commune-village-recognised');

    await page.goto(`${server.baseUrl}/units/${ids.commune}/assessment/${YEAR}`);
    await page.getByRole('button', { name: `Đăng ký năm ${YEAR}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => page.getByTestId('cycle-status').textContent(), { timeout: 30_000 }).toBe('Đã đăng ký');
    await fillFile(1200);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu').first().waitFor();
    await expect.poll(() => page.getByTestId('live-result').textContent(), { timeout: 30_000 }).toContain('Đạt');
    await shot('commune-file-filled');
    await cycle('Hoàn thành tự đánh giá', 'Đã tự đánh giá');
    await cycle('Nộp hồ sơ', 'Đã nộp hồ sơ');
    // a commune is recognised by the district or province, not by itself
    expect(await page.getByRole('button', { name: 'Thẩm định', exact: true }).count()).toBe(0);

    await page.goto(`${server.baseUrl}/units/${ids.commune}/grading/${YEAR}`);
    await page.getByTestId('grading-total').waitFor();
    await fillScores('self');
    await saveSheet('commune-grading-saved');
    await signOut();
  });

  it('the province officer verifies the commune’s scores, appraises and recognises it, and prints the year to PDF', async () => {
    await signIn('tinh.qb', PASSWORDS['tinh.qb']);
    // the verified scores before the decision (a recognised file locks its grading sheet too)
    await page.goto(`${server.baseUrl}/units/${ids.commune}/grading/${YEAR}`);
    await page.getByTestId('grading-total').waitFor();
    await fillScores('verified');
    await saveSheet('province-grading-verified');
    await page.goto(`${server.baseUrl}/units/${ids.commune}/assessment/${YEAR}`);
    await expect.poll(() => page.getByTestId('cycle-status').textContent(), { timeout: 30_000 }).toBe('Đã nộp hồ sơ');
    await cycle('Thẩm định', 'Đã thẩm định');
    await cycle('Công nhận', 'Đã công nhận', {
      number: '45/QĐ-UBND',
      date: `19/11/${YEAR}`,
      authority: 'UBND thị xã Ba Đồn',
    });
    await shot('province-commune-recognised');

    await page.goto(`${server.baseUrl}/units/${ids.commune}/grading/${YEAR}`);
    await page.getByTestId('grading-total').waitFor();
    // recognised, the file is locked and its sheet read-only (it used to offer Lưu, then refuse it)
    await page.getByTestId('sheet-locked').waitFor();
    // no English in the Vietnamese sheet (its legal basis said "trừ khi ghi verified")
    expect(await page.locator('#main-content').innerText()).not.toMatch(/\bverified\b/i);
    expect(await page.getByTestId('verified-I.1').isEditable()).toBe(false);
    await shot('province-grading-locked');
    const sheet = await printToPdf('grading-sheet');
    expect(sheet).toContain('PHIẾU CHẤM ĐIỂM PHONG TRÀO');
    expect(sheet).toContain('Xã Quảng Thủy (XA-QB-BD-QTHUY)');
    expect(sheet).toContain(`Năm: ${YEAR}`);

    await page.goto(`${server.baseUrl}/units/${ids.village}/assessment/${YEAR}`);
    await page.getByTestId('live-result').waitFor();
    const file = await printToPdf('assessment-file');
    expect(file).toContain('HỒ SƠ ĐÁNH GIÁ TIÊU CHUẨN');
    expect(file).toContain('Thôn 1 (KDC-QB-BD-QTHUY-1)');
    expect(file).toContain(`Năm: ${YEAR}`);
    expect(file).toContain('12/QĐ-UBND');

    const report = await context.newPage();
    collectPageErrors(report, errors);
    const response = await report.goto(
      `${server.baseUrl}/print/annual-report?area=${ids.quangThuy}&year=${YEAR}&lang=vi`,
    );
    expect(response?.status()).toBe(200);
    await report.screenshot({
      path: path.join(artefactsDir, `year-${String(++shots).padStart(2, '0')}-annual-report.png`),
      fullPage: true,
    });
    const pdf = await report.pdf({
      path: path.join(artefactsDir, 'year-annual-report.pdf'),
      format: 'A4',
      printBackground: true,
    });
    await report.close();
    const annual = await pdfText(pdf);
    expect(annual).toContain(`năm ${YEAR}`);
    expect(annual).toContain('Quảng Thủy');
    // the commune and its six villages, all recognised this year
    expect(annual).toMatch(/1\/1 xã, phường, thị trấn; 6\/6 khu dân cư/);
    // the grade the province verified, and the unit reporter's reports in the year's counts
    expect(annual).toContain('Có 1 đơn vị được chấm điểm xếp loại');
  });

  it('the province officer sees the year on every page of the navigation, with no error', async () => {
    await page.goto(`${server.baseUrl}/?area=${ids.quangThuy}&year=${YEAR}`);
    await visitEveryPage('province-end');
    // On a 768 px tablet the wide tables scroll sideways, and their edit column stays in view.
    await page.setViewportSize({ width: 768, height: 1024 });
    for (const [url, button] of [
      [`/models?area=${ids.baDon}&year=2021`, /^Sửa: /],
      [`/awards?area=${ids.baDon}&year=2021`, /^Sửa: /],
      ['/users', /^Sửa: /],
    ] as const) {
      await page.goto(server.baseUrl + url);
      const edit = page.getByRole('button', { name: button }).first();
      await edit.waitFor();
      // The button must be inside the viewport for elementFromPoint, and the page may still be laying out
      // (the table fills in, the viewport was just resized): ask again until it settles.
      await edit.scrollIntoViewIfNeeded();
      const hitAtCentre = async () => {
        const box = await edit.boundingBox();
        if (!box) return 'no box';
        if (box.x + box.width > 768) return `right edge at ${box.x + box.width}`;
        return page.evaluate(
          ([x, y]) =>
            document.elementFromPoint(x!, y!)?.closest('button')?.getAttribute('aria-label') ?? 'not a button',
          [box.x + box.width / 2, box.y + box.height / 2],
        );
      };
      await expect.poll(hitAtCentre, { message: url, timeout: 10_000 }).toMatch(/^Sửa: /);
      await page.screenshot({
        path: path.join(
          artefactsDir,
          `year-${String(++shots).padStart(2, '0')}-tablet${url.split('?')[0]!.replace(/\//g, '-')}.png`,
        ),
      });
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    // A refused file (the demo's 2021 dispute in Quảng Tiên's village 3) is reopened with a reason.
    const refused = (
      await admin.query<{ items: { id: number }[] }>('units.list', { search: 'KDC-QB-BD-QTIEN-3', pageSize: 1 })
    ).items[0]!.id;
    await page.goto(`${server.baseUrl}/units/${refused}/assessment/2021`);
    await expect
      .poll(() => page.getByTestId('cycle-status').textContent(), { timeout: 30_000 })
      .toBe('Không công nhận');
    await page.getByRole('button', { name: 'Mở lại hồ sơ', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Ghi chú/).fill('Tranh chấp đã hòa giải thành, xem xét lại');
    await shot('province-reopen-refused');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByTestId('cycle-status').textContent(), { timeout: 30_000 }).toBe('Đã tự đánh giá');
    expect(errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });
});

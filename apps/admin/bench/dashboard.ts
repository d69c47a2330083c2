// The SPA's budget, measured: the dashboard's initial JavaScript (gzipped) and how fast the dashboard is
// interactive in real Chromium against the real server on the national dataset; and the virtualised units
// table on a province of 10,000+ units. Prints figures; asserts nothing about speed.
//
//   pnpm seed:national --scale 1 --data-dir /tmp/national      (once)
//   pnpm --filter @antoan/admin build && pnpm --filter @antoan/admin bench
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ADMIN_PASSWORD, apiSession, launchChromium, startRealServer } from '../e2e/harness.js';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const dataDir = process.env.BENCH_DATA_DIR ?? '/tmp/national';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function initialAssets() {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].flatMap((m) => (m[1] ? [m[1]] : []));
  const rows = refs.map((ref) => {
    const bytes = readFileSync(path.join(dist, ref));
    return { ref, raw: bytes.length, gzip: gzipSync(bytes).length };
  });
  const js = rows.filter((r) => r.ref.endsWith('.js'));
  return { rows, jsRaw: js.reduce((s, r) => s + r.raw, 0), jsGzip: js.reduce((s, r) => s + r.gzip, 0) };
}

interface Node {
  id: number;
  name: string;
  children: Node[];
}

async function main() {
  const assets = initialAssets();
  console.log('Initial assets of the dashboard (index.html: entry script, modulepreloads, stylesheet):');
  for (const r of assets.rows)
    console.log(`  ${r.ref.padEnd(44)} ${kb(r.raw).padStart(10)} raw ${kb(r.gzip).padStart(10)} gzip`);
  console.log(
    `  JavaScript total: ${kb(assets.jsRaw)} raw, ${kb(assets.jsGzip)} gzipped (budget 300 KB gzipped: ${assets.jsGzip <= 300 * 1024 ? 'met' : 'NOT met'})`,
  );

  if (!existsSync(path.join(dataDir, 'antoan.sqlite'))) {
    console.error(`No dataset in ${dataDir}: run pnpm seed:national --scale 1 --data-dir ${dataDir}`);
    process.exit(1);
  }
  const server = await startRealServer({ dataDir });
  const chromium = await launchChromium();
  try {
    const api = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
    const years = await api.query<{ latest: number }>('stats.years');
    const tree = await api.query<{ roots: Node[] }>('areas.tree', {});
    const count = async (areaId: number) =>
      (await api.query<{ total: number }>('units.list', { areaId, pageSize: 1 })).total;
    const provinces = await Promise.all(tree.roots.map(async (p) => ({ ...p, units: await count(p.id) })));
    const biggest = provinces.sort((a, b) => b.units - a.units)[0];
    const commune = biggest?.children[0]?.children[0] ?? biggest?.children[0];
    if (!biggest || !commune) throw new Error(`the national dataset in ${dataDir} has no province with a district`);
    const year = years.latest;
    console.log(
      `\nNational dataset in ${dataDir}; year ${year}; biggest province ${biggest.name} (${biggest.units} units)`,
    );

    // Signed in through the API: the page after a UI sign-in would start the country's summary first.
    const context = await chromium.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const [name, value] = api.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.baseUrl }]);

    const measure = async (label: string, areaId: number | undefined) => {
      for (const run of ['first (cold cache)', 'again (warm)']) {
        const fresh = await context.newPage();
        const url = `${server.baseUrl}/?year=${year}${areaId ? `&area=${areaId}` : ''}`;
        await fresh.goto(url);
        await fresh.getByRole('button', { name: 'Đăng xuất' }).waitFor();
        const shell = await fresh.evaluate(() => performance.now());
        await fresh.getByTestId('recognition-table').waitFor({ timeout: 120_000 });
        const figures = await fresh.evaluate(() => performance.now());
        const transferred = await fresh.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter(
              (e) => (e as globalThis.PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'),
            )
            .reduce(
              (s, e) =>
                s + (e as globalThis.PerformanceResourceTiming).transferSize ||
                (e as globalThis.PerformanceResourceTiming).encodedBodySize,
              0,
            ),
        );
        if (process.env.BENCH_VERBOSE) {
          const slow = await fresh.evaluate(() =>
            performance
              .getEntriesByType('resource')
              .map(
                (e) =>
                  `${e.name.replace(location.origin, '').slice(0, 90)} start ${e.startTime.toFixed(0)} dur ${e.duration.toFixed(0)}`,
              ),
          );
          console.log(slow.join('\n'));
        }
        console.log(
          `  ${label.padEnd(34)} ${run.padEnd(18)} shell interactive ${shell.toFixed(0).padStart(6)} ms, figures shown ${figures.toFixed(0).padStart(6)} ms (JS transferred ${kb(transferred)})`,
        );
        // Let the page finish what it asked in the background (last year's figures, the trend) before the
        // next run, or that run would queue behind it.
        await fresh.waitForLoadState('networkidle', { timeout: 180_000 });
        await fresh.close();
      }
    };
    console.log('\nDashboard, from navigation start (target: interactive < 1.5 s):');
    await measure(`a commune (${commune.name})`, commune.id);
    await measure(`a province (${biggest.name})`, biggest.id);
    if (!process.env.BENCH_SKIP_COUNTRY) await measure('the whole country', undefined);

    console.log('\nUnits table (virtualised), the whole country:');
    const page = await context.newPage();
    const total = (await api.query<{ total: number }>('units.list', { pageSize: 1 })).total;
    const t0 = Date.now();
    await page.goto(`${server.baseUrl}/units?year=${year}`);
    await page.locator('tbody tr a').first().waitFor();
    const firstRows = Date.now() - t0;
    const scroller = page.getByTestId('units-scroll');
    const t1 = Date.now();
    for (let i = 0; i < 25; i++) {
      await scroller.evaluate((el) => el.scrollBy(0, el.scrollHeight));
      await page.waitForTimeout(60);
    }
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="units-scroll"] .mantine-Loader-root'),
      null,
      { timeout: 60_000 },
    );
    const scrolled = Date.now() - t1;
    const domRows = await page.locator('tbody tr').count();
    const shown = await page.getByTestId('units-count').innerText();
    console.log(
      `  first rows of ${total} units in ${firstRows} ms; 25 scrolls to the end in ${scrolled} ms → ${shown}; rows in the DOM: ${domRows}`,
    );
  } finally {
    await chromium.close();
    await server.stop();
  }
}

await main();

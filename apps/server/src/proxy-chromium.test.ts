import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticDir } from './app-server.js';
import { freePort, NGINX, nginxSite, startNginx, until, type Nginx } from './testing/nginx.js';
import {
  createProcessDatabase,
  startServerProcess,
  startWorkersAfterQ3,
  type ProcessDatabase,
  type ServerProcess,
  type WorkerProcess,
} from './testing/server-process.js';

// The "done when", end to end: nginx (deploy/nginx/antoan.conf) in front of two servers on one database
// (SQLite file, or PostgreSQL with DATABASE_URL) and two workers; the built admin SPA signed in through nginx
// in real Chromium. While writes go through both servers, server A is stopped with SIGTERM, started again on
// its port, then server B is killed with `kill -9`. After each event the SPA, through the proxy, shows the
// dashboard's figures without an error. Every write answered 200 is committed (found by its unique name),
// none answered otherwise is, and only nginx's own 502 stands for a cut request. The two workers freeze the
// ended quarters once each, with the loaded units. Skipped where nginx or Chromium is missing (.ci/run
// installs both); the SPA must be built (turbo builds @antoan/admin before the server's tests).

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN_PASSWORD = 'mật khẩu qua nginx và Chromium';
const WRITERS = 4;
/** Writes answered 200 wanted in each phase: before the SIGTERM, after it, after the kill -9. */
const PER_PHASE = 20;
const artefacts = fileURLToPath(new URL('../test-results', import.meta.url));

describe.skipIf(!existsSync(NGINX) || !existsSync(CHROMIUM))(
  'the SPA through nginx over a SIGTERM and a kill -9',
  () => {
    let database: ProcessDatabase;
    const servers: ServerProcess[] = [];
    const workers: WorkerProcess[] = [];
    let nginx: Nginx | undefined;
    let browser: Browser | undefined;
    let page: Page;
    const pageErrors: string[] = [];
    const failedResponses: string[] = [];
    let site = '';
    let env: Record<string, string | undefined> = {};
    const ports: number[] = [];

    beforeAll(async () => {
      expect(existsSync(path.join(defaultStaticDir(), 'index.html')), 'the admin SPA is built').toBe(true);
      database = await createProcessDatabase(process.env.DATABASE_URL);
      const chosen = await nginxSite();
      site = chosen.site;
      env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...database.env,
        SEED: 'demo',
        ADMIN_PASSWORD,
        TRUST_PROXY: 'true',
        SHUTDOWN_TIMEOUT_MS: '30000',
      };
      workers.push(...startWorkersAfterQ3({ PATH: env.PATH, HOME: env.HOME, ...database.env }, ['w1', 'w2']));
      // Fixed ports, so a server started again takes its place behind nginx.
      ports.push(await freePort(), await freePort());
      servers.push(
        ...(await Promise.all(ports.map((port) => startServerProcess({ ...env, PORT: String(port) }, 150_000)))),
      );
      nginx = await startNginx(chosen.port, [ports[0]!, ports[1]!], { showUpstream: true });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
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
      const context = await browser.newContext({
        viewport: { width: 1366, height: 900 },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('response', (response) => {
        if (response.status() >= 400) failedResponses.push(`${response.status()} ${new URL(response.url()).pathname}`);
      });
      mkdirSync(artefacts, { recursive: true });
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      nginx?.stop();
      for (const s of servers) s.child.kill('SIGKILL');
      for (const w of workers) w.child.kill('SIGKILL');
      await database?.destroy();
    });

    /** The dashboard of 2021 through nginx: its figures shown (villages recognised over villages), no error. */
    const figuresShown = async (event: string) => {
      const shot = (name: string) => page.screenshot({ path: path.join(artefacts, `${name}.png`), fullPage: true });
      try {
        await page.goto(`${site}/?year=2021`);
        await page.getByRole('heading', { name: /^Tổng quan/ }).waitFor();
        const villages = page.locator('[data-testid="recognition-table"] tr[data-type="KDC"] td').nth(1);
        await villages.waitFor();
        expect(await villages.innerText(), event).toMatch(/^\d+\/\d+$/);
        expect(await page.getByRole('alert').count(), `${event}: an error shown`).toBe(0);
        await shot(`proxy-chromium-${event}`);
      } catch (error) {
        await shot(`proxy-chromium-${event}-failed`);
        console.log(`${event}: answers of 400 and more: ${JSON.stringify(failedResponses)}`);
        throw error;
      }
    };

    it('keeps the SPA working and every answered write committed, none unanswered committed', async () => {
      await page.goto(site);
      await page.getByLabel('Tên đăng nhập').fill('admin');
      await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
      await figuresShown('signed-in');
      // The writers use the browser's own session.
      const session = (await page.context().cookies()).find((c) => c.httpOnly);
      expect(session).toBeDefined();
      const cookie = `${session!.name}=${session!.value}`;

      const handle = database.open();
      const areaIds = (
        await handle.db.selectFrom('areas').select('id').where('level', '=', 'commune').orderBy('id').execute()
      ).map((a) => a.id);
      await handle.destroy();

      const outcomes: { name: string; status: number; id?: number }[] = [];
      let sequence = 0;
      let acknowledged = 0;
      let phaseEnd = PER_PHASE;
      let reached!: () => void;
      let phase = new Promise<void>((resolve) => (reached = resolve));
      let finished = false;
      const nextPhase = () => {
        phaseEnd = acknowledged + PER_PHASE;
        phase = new Promise<void>((resolve) => (reached = resolve));
      };
      const loop = async () => {
        while (!finished) {
          const name = `chromium #${sequence++}`;
          let status: number;
          let id: number | undefined;
          try {
            const res = await fetch(`${site}/trpc/models.create`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Origin: site, Cookie: cookie },
              body: JSON.stringify({
                name,
                category: 'tu-quan',
                areaId: areaIds[sequence % areaIds.length],
                startedOn: '2021-05-01',
              }),
            });
            status = res.status;
            const text = await res.text();
            if (status === 200) id = (JSON.parse(text) as { result: { data: { id: number } } }).result.data.id;
          } catch {
            status = -1; // no answer at all (nginx itself does not drop connections: should not happen)
          }
          outcomes.push({ name, status, ...(id === undefined ? {} : { id }) });
          if (status === 200 && ++acknowledged >= phaseEnd) reached();
        }
      };
      const writers = Promise.all(Array.from({ length: WRITERS }, loop));
      const [a, b] = servers as [ServerProcess, ServerProcess];

      // 1. Server A stopped with SIGTERM while the writes go on; the SPA answers through B.
      await phase;
      nextPhase();
      a.child.kill('SIGTERM');
      expect(await a.exited).toEqual({ code: 0, signal: null });
      expect(a.output()).toContain('stopped cleanly');
      await figuresShown('after-sigterm');
      await phase;

      // 2. A started again on its port (an upgrade's roll), then B killed with kill -9.
      const again = await startServerProcess({ ...env, PORT: String(ports[0]) }, 150_000);
      servers.push(again);
      await until(
        'the restarted server ready',
        async () => (await fetch(`${again.baseUrl}/ready`)).status === 200,
        60_000,
      );
      // nginx takes it back once its fail_timeout has passed: B is killed only then (with both marked down,
      // nginx answers 502 to everything, reads included, until one comes back).
      await until(
        'nginx sending to the restarted server',
        async () => (await fetch(`${site}/health`)).headers.get('x-upstream') === `127.0.0.1:${ports[0]}`,
        60_000,
      );
      nextPhase();
      await phase;
      nextPhase();
      b.child.kill('SIGKILL');
      expect(await b.exited).toEqual({ code: null, signal: 'SIGKILL' });
      await figuresShown('after-kill-9');
      await phase;
      finished = true;
      await writers;

      const check = database.open();
      const rows = await check.db
        .selectFrom('models')
        .select(['id', 'name'])
        .where('name', 'like', 'chromium #%')
        .execute();
      await check.destroy();
      const committed = new Map(rows.map((r) => [r.name, r.id]));
      const answered = outcomes.filter((o) => o.status === 200);
      const failed = outcomes.filter((o) => o.status !== 200);
      console.log(
        `chromium: ${outcomes.length} writes through nginx, ${answered.length} answered 200, others ${JSON.stringify(failed.map((o) => o.status))}; committed ${committed.size}`,
      );
      for (const o of answered) expect(committed.get(o.name), o.name).toBe(o.id);
      expect(failed.filter((o) => committed.has(o.name))).toEqual([]);
      expect(failed.filter((o) => o.status !== 502)).toEqual([]);
      expect(committed.size).toBe(answered.length);
      expect(answered.length).toBeGreaterThanOrEqual(3 * PER_PHASE);
      expect(pageErrors).toEqual([]);
    }, 300_000);

    it('the two workers froze each ended quarter once, with the loaded units', async () => {
      const handle = database.open();
      try {
        // the demo has 2026's files and reports, on the tree of its 1 July 2025 reorganisation (201 units in 2026)
        const frozen = async () => {
          const rows = await handle.db
            .selectFrom('stat_snapshots')
            .select(['period_key', 'unit_count'])
            .where('scope_key', '=', 'all')
            .where('period_key', 'in', ['2026-Q2', '2026-Q3'])
            .orderBy('period_key')
            .execute();
          return rows.length === 2 ? rows : undefined;
        };
        await until('2026-Q2 and 2026-Q3 frozen', async () => (await frozen()) !== undefined, 150_000);
        expect((await frozen())?.map((r) => [r.period_key, r.unit_count])).toEqual([
          ['2026-Q2', 201],
          ['2026-Q3', 201],
        ]);
        const runs = await handle.db
          .selectFrom('job_runs')
          .select(['period_key', 'status'])
          .where('job', '=', 'snapshot')
          .where('period_key', 'in', ['2026-Q2', '2026-Q3'])
          .execute();
        expect(runs.map((r) => r.status)).toEqual(['done', 'done']);
        for (const period of ['2026-Q2', '2026-Q3']) {
          const scopes = await handle.db
            .selectFrom('stat_snapshots')
            .select(['scope_key', 'job_run_id'])
            .where('period_key', '=', period)
            .execute();
          // one run wrote the period, each scope once
          expect(new Set(scopes.map((s) => s.job_run_id)).size).toBe(1);
          expect(new Set(scopes.map((s) => s.scope_key)).size).toBe(scopes.length);
        }
      } finally {
        await handle.destroy();
      }
    }, 240_000);
  },
);

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProcessDatabase,
  startServerProcess,
  startWorkersAfterQ3,
  type ProcessDatabase,
  type ServerProcess,
  type WorkerProcess,
} from './testing/server-process.js';
import { NGINX, nginxSite, startNginx, type Nginx } from './testing/nginx.js';

// The deployment of docs/deploy.md, end to end: Debian's nginx with the repository's deploy/nginx/antoan.conf
// (ports rewritten) in front of two real servers on one database (SQLite file, or PostgreSQL with
// DATABASE_URL). Sign-in and writes go through nginx; one server is stopped with SIGTERM in the middle of the
// writes. Every write answered 200 is committed (with its audit record), none answered otherwise is, and the
// site keeps answering through the other server. Two workers started with the servers freeze each ended quarter
// once, with the data the servers loaded. Skipped where nginx is not installed (.ci/run installs it).

const ADMIN_PASSWORD = 'mật khẩu sau nginx';
const WRITERS = 4;

describe.skipIf(!existsSync(NGINX))('two servers behind nginx (deploy/nginx/antoan.conf)', () => {
  let database: ProcessDatabase;
  const servers: ServerProcess[] = [];
  const workers: WorkerProcess[] = [];
  let nginx: Nginx | undefined;
  let site = '';

  beforeAll(async () => {
    database = await createProcessDatabase(process.env.DATABASE_URL);
    const chosen = await nginxSite();
    site = chosen.site;
    // The SPA: a page standing in for the built one.
    const spa = mkdtempSync(path.join(tmpdir(), 'antoan-nginx-spa-'));
    writeFileSync(path.join(spa, 'index.html'), '<!doctype html><title>An Toàn</title>');
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...database.env,
      STATIC_DIR: spa,
      SEED: 'demo',
      ADMIN_PASSWORD,
      TRUST_PROXY: 'true',
      SHUTDOWN_TIMEOUT_MS: '30000',
    };
    // Two workers whose clock says 2026-Q2 and 2026-Q3 are over, started with the servers.
    workers.push(...startWorkersAfterQ3({ PATH: env.PATH, HOME: env.HOME, ...database.env }, ['w1', 'w2']));
    // Both ways of telling a server where browsers reach it: forwarded headers only, and PUBLIC_URL.
    servers.push(
      ...(await Promise.all([
        startServerProcess(env, 150_000),
        startServerProcess({ ...env, PUBLIC_URL: site }, 150_000),
      ])),
    );
    const ports = servers.map((s) => new URL(s.baseUrl).port);
    nginx = await startNginx(chosen.port, [ports[0]!, ports[1]!]);
  }, 240_000);

  afterAll(async () => {
    nginx?.stop();
    for (const s of servers) s.child.kill('SIGKILL');
    for (const w of workers) w.child.kill('SIGKILL');
    await database?.destroy();
  });

  const signIn = async () => {
    const res = await fetch(`${site}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: site },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  };

  it('signs in through nginx on both servers, and keeps every answered write over a SIGTERM', async () => {
    // Several sign-ins: nginx takes turns, so each server checks the origin at least once.
    for (let i = 0; i < 4; i++) await signIn();
    const cookie = await signIn();
    const handle = database.open();
    const areaIds = (
      await handle.db.selectFrom('areas').select('id').where('level', '=', 'commune').orderBy('id').execute()
    ).map((a) => a.id);
    await handle.destroy();

    const outcomes: { name: string; status: number; id?: number }[] = [];
    let sequence = 0;
    let stopped = false;
    let acknowledgedAfterStop = 0;
    let enough!: () => void;
    const enoughBefore = new Promise<void>((resolve) => (enough = resolve));
    let done!: () => void;
    const enoughAfter = new Promise<void>((resolve) => (done = resolve));
    const loop = async () => {
      while (acknowledgedAfterStop < 30) {
        const name = `nginx #${sequence++}`;
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
        const text = await res.text();
        const id =
          res.status === 200 ? (JSON.parse(text) as { result: { data: { id: number } } }).result.data.id : undefined;
        outcomes.push({ name, status: res.status, ...(id === undefined ? {} : { id }) });
        if (res.status === 200 && outcomes.filter((o) => o.status === 200).length >= 30) enough();
        if (res.status === 200 && stopped && ++acknowledgedAfterStop >= 30) done();
      }
    };
    const writers = Promise.all(Array.from({ length: WRITERS }, loop));
    await enoughBefore;
    const [first] = servers;
    first!.child.kill('SIGTERM');
    const exit = await first!.exited;
    stopped = true;
    await enoughAfter;
    await writers;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(first!.output()).toContain('stopped cleanly');
    const page = await fetch(`${site}/units/42`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>An Toàn</title>');
    await signIn();

    const check = database.open();
    const rows = await check.db.selectFrom('models').select(['id', 'name']).where('name', 'like', 'nginx #%').execute();
    const audited = new Set(
      (
        await check.db
          .selectFrom('audit_log')
          .select('entity_id')
          .where('entity', '=', 'model')
          .where('action', '=', 'model.create')
          .execute()
      ).map((a) => Number(a.entity_id)),
    );
    await check.destroy();
    const committed = new Map(rows.map((r) => [r.name, r.id]));
    const answered = outcomes.filter((o) => o.status === 200);
    const failed = outcomes.filter((o) => o.status !== 200);
    console.log(
      `nginx: ${outcomes.length} writes through the proxy, ${answered.length} answered 200, others ${JSON.stringify(failed.map((o) => o.status))}; committed ${committed.size}`,
    );
    for (const o of answered) expect(committed.get(o.name), o.name).toBe(o.id);
    expect(failed.filter((o) => committed.has(o.name))).toEqual([]);
    expect(failed.filter((o) => o.status < 502)).toEqual([]); // only the proxy's own gateway answers, never a 500
    expect(committed.size).toBe(answered.length);
    for (const id of committed.values()) expect(audited.has(id), `audit of model ${id}`).toBe(true);
  }, 240_000);

  it('the two workers froze each ended quarter once, with the loaded data in it', async () => {
    const handle = database.open();
    try {
      // A year's quarters are frozen only once the year has data of its own (issue 16); the demo has 2026's
      // files and reports, on the tree of its 1 July 2025 reorganisation (201 units exist in 2026).
      const frozen = async () => {
        const rows = await handle.db
          .selectFrom('stat_snapshots')
          .select(['period_key', 'unit_count', 'job_run_id'])
          .where('scope_key', '=', 'all')
          .where('period_key', 'in', ['2026-Q2', '2026-Q3'])
          .orderBy('period_key')
          .execute();
        return rows.length === 2 ? rows : undefined;
      };
      let rows = await frozen();
      const deadline = Date.now() + 150_000;
      while (!rows && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        rows = await frozen();
      }
      expect(rows?.map((r) => [r.period_key, r.unit_count])).toEqual([
        ['2026-Q2', 201],
        ['2026-Q3', 201],
      ]);
      const runs = await handle.db
        .selectFrom('job_runs')
        .select(['period_key', 'status', 'owner'])
        .where('job', '=', 'snapshot')
        .where('period_key', 'in', ['2026-Q2', '2026-Q3'])
        .execute();
      expect(runs.map((r) => r.status)).toEqual(['done', 'done']);
      // One run per period wrote every scope of it.
      for (const period of ['2026-Q2', '2026-Q3']) {
        const writers = await handle.db
          .selectFrom('stat_snapshots')
          .select('job_run_id')
          .distinct()
          .where('period_key', '=', period)
          .execute();
        expect(writers).toHaveLength(1);
      }
    } finally {
      await handle.destroy();
    }
    for (const w of workers) w.child.kill('SIGTERM');
    for (const w of workers) expect(await w.exited).toBe(0);
  }, 240_000);
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProcessDatabase,
  signInOverHttp,
  startServerProcess,
  startWorkersAfterQ3,
  type ProcessDatabase,
  type ServerProcess,
  type WorkerProcess,
} from './testing/server-process.js';

// The first start of a fresh installation, everything at once (issue 19): two servers with SEED=demo and no
// ADMIN_PASSWORD, and a worker whose clock says the second and third quarters of 2026 are over, all started
// together on one empty database (the SQLite file, or PostgreSQL when DATABASE_URL is set). Both servers come
// up, the demo is loaded once, one admin is created and its password printed once, and the worker freezes the
// quarters only with the loaded data in them (never an empty period), and only once the year has data of its
// own (issue 16: the demo stops in 2022; a 2026 quarter frozen from nothing was a "2026" point at 0 on the trend).

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('two servers and a worker started together on an empty database', () => {
  const staticDir = mkdtempSync(path.join(tmpdir(), 'antoan-first-start-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>An Toàn</title>');
  let database: ProcessDatabase | undefined;
  const servers: ServerProcess[] = [];
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    database = await createProcessDatabase(process.env.DATABASE_URL);
  }, 60_000);
  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGKILL');
    worker?.child.kill('SIGKILL');
    await database?.destroy();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('all come up, load the demo once, create one admin, and freeze only loaded quarters', async () => {
    const base = { PATH: process.env.PATH, HOME: process.env.HOME, ...database!.env };
    worker = startWorkersAfterQ3(base, ['first-start-worker'])[0]!;
    const started = await Promise.all(
      [1, 2].map(() => startServerProcess({ ...base, STATIC_DIR: staticDir, SEED: 'demo' }, 150_000)),
    );
    servers.push(...started);
    const outputs = started.map((s) => s.output());
    expect(outputs.filter((o) => o.includes('loaded the demo data: 24 areas, 414 units'))).toHaveLength(1);
    // The one-time password is printed last, framed, with the address, once the server listens (issue 16):
    // of an unambiguous alphabet (no 0/O, 1/l/I, 5/S, 2/Z, 8/B), in three groups of four.
    const passwordOf = (o: string) => /Mật khẩu \/ Password: +(\S+)/.exec(o)?.[1];
    const admins = await until(
      'the first sign-in banner',
      () => {
        const found = started.filter((s) => passwordOf(s.output()) !== undefined);
        return Promise.resolve(found.length > 0 ? found : undefined);
      },
      30_000,
    );
    expect(admins).toHaveLength(1);
    const creator = admins[0]!;
    const password = passwordOf(creator.output())!;
    expect(password).toMatch(/^[abcdefghjkmnpqrtuvwxy34679]{4}(-[abcdefghjkmnpqrtuvwxy34679]{4}){2}$/);
    expect(creator.output()).toContain(`Địa chỉ / Address:     ${creator.baseUrl}`);
    expect(creator.output()).toContain('Tài khoản / User:      admin');
    expect(creator.output().split(password)).toHaveLength(2); // printed once
    for (const s of started) {
      expect((await fetch(`${s.baseUrl}/ready`)).status).toBe(200);
      await signInOverHttp(s.baseUrl, 'admin', password);
    }
    // Nothing written after the banner (requests are not logged).
    expect(creator.output().trimEnd().endsWith('╝')).toBe(true);

    const handle = database!.open();
    try {
      const wholeSet = (periodKey: string) =>
        handle.db
          .selectFrom('stat_snapshots')
          .select(['unit_count'])
          .where('period_key', '=', periodKey)
          .where('scope_key', '=', 'all')
          .executeTakeFirst();
      // The demo has 2026 on the tree of its 1 July 2025 reorganisation (files and reports to Q3): the worker
      // freezes 2026's ended quarters with the 201 units that exist in 2026 (the 213 of 2021 less the 16
      // communes merged into 4).
      const q3 = await until('the 2026-Q3 snapshot', () => wholeSet('2026-Q3'), 150_000);
      const q2 = await until('the 2026-Q2 snapshot', () => wholeSet('2026-Q2'), 60_000);
      expect([q2.unit_count, q3.unit_count]).toEqual([201, 201]);
      const empty = await handle.db
        .selectFrom('stat_snapshots')
        .select(['period_key', 'scope_key'])
        .where('scope_key', '=', 'all')
        .where('unit_count', '=', 0)
        .execute();
      expect(empty).toEqual([]);
      const areas = await handle.db
        .selectFrom('areas')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .execute();
      expect(Number(areas[0]!.n)).toBe(24); // 18, the former Quảng Trị, the new Quảng Trị and its 4 communes
    } finally {
      await handle.destroy();
    }

    worker.child.kill('SIGTERM');
    for (const s of started) s.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    for (const s of started) expect((await s.exited).code).toBe(0);
  }, 300_000);
});

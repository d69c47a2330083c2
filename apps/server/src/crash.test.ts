import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@antoan/db/client';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { signInOverHttp, startServerProcess, type ServerProcess } from './testing/server-process.js';

// Crash safety of the server on its SQLite file: a stream of audited writes (models.create, each one
// transaction with its audit record) with several requests in flight, the process killed with SIGKILL in the
// middle, restarted on the same file. Every write the server acknowledged (HTTP 200 with the new id) must be
// there after the restart, each with its audit record; the file must pass `PRAGMA integrity_check`.

const ADMIN_PASSWORD = 'mật khẩu thử sập nguồn';
const CONCURRENCY = 8;
/** When each round's server is killed: this long after its stream started (varied, so the kill lands anywhere)… */
const KILL_AT_MS = [500, 800, 350, 1100, 650];
/** …and not before this many writes were acknowledged in the round. */
const MIN_ACKNOWLEDGED = 20;

interface Tally {
  acknowledged: Map<number, string>;
  /** Writes whose request was sent but whose answer never came (in flight at the kill). */
  inFlight: string[];
  refused: string[];
}

/** Sends writes from CONCURRENCY loops until the server is killed; returns how many were sent and acknowledged. */
async function streamUntilKilled(
  server: ServerProcess,
  cookie: string,
  areaIds: number[],
  round: number,
  killAtMs: number,
  tally: Tally,
) {
  let sequence = 0;
  let acknowledgedThisRound = 0;
  let due = false;
  let killed = false;
  const killIfDue = () => {
    if (due && !killed && acknowledgedThisRound >= MIN_ACKNOWLEDGED) {
      killed = true;
      server.child.kill('SIGKILL');
    }
  };
  const timer = setTimeout(() => {
    due = true;
    killIfDue();
  }, killAtMs);
  const loop = async () => {
    while (!killed) {
      const n = sequence++;
      const name = `crash r${round} #${n}`;
      try {
        const res = await fetch(`${server.baseUrl}/trpc/models.create`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: server.baseUrl, Cookie: cookie },
          body: JSON.stringify({
            name,
            category: 'tu-quan',
            areaId: areaIds[n % areaIds.length],
            startedOn: '2021-05-01',
          }),
        });
        const body = (await res.json()) as { result?: { data?: { id?: number } } };
        const id = body.result?.data?.id;
        if (res.status === 200 && typeof id === 'number') {
          tally.acknowledged.set(id, name);
          acknowledgedThisRound++;
          killIfDue();
        } else {
          tally.refused.push(`${name}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
        }
      } catch {
        // The connection died with the server: the write may or may not have committed.
        tally.inFlight.push(name);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  clearTimeout(timer);
  return { sent: sequence, acknowledged: acknowledgedThisRound };
}

/** Opens the file (after the restarted server did the WAL recovery), checks it and closes it again. */
async function inspect(dataDir: string) {
  const handle = openDatabase({ dataDir });
  try {
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(handle.db);
    const foreignKeys = await sql`pragma foreign_key_check`.execute(handle.db);
    const models = await handle.db
      .selectFrom('models')
      .select(['id', 'name'])
      .where('name', 'like', 'crash r%')
      .execute();
    const audits = await handle.db
      .selectFrom('audit_log')
      .select((eb) => ['entity_id', eb.fn.countAll<number>().as('n')])
      .where('entity', '=', 'model')
      .where('action', '=', 'model.create')
      .groupBy('entity_id')
      .execute();
    return {
      integrity: integrity.rows.map((r) => r.integrity_check),
      foreignKeyViolations: foreignKeys.rows.length,
      models: new Map(models.map((m) => [m.id, m.name])),
      auditsPerModel: new Map(audits.map((a) => [Number(a.entity_id), Number(a.n)])),
    };
  } finally {
    await handle.destroy();
  }
}

describe('the server killed with SIGKILL in the middle of a stream of writes', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'antoan-crash-'));
  const staticDir = mkdtempSync(path.join(tmpdir(), 'antoan-crash-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>An Toàn</title>');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    STATIC_DIR: staticDir,
    SEED: 'demo',
    ADMIN_PASSWORD,
  };
  let server: ServerProcess | undefined;
  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(staticDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write and an intact file over ${KILL_AT_MS.length} kills`, async () => {
    server = await startServerProcess(env);
    const handle = openDatabase({ dataDir });
    const areaIds = (
      await handle.db.selectFrom('areas').select('id').where('level', '=', 'commune').orderBy('id').execute()
    ).map((a) => a.id);
    await handle.destroy();
    expect(areaIds.length).toBeGreaterThan(5);

    const tally: Tally = { acknowledged: new Map(), inFlight: [], refused: [] };
    const rounds: string[] = [];
    for (const [round, killAtMs] of KILL_AT_MS.entries()) {
      const cookie = await signInOverHttp(server.baseUrl, 'admin', ADMIN_PASSWORD);
      const inFlightBefore = tally.inFlight.length;
      const { sent, acknowledged } = await streamUntilKilled(server, cookie, areaIds, round, killAtMs, tally);
      expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });

      server = await startServerProcess(env);
      expect(server.output()).not.toContain('loaded the demo data'); // the same file, not a fresh one
      const health = await fetch(`${server.baseUrl}/health`);
      expect(health.status).toBe(200);

      const state = await inspect(dataDir);
      expect(state.integrity).toEqual(['ok']);
      expect(state.foreignKeyViolations).toBe(0);
      const missing = [...tally.acknowledged].filter(([id, name]) => state.models.get(id) !== name);
      expect(missing).toEqual([]);
      // Each write is one transaction: a model is there with its audit record, or neither is.
      for (const id of state.models.keys())
        expect(state.auditsPerModel.get(id), `audit records of model ${id}`).toBe(1);
      const inFlight = tally.inFlight.slice(inFlightBefore);
      const names = new Set(state.models.values());
      const committedUnanswered = inFlight.filter((name) => names.has(name)).length;
      rounds.push(
        `round ${round + 1}: killed at ≥ ${killAtMs} ms, ${sent} sent, ${acknowledged} acknowledged; ${inFlight.length} in flight at the kill (${committedUnanswered} of them committed, ${inFlight.length - committedUnanswered} not); integrity ${state.integrity.join(',')}`,
      );
    }
    expect(tally.refused).toEqual([]);

    const final = await inspect(dataDir);
    const present = [...tally.acknowledged].filter(([id, name]) => final.models.get(id) === name).length;
    console.log(
      [
        `server crash safety: ${KILL_AT_MS.length} SIGKILLs, ${CONCURRENCY} concurrent writers`,
        ...rounds,
        `writes acknowledged ${tally.acknowledged.size}, present ${present}, lost ${tally.acknowledged.size - present}; rows of the stream in the file ${final.models.size}`,
      ].join('\n  '),
    );
    expect(present).toBe(tally.acknowledged.size);

    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  }, 90_000);
});

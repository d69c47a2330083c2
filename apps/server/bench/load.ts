// pnpm bench:load [--duration 60] [--connections 10] [--read-only]: the real server on a temporary SQLite file
// with the demo data, under a mix of reads and audited writes (2 in 10 requests; none with --read-only) from
// autocannon on loopback, with a bounded number of connections. Prints the latency percentiles, requests/s, the answers by class, and checks afterwards that every
// write the server acknowledged is in the database (lost = acknowledged − present). Measures; asserts nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@antoan/db/client';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { queryUrl, signInOverHttp, startServerProcess } from '../src/testing/server-process.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '10' },
    'read-only': { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!(duration > 0) || !(Number.isInteger(connections) && connections > 0)) {
  console.error('usage: pnpm bench:load [--duration SECONDS] [--connections N] [--read-only]');
  process.exit(1);
}

const YEAR = 2022;
const password = 'mật khẩu đo tải';
const dataDir = mkdtempSync(path.join(tmpdir(), 'antoan-load-'));
const staticDir = mkdtempSync(path.join(tmpdir(), 'antoan-load-static-'));
writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>An Toàn</title>');

const server = await startServerProcess({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  DATA_DIR: dataDir,
  STATIC_DIR: staticDir,
  SEED: 'demo',
  ADMIN_PASSWORD: password,
});
try {
  const cookie = await signInOverHttp(server.baseUrl, 'admin', password);

  // The demo's communes and units, to spread the reads and writes over them.
  const handle = openDatabase({ dataDir });
  const communes = (
    await handle.db.selectFrom('areas').select('id').where('level', '=', 'commune').orderBy('id').execute()
  ).map((a) => a.id);
  const units = (await handle.db.selectFrom('units').select('id').orderBy('id').execute()).map((u) => u.id);
  await handle.destroy();
  const pick = <T>(list: T[], n: number) => list[n % list.length]!;

  type Kind = 'read' | 'write';
  const latencies = new Map<string, number[]>();
  const acknowledged = new Map<number, string>();
  let writesSent = 0;
  let sequence = 0;
  const get = (procedure: string, input: (n: number) => unknown) => ({ procedure, kind: 'read' as Kind, input });
  const fullMix = [
    get('stats.summary', () => ({ year: YEAR })),
    get('stats.summary', (n) => ({ areaId: pick(communes, n), year: YEAR })),
    get('units.list', (n) => ({ areaId: pick(communes, n) })),
    get('areas.tree', () => ({})),
    get('assessments.get', (n) => ({ unitId: pick(units, n), year: YEAR })),
    {
      procedure: 'models.create',
      kind: 'write' as Kind,
      input: (n: number) => ({
        name: `load #${n}`,
        category: 'tu-quan',
        areaId: pick(communes, n),
        startedOn: '2022-03-01',
      }),
    },
    get('units.list', () => ({ search: 'quang' })),
    get('assessments.get', (n) => ({ unitId: pick(units, n * 7), year: YEAR })),
    get('models.list', () => ({})),
    {
      procedure: 'models.create',
      kind: 'write' as Kind,
      input: (n: number) => ({
        name: `load #${n}`,
        category: 'tu-quan',
        areaId: pick(communes, n),
        startedOn: '2022-03-01',
      }),
    },
  ];
  const mix = values['read-only'] ? fullMix.filter((entry) => entry.kind === 'read') : fullMix;
  interface Context {
    sentAt?: number;
    name?: string;
  }
  const requests: autocannon.Request[] = mix.map((entry) => ({
    setupRequest: (request: autocannon.Request, raw: object) => {
      const context = raw as Context;
      const n = ++sequence;
      context.sentAt = performance.now();
      if (entry.kind === 'read')
        return { ...request, method: 'GET', path: queryUrl('', entry.procedure, entry.input(n)) };
      writesSent++;
      const body = entry.input(n) as { name: string };
      context.name = body.name;
      return {
        ...request,
        method: 'POST',
        path: `/trpc/${entry.procedure}`,
        body: JSON.stringify(body),
        headers: { ...request.headers, 'content-type': 'application/json', origin: server.baseUrl },
      };
    },
    onResponse: (status: number, body: string, raw: object) => {
      const context = raw as Context;
      const list = latencies.get(entry.procedure) ?? [];
      list.push(performance.now() - (context.sentAt ?? performance.now()));
      latencies.set(entry.procedure, list);
      if (entry.kind === 'write' && status === 200) {
        const id = (JSON.parse(body) as { result?: { data?: { id?: number } } }).result?.data?.id;
        if (typeof id === 'number' && context.name) acknowledged.set(id, context.name);
      }
    },
  }));

  const rss = () =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const rssBefore = rss();
  console.error(
    `load: ${connections} connections for ${duration} s on ${server.baseUrl} (load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}) …`,
  );
  const result = await autocannon({
    url: server.baseUrl,
    connections,
    duration,
    timeout: 10,
    headers: { cookie },
    requests,
  });
  const rssAfter = rss();

  server.child.kill('SIGTERM');
  const exit = await server.exited;

  // What is in the file after a clean stop.
  const check = openDatabase({ dataDir });
  const rows = await check.db.selectFrom('models').select(['id', 'name']).where('name', 'like', 'load #%').execute();
  const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(check.db);
  await check.destroy();
  const stored = new Map(rows.map((r) => [r.id, r.name]));
  const present = [...acknowledged].filter(([id, name]) => stored.get(id) === name).length;

  const percentile = (list: number[], p: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  };
  const statusCounts = Object.entries(result.statusCodeStats ?? {})
    .map(([code, s]) => `${code}: ${s.count ?? 0}`)
    .join(', ');
  const lines = [
    `pnpm bench:load --duration ${duration} --connections ${connections}${values['read-only'] ? ' --read-only' : ''}  (demo data, SQLite, loopback, ${new Date().toISOString()})`,
    `requests: ${result.requests.total.toLocaleString('en')} in ${result.duration} s = ${result.requests.average.toFixed(0)} req/s on average (min ${result.requests.min}, max ${result.requests.max} per second)`,
    `latency (all requests): p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    `answers: 2xx ${result['2xx']}, non-2xx ${result.non2xx} (${statusCounts}), errors ${result.errors}, timeouts ${result.timeouts}`,
    `writes (models.create): sent ${writesSent}, acknowledged ${acknowledged.size}, present after the run ${present}, lost ${acknowledged.size - present}; rows written ${stored.size} (${stored.size - present} whose answer came after autocannon stopped)`,
    `integrity_check after a clean stop (exit ${exit.code}): ${integrity.rows.map((r) => r.integrity_check).join(', ')}`,
    `server RSS: ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after; load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    'per procedure (measured from the request being set up to its answer):',
    ...[...latencies].map(
      ([procedure, list]) =>
        `  ${procedure.padEnd(16)} ${String(list.length).padStart(7)} answers, p50 ${percentile(list, 50).toFixed(1)} ms, p97.5 ${percentile(list, 97.5).toFixed(1)} ms, p99 ${percentile(list, 99).toFixed(1)} ms`,
    ),
  ];
  console.log(lines.join('\n'));
} finally {
  server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
}

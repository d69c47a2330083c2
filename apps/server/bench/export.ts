// pnpm bench:export [--data-dir data/national] [--year 2025] [--kind units|assessments|statistics] [--area CODE]
// Exports the units of the national dataset (pnpm seed:national --scale 1: 142,803 units, about 100,000
// villages) through the real server process and HTTP, the way a browser downloads it, and prints the
// duration, the size, the rows read back and the server's peak resident memory (VmHWM from /proc). With
// DATABASE_URL the server reads PostgreSQL instead of the SQLite file; BENCH_NODE_OPTIONS is handed to the
// server as NODE_OPTIONS (e.g. --max-old-space-size=96 to see that memory stays bounded). Nothing asserts.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { hashPassword } from '@antoan/api';
import { insertUser } from '@antoan/db';
import { defaultDataDir, openDatabase } from '@antoan/db/client';
import ExcelJS from 'exceljs';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    year: { type: 'string', default: '2025' },
    kind: { type: 'string', default: 'units' },
    area: { type: 'string' },
    out: { type: 'string', default: '/tmp/antoan-export-bench.xlsx' },
  },
});
const dataDir = values['data-dir'] ?? `${defaultDataDir()}/national`;
const databaseUrl = process.env.DATABASE_URL;
const mainFile = fileURLToPath(new URL('../src/main.ts', import.meta.url));

// A user of our own for the run (removed at the end), so the dataset's users are left alone.
const handle = openDatabase({ databaseUrl, dataDir });
const units = Number(
  (
    await handle.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
const villages = Number(
  (
    await handle.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('type', '=', 'KDC')
      .executeTakeFirstOrThrow()
  ).n,
);
if (units === 0) {
  console.error(
    `no units in ${databaseUrl ? 'DATABASE_URL' : dataDir}: run "pnpm seed:national --scale 1 --data-dir ${dataDir}" first`,
  );
  process.exit(1);
}
const username = `bench-export-${randomBytes(3).toString('hex')}`;
const password = randomBytes(12).toString('hex');
const user = await insertUser(
  handle.db,
  {
    username,
    displayName: 'bench',
    passwordHash: await hashPassword(password),
    role: 'admin',
    areaId: null,
    unitId: null,
    email: null,
  },
  new Date(),
);
const areaId = values.area
  ? (await handle.db.selectFrom('areas').select('id').where('code', '=', values.area).executeTakeFirstOrThrow()).id
  : undefined;
await handle.destroy();

const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
  env: {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: '0',
    SEED: 'none',
    DATA_DIR: dataDir,
    ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
const baseUrl = await new Promise<string>((resolve, reject) => {
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    const match = /listening on (http:\/\/[^\s]+)/.exec(output);
    if (match) resolve(match[1]!);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
});

const kb = (field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN);
const mb = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`;
/** The server's CPU time so far (user + system, seconds): unlike the wall clock, not inflated when other work shares the cores. */
const cpuSeconds = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;

try {
  const login = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const rssBefore = kb('VmRSS');
  const query = new URLSearchParams({ year: values.year, ...(areaId ? { area: String(areaId) } : {}) });
  const url = `${baseUrl}/export/${values.kind}.xlsx?${query.toString()}`;
  console.error(
    `GET ${url} (${units.toLocaleString('en')} units, ${villages.toLocaleString('en')} villages; ${databaseUrl ? 'PostgreSQL' : `SQLite in ${dataDir}`})`,
  );

  // The server's resident memory every 100 ms; every 2 s a point of the timeline (anonymous + file-backed MB).
  let peakSampled = 0;
  const timeline: string[] = [];
  let ticks = 0;
  const sampler = setInterval(() => {
    peakSampled = Math.max(peakSampled, kb('VmRSS'));
    if (ticks++ % 20 === 0) timeline.push(`${Math.round(kb('RssAnon') / 1024)}+${Math.round(kb('RssFile') / 1024)}`);
  }, 100);
  const cpuBefore = cpuSeconds();
  const loadBefore = loadAverage();
  const started = performance.now();
  const res = await fetch(url, { headers: { Cookie: cookie } });
  if (res.status !== 200 || !res.body) throw new Error(`export failed: ${res.status} ${await res.text()}`);
  const firstByte = performance.now() - started;
  await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(values.out));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds() - cpuBefore;
  clearInterval(sampler);
  const peak = kb('VmHWM');

  // Read the file back with exceljs's streaming reader: the rows really are there.
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(values.out, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
  });
  for await (const sheet of reader) for await (const _row of sheet) rows++;

  const table: [string, string][] = [
    [
      'export',
      `${values.kind}.xlsx, year ${values.year}${values.area ? `, area ${values.area}` : ', the whole country'}`,
    ],
    ['database', databaseUrl ? 'PostgreSQL' : 'SQLite'],
    ['units in the dataset', `${units.toLocaleString('en')} (${villages.toLocaleString('en')} villages)`],
    ['duration (request → last byte)', `${seconds.toFixed(1)} s (first byte after ${(firstByte / 1000).toFixed(2)} s)`],
    [
      'server CPU time (user + system)',
      `${cpu.toFixed(1)} s (load average ${loadBefore} → ${loadAverage()} on ${availableParallelism()} cores)`,
    ],
    [
      'file',
      `${(statSync(values.out).size / 1024 / 1024).toFixed(1)} MB, ${rows.toLocaleString('en')} rows read back (title and header included)`,
    ],
    ['server RSS before the export', mb(rssBefore)],
    ['server peak RSS (VmHWM, whole process life)', mb(peak)],
    ['server RSS sampled every 100 ms during the export, max', mb(peakSampled)],
    ['server RSS every 2 s (anonymous+file MB)', timeline.join(' ')],
  ];
  console.log(table.map(([k, v]) => `${k.padEnd(52)} ${v}`).join('\n'));
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  const cleanup = openDatabase({ databaseUrl, dataDir });
  await cleanup.db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  await cleanup.db.deleteFrom('users').where('id', '=', user.id).execute();
  await cleanup.destroy();
}

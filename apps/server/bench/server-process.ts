// The real server started as a child process for the benchmarks: on the dataset given (a SQLite folder or
// DATABASE_URL), signed in as the first administrator, with its memory read from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BenchServer {
  baseUrl: string;
  /** The session cookie of the signed-in administrator. */
  cookie: string;
  /** The server process's memory now and at its peak (VmRSS, VmHWM), in MB. */
  rss: () => { rss: number; peak: number };
  stop: () => Promise<void>;
}

export async function startBenchServer(target: {
  dataDir: string;
  databaseUrl?: string | undefined;
}): Promise<BenchServer> {
  const serverMain = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const password = 'mật khẩu đo hiệu năng';
  const child = spawn(process.execPath, ['--import', 'tsx', serverMain], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: '0',
      SEED: 'none',
      ADMIN_PASSWORD: password,
      ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : { DATA_DIR: target.dataDir }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => reject(new Error(`server exited: ${output}`)));
  });
  const login = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const rss = () => {
    const text = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
    return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
  };
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
  };
  return { baseUrl, cookie, rss, stop };
}

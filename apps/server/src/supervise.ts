import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createConsoleLogger } from './logger.js';

// The start command (`pnpm start`): runs the server (main.ts) as a child process and starts it again when it
// stops unexpectedly — a crash, a fatal error such as running out of memory, a kill — saying why in the log.
// A server that fails before it listens (a bad setting) is not restarted: the supervisor exits with its code.
// SIGTERM and SIGINT are passed on, and the supervisor ends with the server.

const log = createConsoleLogger('supervisor');
const mainFile = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Waits before a restart: 1 s, doubling with each restart within a minute of the last, at most 30 s. */
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

let child: ChildProcess | undefined;
let stopping = false;
let delay = FIRST_DELAY_MS;
let lastStart = 0;

function why(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal === 'SIGKILL') return 'killed by SIGKILL (by hand, or by the system when memory ran out)';
  if (signal === 'SIGABRT' || code === 134)
    return `aborted (${signal ?? `exit code ${code}`}): a fatal error such as running out of heap`;
  if (signal) return `killed by ${signal}`;
  return `exit code ${code}: see the error above`;
}

function start(): void {
  lastStart = Date.now();
  let listening = false;
  const server = spawn(process.execPath, [...process.execArgv, mainFile], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  child = server;
  log.info(`started the server (pid ${server.pid})`);
  server.on('message', (message) => {
    if (message === 'listening') listening = true;
  });
  server.on('exit', (code, signal) => {
    child = undefined;
    if (stopping) process.exit(code ?? 0);
    if (!listening) {
      log.error(`the server stopped before it listened (${why(code, signal)}): not restarting`);
      process.exit(code ?? 1);
    }
    if (Date.now() - lastStart > 60_000) delay = FIRST_DELAY_MS;
    const wait = delay;
    delay = Math.min(delay * 2, MAX_DELAY_MS);
    log.error(`the server stopped unexpectedly (${why(code, signal)}): restarting in ${wait / 1000} s`);
    setTimeout(start, wait);
  });
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    stopping = true;
    if (child) child.kill(signal);
    else process.exit(0);
  });
}

start();

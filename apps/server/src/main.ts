import { existsSync } from 'node:fs';
import path from 'node:path';
import { startDatabase } from '@antoan/db/client';
import { seedDemo, seedDemoSnapshots } from '@antoan/db/seed';
import { ensureFirstAdmin } from '@antoan/api';
import { vietnamDate } from '@antoan/core';
import { computeScopeSummaries, ensureResults, seedDemoWithReform } from '@antoan/services';
import { createAppServer, defaultStaticDir } from './app-server.js';
import { firstSignInBanner } from './banner.js';
import { EnvError, parseEnv } from './env.js';
import { createConsoleLogger } from './logger.js';
import { ServerLifecycle } from './shutdown.js';

const log = createConsoleLogger('server');

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const handle = await startDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: env.PG_POOL_SIZE,
    migrate: env.MIGRATE === 'auto',
    log: (line) => log.info(line),
  });
  // 'demo': the demo with its 1 July 2025 reorganisation and 2023–2026; 'demo-2022': as it stood before it
  // (2020–2022 on the old tree; the SPA's end-to-end tests of the mechanics run on it)
  const seeded =
    env.SEED === 'demo'
      ? await seedDemoWithReform(handle.db)
      : env.SEED === 'demo-2022'
        ? await seedDemo(handle.db)
        : undefined;
  if (seeded?.seeded) log.info(`loaded the demo data: ${seeded.areas} areas, ${seeded.units} units`);
  // Stored results for every year with data, computed before the first request (only what is missing, or all
  // of them after an engine or catalogue change): a summary then never evaluates an area.
  const resultsStarted = performance.now();
  const computed = await ensureResults(handle.db, {
    now: new Date(),
    currentYear: Number(vietnamDate(new Date()).slice(0, 4)),
    onProgress: (done, total, year) => log.info(`stored results: ${year} computed (${done}/${total})`),
  });
  if (computed.length > 0)
    log.info(
      `stored results of ${computed.join(', ')} computed in ${Math.round(performance.now() - resultsStarted)} ms`,
    );
  if (seeded?.seeded) {
    const now = new Date();
    const taken = await seedDemoSnapshots(handle.db, now, (o) => computeScopeSummaries(handle.db, { ...o, now }));
    log.info(`froze ${taken} quarterly snapshots of the demo years`);
  }
  const admin = await ensureFirstAdmin(handle.db, { password: env.ADMIN_PASSWORD, now: new Date() });
  if (admin?.password) {
    log.info(`created the first user "${admin.username}": its one-time password is printed when the server listens`);
  } else if (admin) {
    log.info(`created the first user "${admin.username}" with the password from ADMIN_PASSWORD`);
  }
  const staticDir = env.STATIC_DIR ?? defaultStaticDir();
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    log.error(`the admin SPA is not built (${staticDir}/index.html is missing): run "pnpm build"`);
  }
  const lifecycle = new ServerLifecycle();
  const server = createAppServer({
    lifecycle,
    db: handle.db,
    log,
    staticDir,
    secureCookies: env.COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY,
    publicUrl: env.PUBLIC_URL,
    dataVersion: handle.dataVersion,
  });
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
    log.info(`listening on http://${host}:${port}`);
    // Under the supervisor (supervise.ts): from now on a stop is a crash worth restarting.
    process.send?.('listening');
    // The first start's sign-in, last and framed, so that it is not lost among the build's output.
    if (admin) {
      const url = `http://${host}:${port}`;
      console.log(`\n${firstSignInBanner({ url, username: admin.username, password: admin.password })}\n`);
    }
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: not ready any more, finishing in-flight requests`);
    void lifecycle
      .drain(server, { timeoutMs: env.SHUTDOWN_TIMEOUT_MS, readyDelayMs: env.SHUTDOWN_READY_DELAY_MS })
      .then((report) => {
        log.info(
          `drained in ${report.durationMs} ms: ${report.inFlightAtStart} requests were in flight, ${report.connectionsCut} connections cut at the deadline`,
        );
        // A handler whose connection was cut may still be inside its transaction: let it commit or roll back.
        return handle.destroy({ waitMs: env.SHUTDOWN_TIMEOUT_MS });
      })
      .then(() => {
        log.info('stopped cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error('shutdown failed', { error });
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// A request never crashes the process on purpose; if something still escapes, say what and exit, and the
// supervisor starts a clean process (continuing after an unknown failure could serve from a broken state).
process.on('uncaughtException', (error) => {
  log.error('uncaught exception: exiting', { error });
  process.exit(1);
});
process.on('unhandledRejection', (error) => {
  log.error('unhandled promise rejection: exiting', { error });
  process.exit(1);
});

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(error.message);
  } else {
    log.error('failed to start', { error });
  }
  process.exit(1);
});

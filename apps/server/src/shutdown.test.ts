import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase } from '@antoan/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer } from './app-server.js';
import { closeGracefully, ServerLifecycle } from './shutdown.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

/** A GET over a given agent: status, the Connection header and the body. */
function get(agent: http.Agent, url: string): Promise<{ status: number; connection: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: String(res.headers.connection ?? ''), body }),
        );
      })
      .on('error', reject);
  });
}

describe('closeGracefully', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const hasArrived = new Promise<void>((resolve) => (arrived = resolve));
    const server = http.createServer((_req, res) => {
      arrived();
      void released.then(() => res.end('done'));
    });
    const baseUrl = await listen(server);

    const inFlight = fetch(`${baseUrl}/slow`).then((r) => r.text());
    await hasArrived;
    let closed = false;
    const closing = closeGracefully(server, 5_000).then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    release();
    expect(await inFlight).toBe('done');
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${baseUrl}/`)).rejects.toThrow();
  });
});

describe('the app server while it drains', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    handle = await createTestDatabase();
  }, 60_000);
  afterAll(() => handle.destroy());

  it('answers /health and /ready as JSON, /ready turns 503 first, then kept-alive clients are told to close', async () => {
    const lifecycle = new ServerLifecycle();
    const server = createAppServer({ db: handle.db, log: silent, staticDir: '/nonexistent', lifecycle });
    const baseUrl = await listen(server);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const health = await get(agent, `${baseUrl}/health`);
      expect([health.status, JSON.parse(health.body)]).toEqual([200, { status: 'ok', database: 'ok' }]);
      const ready = await get(agent, `${baseUrl}/ready`);
      expect([ready.status, JSON.parse(ready.body)]).toEqual([
        200,
        { status: 'ready', draining: false, database: 'ok', migrations: 'ok' },
      ]);
      expect(ready.connection).toBe('keep-alive');

      expect(lifecycle.stopBeingReady()).toBe(0);
      // The same kept-alive connection: still served, but told to close, and /ready says why it is not ready.
      const draining = await get(agent, `${baseUrl}/ready`);
      expect([draining.status, JSON.parse(draining.body)]).toEqual([
        503,
        { status: 'not ready', draining: true, database: 'ok', migrations: 'ok' },
      ]);
      expect(draining.connection).toBe('close');
      expect((await get(agent, `${baseUrl}/health`)).status).toBe(200); // alive while draining
      const report = await lifecycle.drain(server, { timeoutMs: 10_000 });
      expect(report.connectionsCut).toBe(0);
      await expect(get(agent, `${baseUrl}/health`)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      agent.destroy();
      server.closeAllConnections();
      server.close();
    }
  }, 30_000);

  it('says which migrations are missing', async () => {
    const empty = await createTestDatabase(undefined, { migrate: false });
    const server = createAppServer({ db: empty.db, log: silent, staticDir: '/nonexistent' });
    const baseUrl = await listen(server);
    try {
      const res = await fetch(`${baseUrl}/ready`);
      const body = (await res.json()) as { migrations: string; pendingMigrations: number };
      expect(res.status).toBe(503);
      expect(body.migrations).toBe('pending');
      expect(body.pendingMigrations).toBeGreaterThan(5);
    } finally {
      server.close();
      await empty.destroy();
    }
  }, 30_000);

  it('closes an idle kept-alive connection, and answers an in-flight request with Connection: close', async () => {
    const lifecycle = new ServerLifecycle();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const hasArrived = new Promise<void>((resolve) => (arrived = resolve));
    const server = http.createServer((req, res) => {
      lifecycle.admit(res);
      if (req.url === '/slow') {
        arrived();
        void released.then(() => res.end('slow done'));
      } else res.end('quick');
    });
    const baseUrl = await listen(server);
    const idleAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const busyAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await get(idleAgent, `${baseUrl}/quick`)).connection).toBe('keep-alive');
      const idleSocket = Object.values(idleAgent.freeSockets).flat()[0]!;
      const idleClosed = new Promise<void>((resolve) => idleSocket.once('close', () => resolve()));

      const slow = get(busyAgent, `${baseUrl}/slow`);
      await hasArrived;
      const draining = lifecycle.drain(server, { timeoutMs: 20_000 });
      await idleClosed; // the server closed the idle one at once
      release();
      expect(await slow).toEqual({ status: 200, connection: 'close', body: 'slow done' });
      const report = await draining;
      expect(report).toMatchObject({ inFlightAtStart: 1, connectionsCut: 0 });
    } finally {
      idleAgent.destroy();
      busyAgent.destroy();
    }
  }, 30_000);

  it('cuts what is still open at the deadline', async () => {
    const lifecycle = new ServerLifecycle();
    let arrived!: () => void;
    const hasArrived = new Promise<void>((resolve) => (arrived = resolve));
    const server = http.createServer((_req, res) => {
      lifecycle.admit(res);
      arrived(); // and never answers
    });
    const baseUrl = await listen(server);
    const stuck = fetch(`${baseUrl}/stuck`).then(
      () => 'answered',
      () => 'cut',
    );
    await hasArrived;
    const report = await lifecycle.drain(server, { timeoutMs: 300 });
    expect(report.connectionsCut).toBe(1);
    expect(await stuck).toBe('cut');
  }, 30_000);
});

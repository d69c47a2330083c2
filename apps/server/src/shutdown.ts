import type http from 'node:http';

/** What a drain did, for the log. */
export interface DrainReport {
  /** Requests that were being answered when the drain began. */
  inFlightAtStart: number;
  /** Connections still open at the deadline, cut then (0 when everything finished in time). */
  connectionsCut: number;
  durationMs: number;
}

export interface DrainOptions {
  /** How long in-flight requests may take before their connections are cut. */
  timeoutMs: number;
  /**
   * How long the server keeps accepting connections after readiness turned false, so that a load balancer
   * polling `/ready` stops sending before the port closes (default 0: close at once; proxies that get a
   * refused connection try another server).
   */
  readyDelayMs?: number;
}

/**
 * The server's lifecycle: whether it is draining (`/ready` answers 503 then) and which responses are in
 * progress. `drain` is the graceful stop: readiness false first, `Connection: close` on every response from
 * then on (kept-alive clients reconnect elsewhere, none is reset between two requests), idle keep-alive
 * connections closed, the port closed, in-flight requests finished, and after `timeoutMs` whatever is still
 * open cut. Close the database after it with `DatabaseHandle.destroy({ waitMs })`, which lets a transaction
 * still running (its connection cut) commit or roll back instead of failing half-way.
 */
export class ServerLifecycle {
  #draining = false;
  readonly #responses = new Set<http.ServerResponse>();

  get draining(): boolean {
    return this.#draining;
  }

  /** Called first for every request: tracks its response, and asks the client to close once draining. */
  admit(res: http.ServerResponse): void {
    if (this.#draining) res.setHeader('Connection', 'close');
    this.#responses.add(res);
    res.once('close', () => this.#responses.delete(res));
  }

  /**
   * Readiness false, and `Connection: close` on the responses in progress and on every later one; the port
   * stays open (`drain` calls it first, then closes). Returns how many requests were in flight.
   */
  stopBeingReady(): number {
    this.#draining = true;
    for (const res of this.#responses) if (!res.headersSent) res.setHeader('Connection', 'close');
    return this.#responses.size;
  }

  async drain(server: http.Server, options: DrainOptions): Promise<DrainReport> {
    const started = performance.now();
    const inFlightAtStart = this.stopBeingReady();
    if (options.readyDelayMs) await new Promise((resolve) => setTimeout(resolve, options.readyDelayMs));

    const closed = new Promise<void>((resolve, reject) =>
      server.close((error) => {
        if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
        else resolve();
      }),
    );
    server.closeIdleConnections();
    // A response whose headers went out before the drain could not be told to close: close its connection
    // once it is idle.
    const sweep = setInterval(() => server.closeIdleConnections(), 250);
    let connectionsCut = 0;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), options.timeoutMs);
    });
    try {
      if ((await Promise.race([closed.then(() => 'closed' as const), deadline])) === 'deadline') {
        connectionsCut = await countConnections(server);
        server.closeAllConnections();
        await closed;
      }
    } finally {
      clearTimeout(timer);
      clearInterval(sweep);
    }
    return { inFlightAtStart, connectionsCut, durationMs: Math.round(performance.now() - started) };
  }
}

function countConnections(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)));
}

/**
 * Stops accepting connections, lets in-flight requests finish, closes idle keep-alive connections, and
 * after `timeoutMs` cuts whatever is still open.
 */
export async function closeGracefully(server: http.Server, timeoutMs: number): Promise<void> {
  await new ServerLifecycle().drain(server, { timeoutMs });
}

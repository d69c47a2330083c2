import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Debian's nginx with the repository's deploy/nginx/antoan.conf (its two upstream ports and its listen port
// rewritten), for the tests of the deployment of docs/deploy.md. Skipped where nginx is not installed.

export const NGINX = '/usr/sbin/nginx';
const siteConf = fileURLToPath(new URL('../../../../deploy/nginx/antoan.conf', import.meta.url));

/** A port free right now on the loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls `probe` every 100 ms until it answers true (a throw counts as false); fails after `timeoutMs`. */
export async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface Nginx {
  /** `http://127.0.0.1:PORT`, where browsers reach the site. */
  site: string;
  port: number;
  child: ChildProcess;
  /** Stops nginx and removes its folder. */
  stop: () => void;
}

/** The site's port, chosen before the servers start (a server may be told its PUBLIC_URL). */
export async function nginxSite(): Promise<{ port: number; site: string }> {
  const port = await freePort();
  return { port, site: `http://127.0.0.1:${port}` };
}

/**
 * Starts nginx on `port` in front of the servers on `upstreamPorts` (two), once it answers /health. With
 * `showUpstream`, every answer says which server gave it (`X-Upstream: 127.0.0.1:PORT`).
 */
export async function startNginx(
  port: number,
  upstreamPorts: readonly [number | string, number | string],
  options: { showUpstream?: boolean } = {},
): Promise<Nginx> {
  const dir = mkdtempSync(path.join(tmpdir(), 'antoan-nginx-'));
  chmodSync(dir, 0o777); // nginx's workers run as nobody
  const conf = readFileSync(siteConf, 'utf8')
    .replace('server 127.0.0.1:3001', `server 127.0.0.1:${upstreamPorts[0]}`)
    .replace('server 127.0.0.1:3002', `server 127.0.0.1:${upstreamPorts[1]}`)
    .replace(
      /listen 80;/,
      `listen 127.0.0.1:${port};${options.showUpstream ? ' add_header X-Upstream $upstream_addr always;' : ''}`,
    );
  if (!conf.includes(`127.0.0.1:${upstreamPorts[1]}`)) throw new Error('deploy/nginx/antoan.conf: upstreams not found');
  writeFileSync(path.join(dir, 'antoan.conf'), conf);
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/antoan.conf;
}
`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const site = `http://127.0.0.1:${port}`;
  await until('nginx', async () => (await fetch(`${site}/health`)).status === 200, 30_000);
  return {
    site,
    port,
    child,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

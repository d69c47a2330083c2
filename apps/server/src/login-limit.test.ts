import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProcessDatabase,
  startServerProcess,
  type ProcessDatabase,
  type ServerProcess,
} from './testing/server-process.js';

// The sign-in limits live in the database (issue 19): two real servers on one database (SQLite file, or
// PostgreSQL with DATABASE_URL) share them, and a server started again remembers them. Wrong passwords split
// across both servers lock this address out of the account after five; twenty attempts that failed, from
// this address over both servers, refuse the next with 429, also on a server restarted afterwards.

const ADMIN_PASSWORD = 'mật khẩu của giới hạn chung';

describe('the sign-in limits shared by two servers', () => {
  let database: ProcessDatabase;
  const servers: ServerProcess[] = [];
  let env: Record<string, string | undefined> = {};

  beforeAll(async () => {
    database = await createProcessDatabase(process.env.DATABASE_URL);
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...database.env,
      STATIC_DIR: '/nonexistent-spa',
      SEED: 'none',
      ADMIN_PASSWORD,
    };
    servers.push(await startServerProcess(env, 120_000));
    servers.push(await startServerProcess(env, 120_000));
  }, 240_000);

  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGKILL');
    await database?.destroy();
  });

  const login = async (server: ServerProcess, username: string, password: string) => {
    const res = await fetch(`${server.baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.baseUrl },
      body: JSON.stringify({ username, password }),
    });
    return { status: res.status, text: await res.text() };
  };

  it('five wrong passwords over both servers lock the address out; twenty failures refuse the next, after a restart too', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    // Before: the right password works on both.
    expect((await login(a, 'admin', ADMIN_PASSWORD)).status).toBe(200);
    expect((await login(b, 'admin', ADMIN_PASSWORD)).status).toBe(200);
    // Five wrong passwords in a row from this address, alternating servers (each server saw 3 or 2).
    for (let i = 0; i < 5; i++) {
      const answer = await login(i % 2 === 0 ? a : b, 'admin', `sai lần ${i}`);
      expect(answer.status).toBe(401);
      expect(answer.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    }
    // The right password is refused on both, with the same answer as a wrong one.
    for (const server of [a, b]) {
      const refused = await login(server, 'admin', ADMIN_PASSWORD);
      expect(refused.status).toBe(401);
      expect(refused.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    }
    // 7 failed attempts so far from this address: 13 more over both servers use up the 20.
    for (let i = 0; i < 13; i++)
      expect((await login(i % 2 === 0 ? b : a, `ke.do.${i}`, 'đoán thử mà thôi')).status).toBe(401);
    for (const server of [a, b]) {
      const limited = await login(server, 'ke.do.moi', 'đoán thử mà thôi');
      expect(limited.status).toBe(429);
      expect(limited.text).toContain('Quá nhiều lần đăng nhập từ địa chỉ này');
    }

    // B stopped and started again: it still refuses.
    b.child.kill('SIGTERM');
    expect((await b.exited).code).toBe(0);
    const again = await startServerProcess(env, 120_000);
    servers.push(again);
    const limited = await login(again, 'admin', ADMIN_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.text).toContain('Quá nhiều lần đăng nhập từ địa chỉ này');

    // The address locked out of admin is remembered too (the per-address limit cleared by hand first).
    const handle = database.open();
    await handle.db.deleteFrom('login_attempts').execute();
    await handle.destroy();
    const locked = await login(again, 'admin', ADMIN_PASSWORD);
    expect(locked.status).toBe(401);
    expect(locked.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
  }, 240_000);
});

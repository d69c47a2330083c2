import type { User } from '@antoan/core';
import { findSessionUser } from '@antoan/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner, createHttpContext, sessionIdOf, silentLogger } from './context.js';
import { clientKey, LoginRateLimiter } from './login-limiter.js';
import { AreaSummaries } from './area-summaries.js';
import { createCaller } from './root.js';
import { SIGN_IN_FAILED } from './router/auth.router.js';
import { browserCaller, createApiTestEnvironment, failure, TEST_PASSWORD, type ApiTestEnvironment } from './testing.js';

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment();
});
afterAll(() => env.destroy());

const browser = () => browserCaller(env.handle);

describe('signing in and out', () => {
  it('signs in with the right password, sets a session cookie, and signs out', async () => {
    const b = browser();
    expect(await (await b.caller()).auth.me()).toBeNull();
    const user = await (await b.caller()).auth.login({ username: 'xa.quangthuy', password: TEST_PASSWORD });
    expect(user).toMatchObject({ username: 'xa.quangthuy', role: 'commune_officer' });
    expect(b.jar.token).toMatch(/^[\w-]{40,}$/);
    expect(await (await b.caller()).auth.me()).toMatchObject({ username: 'xa.quangthuy' });
    // The stored session id is a hash of the token, never the token itself.
    const stored = await env.handle.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(b.jar.token);

    await (await b.caller()).auth.logout();
    expect(b.jar.token).toBeNull();
    expect(await (await b.caller()).auth.me()).toBeNull();
  });

  it('refuses a wrong password or an unknown user with the same message', async () => {
    const wrong = await failure(async () =>
      (await browser().caller()).auth.login({ username: 'admin', password: 'nope nope nope' }),
    );
    const unknown = await failure(async () =>
      (await browser().caller()).auth.login({ username: 'ghost', password: 'nope nope nope' }),
    );
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect(unknown.code).toBe('UNAUTHORIZED');
    expect(wrong.data.text).toEqual(unknown.data.text);
    expect(wrong.data.text).toEqual(SIGN_IN_FAILED);
  });

  it('issues a new token at every sign-in (no session fixation)', async () => {
    const b = browser();
    await (await b.caller()).auth.login({ username: 'admin', password: TEST_PASSWORD });
    const first = b.jar.token;
    await (await b.caller()).auth.login({ username: 'admin', password: TEST_PASSWORD });
    expect(b.jar.token).not.toBe(first);
    expect(await findSessionUser(env.handle.db, sessionIdOf(first!), new Date())).toBeUndefined();
  });

  it('changes the password, ends the other sessions, and records it in the audit log', async () => {
    const phone = browser();
    const laptop = browser();
    await (await phone.caller()).auth.login({ username: 'tinh', password: TEST_PASSWORD });
    await (await laptop.caller()).auth.login({ username: 'tinh', password: TEST_PASSWORD });
    const tooShort = await failure(async () =>
      (await laptop.caller()).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'short' }),
    );
    expect(tooShort.data.fieldErrors).toEqual([
      {
        path: 'newPassword',
        message: { vi: 'Mật khẩu cần ít nhất 10 ký tự', en: 'The password needs at least 10 characters' },
      },
    ]);
    const badCurrent = await failure(async () =>
      (await laptop.caller()).auth.changePassword({
        currentPassword: 'wrong wrong',
        newPassword: 'mật khẩu mới đủ dài',
      }),
    );
    expect(badCurrent.code).toBe('BAD_REQUEST');

    await (
      await laptop.caller()
    ).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'mật khẩu mới đủ dài' });
    expect(await (await laptop.caller()).auth.me()).toMatchObject({ username: 'tinh' });
    expect(await (await phone.caller()).auth.me()).toBeNull();
    const audit = await env
      .callerFor('admin')
      .audit.list({ entity: 'user', entityId: String(env.users.province_officer.id) });
    expect(audit[0]).toMatchObject({ action: 'password.change', userId: env.users.province_officer.id });
    await (await browser().caller()).auth.login({ username: 'tinh', password: 'mật khẩu mới đủ dài' });
  });
});

describe('lockout', () => {
  // One limiter, as a server has (the per-address limit of 20 is tested apart, so it is lifted here).
  const limiter = new LoginRateLimiter({ maxFailures: 1000 });
  const lockRow = () =>
    env.handle.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('username', '=', 'xa.quangthuy')
      .executeTakeFirstOrThrow();
  const at = (iso: string, ip = '203.0.113.50', user: User | null = null) =>
    createCaller(
      createContextInner({ db: env.handle.db, now: () => new Date(iso), clientIp: ip, loginLimiter: limiter, user }),
    );
  const login = (iso: string, ip: string, password: string) =>
    at(iso, ip).auth.login({ username: 'xa.quangthuy', password });
  const wrongFiveTimes = async (iso: string, ip = '203.0.113.50') => {
    for (let i = 0; i < 5; i++) {
      const wrong = await failure(() => login(iso, ip, `sai ${i} lần nữa`));
      expect(wrong.data.text).toEqual(SIGN_IN_FAILED);
    }
  };

  it('locks a client out after 5 wrong passwords in a row, answering as a wrong password would; the owner elsewhere signs in', async () => {
    await wrongFiveTimes('2022-03-01T02:00:00Z');
    const locked = await failure(() => login('2022-03-01T02:00:00Z', '203.0.113.50', TEST_PASSWORD));
    // The same code and text as an unknown user or a wrong password: nothing says the account exists, is
    // locked, or until when.
    expect(locked.code).toBe('UNAUTHORIZED');
    expect(locked.data.text).toEqual(SIGN_IN_FAILED);
    expect(JSON.stringify(locked)).not.toMatch(/\d\d:\d\d/);
    expect(await lockRow()).toEqual({ failed_logins: 5, locked_until: null });
    // The owner, from their own address, is not locked out by the guesser.
    expect(await login('2022-03-01T02:01:00Z', '198.51.100.7', TEST_PASSWORD)).toMatchObject({
      username: 'xa.quangthuy',
    });
    expect(await lockRow()).toEqual({ failed_logins: 0, locked_until: null });
    // The guesser's address stays locked out until its lock ends, then the right password works there too.
    await failure(() => login('2022-03-01T02:14:00Z', '203.0.113.50', TEST_PASSWORD));
    expect(await login('2022-03-01T02:16:00Z', '203.0.113.50', TEST_PASSWORD)).toMatchObject({
      username: 'xa.quangthuy',
    });
  });

  it('forgets the failures once a lock has ended: one wrong guess after it does not lock again', async () => {
    await wrongFiveTimes('2022-04-01T02:00:00Z');
    await failure(() => login('2022-04-01T02:20:00Z', '203.0.113.50', 'một lần sai'));
    expect(await login('2022-04-01T02:21:00Z', '203.0.113.50', TEST_PASSWORD)).toMatchObject({
      username: 'xa.quangthuy',
    });
  });

  it('counts the calls of one batch one by one: 20 parallel guesses from one client get 5', async () => {
    const caller = at('2022-05-01T02:00:00Z', '203.0.113.51');
    const answers = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => caller.auth.login({ username: 'xa.quangthuy', password: `đoán ${i}` })),
    );
    expect(answers.every((a) => a.status === 'rejected')).toBe(true);
    expect(await lockRow()).toEqual({ failed_logins: 5, locked_until: null });
    await failure(() => login('2022-05-01T02:00:00Z', '203.0.113.51', TEST_PASSWORD));
    await login('2022-05-01T02:00:00Z', '198.51.100.7', TEST_PASSWORD);
  }, 60_000);

  it('locks the whole account after 50 wrong passwords in a row from many clients; an admin unlocks, audited', async () => {
    for (let client = 1; client <= 10; client++) await wrongFiveTimes('2022-06-01T02:00:00Z', `192.0.2.${client}`);
    expect(await lockRow()).toEqual({ failed_logins: 50, locked_until: '2022-06-01T02:15:00.000Z' });
    // Now even a new address is refused, with the same answer.
    const everyone = await failure(() => login('2022-06-01T02:01:00Z', '198.51.100.8', TEST_PASSWORD));
    expect(everyone.data.text).toEqual(SIGN_IN_FAILED);
    // The users page shows the lock and until when (while it holds; an expired one is not shown).
    const admin = at('2022-06-01T02:01:00Z', '198.51.100.1', env.users.admin);
    const listed = (await admin.users.list()).find((u) => u.id === env.users.commune_officer.id);
    expect(listed?.lockedUntil).toBe('2022-06-01T02:15:00.000Z');
    const later = at('2022-06-01T02:16:00Z', '198.51.100.1', env.users.admin);
    expect((await later.users.list()).find((u) => u.id === env.users.commune_officer.id)?.lockedUntil).toBeNull();
    expect(await admin.users.unlock({ userId: env.users.commune_officer.id })).toEqual({ ok: true });
    expect(await lockRow()).toEqual({ failed_logins: 0, locked_until: null });
    // Every client's lock on the account is lifted too.
    expect(await login('2022-06-01T02:01:30Z', '192.0.2.1', TEST_PASSWORD)).toMatchObject({ username: 'xa.quangthuy' });
    const audit = await admin.audit.list({ entity: 'user', entityId: String(env.users.commune_officer.id) });
    expect(audit[0]).toMatchObject({
      action: 'user.unlock',
      userId: env.users.admin.id,
      before: { failedLogins: 50, lockedUntil: '2022-06-01T02:15:00.000Z' },
      after: { failedLogins: 0, lockedUntil: null },
    });
    // A province officer unlocks the accounts of their subtree (audited as theirs), never an administrator's.
    await wrongFiveTimes('2022-06-02T02:00:00Z');
    const province = at('2022-06-02T02:01:00Z', '198.51.100.2', env.users.province_officer);
    expect(await province.users.unlock({ userId: env.users.commune_officer.id })).toEqual({ ok: true });
    const byProvince = await admin.audit.list({ entity: 'user', entityId: String(env.users.commune_officer.id) });
    expect(byProvince[0]).toMatchObject({ action: 'user.unlock', userId: env.users.province_officer.id });
    const refused = await failure(() => province.users.unlock({ userId: env.users.admin.id }));
    expect(refused.code).toBe('FORBIDDEN');
    const commune = await failure(() =>
      env.callerFor('commune_officer').users.unlock({ userId: env.users.unit_reporter.id }),
    );
    expect(commune.code).toBe('FORBIDDEN');
  }, 120_000);
});

describe('changePassword attempts', () => {
  it('counts wrong current passwords towards the lock, one at a time even within a batch', async () => {
    const user = env.users.unit_reporter;
    const limiter = new LoginRateLimiter();
    const caller = createCaller(
      createContextInner({
        db: env.handle.db,
        user,
        loginLimiter: limiter,
        now: () => new Date('2022-07-01T02:00:00Z'),
      }),
    );
    const answers = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        caller.auth.changePassword({ currentPassword: `đoán thử ${i}`, newPassword: 'mật khẩu mới đủ dài' }),
      ),
    );
    const codes = await Promise.all(
      answers.map((a) =>
        failure(() => (a.status === 'rejected' ? Promise.reject(a.reason as Error) : Promise.resolve())),
      ),
    );
    expect(codes.filter((c) => c.code === 'BAD_REQUEST')).toHaveLength(5);
    expect(codes.filter((c) => c.code === 'TOO_MANY_REQUESTS')).toHaveLength(15);
    // Even the right current password changes nothing while the lock lasts.
    const locked = await failure(() =>
      caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'mật khẩu mới đủ dài' }),
    );
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.data.text.vi).toMatch(/^Đã nhập sai mật khẩu hiện tại quá nhiều lần/);
    const admin = createCaller(createContextInner({ db: env.handle.db, user: env.users.admin, loginLimiter: limiter }));
    await admin.users.unlock({ userId: user.id });
    // unlocked, the owner changes it (and back, for the tests after this one; a new password must differ)
    await caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'mật khẩu sau khi mở khóa' });
    await caller.auth.changePassword({ currentPassword: 'mật khẩu sau khi mở khóa', newPassword: TEST_PASSWORD });
  }, 60_000);
});

describe('users', () => {
  it('lets the admin create a commune officer, audited, and refuses a taken username', async () => {
    const admin = env.callerFor('admin');
    const created = await admin.users.create({
      username: 'xa.quangvan',
      displayName: 'Công an xã Quảng Văn',
      password: 'một mật khẩu dài',
      role: 'commune_officer',
      areaId: env.areaId('QB-BD-QVAN'),
    });
    expect(created).toMatchObject({ username: 'xa.quangvan', role: 'commune_officer', isDisabled: false });
    const audit = await admin.audit.list({ entity: 'user', entityId: String(created.id) });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'user.create', before: null, after: { username: 'xa.quangvan' } });
    expect(JSON.stringify(audit[0])).not.toContain('một mật khẩu dài');

    const again = await failure(() =>
      admin.users.create({
        username: 'xa.quangvan',
        displayName: 'x',
        password: 'một mật khẩu dài',
        role: 'viewer',
        areaId: env.areaId('QB'),
      }),
    );
    expect(again.code).toBe('CONFLICT');
  });

  it('requires an area for every role but admin, and a unit for a reporter', async () => {
    const { code, data } = await failure(() =>
      env
        .callerFor('admin')
        .users.create({ username: 'someone', displayName: 'x', password: 'một mật khẩu dài', role: 'unit_reporter' }),
    );
    expect(code).toBe('BAD_REQUEST');
    expect(data.fieldErrors?.map((e) => e.path).sort()).toEqual(['areaId', 'unitId']);
    expect(await env.handle.db.selectFrom('users').select('id').where('username', '=', 'someone').execute()).toEqual(
      [],
    );
  });

  it('disables a user: their sessions end and they cannot sign in', async () => {
    const b = browser();
    await (await b.caller()).auth.login({ username: 'xem.badon', password: TEST_PASSWORD });
    await env.callerFor('admin').users.setDisabled({ userId: env.users.viewer.id, isDisabled: true });
    expect(await (await b.caller()).auth.me()).toBeNull();
    const { code } = await failure(async () =>
      (await browser().caller()).auth.login({ username: 'xem.badon', password: TEST_PASSWORD }),
    );
    expect(code).toBe('UNAUTHORIZED');
  });
});

describe('sign-in limit per client address', () => {
  // Each attempt hashes a password (scrypt, about 0.1 s): twenty of them need more than the default 5 s.
  const SLOW = 60_000;
  const at = new Date('2022-04-01T01:00:00Z');

  /** A caller from a client address, on the server's limiter and on a given clock. */
  function from(ip: string, limiter: LoginRateLimiter, now: () => Date = () => at) {
    return createCaller(createContextInner({ db: env.handle.db, now, clientIp: ip, loginLimiter: limiter }));
  }

  it(
    'refuses the 21st attempt from one address with when to retry, even with a right password; other addresses go on',
    async () => {
      const limiter = new LoginRateLimiter();
      const failedLogins = async () =>
        (
          await env.handle.db
            .selectFrom('users')
            .select('failed_logins')
            .where('username', '=', 'admin')
            .executeTakeFirstOrThrow()
        ).failed_logins;
      const before = await failedLogins();
      // Twenty failures spread over usernames (none exists, so no account gets locked on the way).
      for (let i = 0; i < 20; i++) {
        const wrong = await failure(() =>
          from('203.0.113.7', limiter).auth.login({ username: `ke.do.${i}`, password: 'đoán thử mà thôi' }),
        );
        expect(wrong.code).toBe('UNAUTHORIZED');
      }
      const refused = await failure(() =>
        from('203.0.113.7', limiter).auth.login({ username: 'admin', password: 'sai mật khẩu rồi' }),
      );
      expect(refused.code).toBe('TOO_MANY_REQUESTS');
      // Refused before any password is checked: the account counts no failure (a guesser cannot lock it out).
      expect(await failedLogins()).toBe(before);
      expect(
        (await failure(() => from('203.0.113.7', limiter).auth.login({ username: 'admin', password: TEST_PASSWORD })))
          .code,
      ).toBe('TOO_MANY_REQUESTS');
      expect(refused.data.httpStatus).toBe(429);
      expect(refused.data.text).toEqual({
        vi: 'Quá nhiều lần đăng nhập từ địa chỉ này. Thử lại sau 08:15 01/04/2022.',
        en: 'Too many sign-in attempts from this address. Try again after 08:15 01/04/2022.',
      });
      // The refusal checked no password: the account did not count a failure.
      const row = await env.handle.db
        .selectFrom('users')
        .select('failed_logins')
        .where('username', '=', 'tinh')
        .executeTakeFirstOrThrow();
      expect(row.failed_logins).toBe(0);

      expect(
        await from('198.51.100.20', limiter).auth.login({ username: 'admin', password: TEST_PASSWORD }),
      ).toMatchObject({ username: 'admin' });
      // The same address over IPv4-mapped IPv6 is the same client.
      expect(
        (
          await failure(() =>
            from('::ffff:203.0.113.7', limiter).auth.login({ username: 'admin', password: TEST_PASSWORD }),
          )
        ).code,
      ).toBe('TOO_MANY_REQUESTS');
    },
    SLOW,
  );

  it(
    'lets the address try again once the window has passed (a sliding window on the injected clock)',
    async () => {
      const limiter = new LoginRateLimiter();
      let now = at;
      for (let i = 0; i < 20; i++) {
        now = new Date(at.getTime() + i * 30_000); // one failure every 30 s: 00:00 … 09:30
        await failure(() =>
          from('203.0.113.8', limiter, () => now).auth.login({ username: `ke.do.${i}`, password: 'đoán thử mà thôi' }),
        );
      }
      now = new Date(at.getTime() + 14 * 60_000);
      const refused = await failure(() =>
        from('203.0.113.8', limiter, () => now).auth.login({ username: 'admin', password: TEST_PASSWORD }),
      );
      expect(refused.data.text.en).toBe(
        'Too many sign-in attempts from this address. Try again after 08:15 01/04/2022.',
      );
      // 15 minutes after the first failure it leaves the window: one attempt is free again, not twenty.
      now = new Date(at.getTime() + 15 * 60_000 + 1);
      expect(
        await from('203.0.113.8', limiter, () => now).auth.login({ username: 'admin', password: TEST_PASSWORD }),
      ).toMatchObject({ username: 'admin' });
      await failure(() =>
        from('203.0.113.8', limiter, () => now).auth.login({ username: 'ke.do', password: 'đoán thử mà thôi' }),
      );
      expect(
        (
          await failure(() =>
            from('203.0.113.8', limiter, () => now).auth.login({ username: 'admin', password: TEST_PASSWORD }),
          )
        ).code,
      ).toBe('TOO_MANY_REQUESTS');
      // Once every failure has left the window, the address is as new.
      now = new Date(at.getTime() + 40 * 60_000);
      expect(
        await from('203.0.113.8', limiter, () => now).auth.login({ username: 'admin', password: TEST_PASSWORD }),
      ).toMatchObject({ username: 'admin' });
    },
    SLOW,
  );

  it(
    'does not count successful sign-ins, and counts attempts running in parallel',
    async () => {
      const limiter = new LoginRateLimiter({ maxFailures: 3 });
      for (let i = 0; i < 5; i++)
        await from('203.0.113.9', limiter).auth.login({ username: 'admin', password: TEST_PASSWORD });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) =>
          from('203.0.113.9', limiter).auth.login({ username: `ke.do.${i}`, password: 'đoán thử mà thôi' }),
        ),
      );
      const codes = outcomes.map((o) =>
        o.status === 'rejected' && o.reason instanceof TRPCError ? o.reason.code : 'ok',
      );
      expect(codes.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(3);
      expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(3);
    },
    SLOW,
  );

  it('keeps its table small: attempts that left the window are pruned as new ones arrive', async () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 100; i++) await limiter.begin(env.handle.db, `10.0.0.${i}`, new Date(at.getTime() + i));
    const rows = () =>
      env.handle.db.selectFrom('login_attempts').select('client_key').where('client_key', 'like', '10.%').execute();
    expect(await rows()).toHaveLength(100);
    await limiter.begin(env.handle.db, '10.9.9.9', new Date(at.getTime() + 16 * 60_000));
    expect((await rows()).map((r) => r.client_key)).toEqual(['10.9.9.9']);
  });

  it('takes the address from the TCP peer, not from X-Forwarded-For unless told to', async () => {
    const req = {
      headers: { 'x-forwarded-for': '1.2.3.4, 198.51.100.1' },
      socket: { remoteAddress: '::ffff:203.0.113.10' },
    };
    const res = { appendHeader: () => undefined };
    const options = { db: env.handle.db, log: silentLogger, secureCookies: false, summaries: new AreaSummaries() };
    expect((await createHttpContext({ req, res }, options)).clientIp).toBe('::ffff:203.0.113.10');
    expect((await createHttpContext({ req, res }, { ...options, trustForwardedFor: true })).clientIp).toBe(
      '198.51.100.1',
    );
    expect(clientKey('::ffff:203.0.113.10')).toBe('203.0.113.10');
    expect(clientKey('2001:db8:1:2:3:4:5:6')).toBe(clientKey('2001:0db8:0001:0002::9'));
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });

  it('never writes a password to the log', async () => {
    const lines: string[] = [];
    const log = {
      info: (m: string, d?: Record<string, unknown>) => lines.push(m + JSON.stringify(d ?? {})),
      error: (m: string, d?: Record<string, unknown>) => lines.push(m + JSON.stringify(d ?? {})),
    };
    const limiter = new LoginRateLimiter({ maxFailures: 1 });
    const caller = () =>
      createCaller(
        createContextInner({ db: env.handle.db, now: () => at, clientIp: '203.0.113.11', loginLimiter: limiter, log }),
      );
    await failure(() => caller().auth.login({ username: 'ke.do', password: 'bí mật tuyệt đối 1' }));
    await failure(() => caller().auth.login({ username: 'admin', password: 'bí mật tuyệt đối 2' }));
    expect(lines.join('\n')).toContain('sign-in attempts refused');
    expect(lines.join('\n')).not.toContain('bí mật');
  });
});

import { findSessionUser } from '@antoan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner, sessionIdOf } from './context.js';
import { createCaller } from './root.js';
import { createApiTestEnvironment, failure, TEST_PASSWORD, type ApiTestEnvironment } from './testing.js';

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment();
});
afterAll(() => env.destroy());

/** A caller that behaves like a browser: it keeps the session cookie the server sets. */
function browser() {
  const jar: { token: string | null } = { token: null };
  const caller = async () => {
    const sessionId = jar.token ? sessionIdOf(jar.token) : null;
    const user = sessionId ? ((await findSessionUser(env.handle.db, sessionId, new Date())) ?? null) : null;
    return createCaller(
      createContextInner({
        db: env.handle.db,
        user,
        sessionId: user ? sessionId : null,
        setSessionCookie: (token) => (jar.token = token),
      }),
    );
  };
  return { jar, caller };
}

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
    const wrong = await failure(async () => (await browser().caller()).auth.login({ username: 'admin', password: 'nope nope nope' }));
    const unknown = await failure(async () => (await browser().caller()).auth.login({ username: 'ghost', password: 'nope nope nope' }));
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect(unknown.code).toBe('UNAUTHORIZED');
    expect(wrong.data.text).toEqual(unknown.data.text);
    expect(wrong.data.text.vi).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
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
    const tooShort = await failure(async () => (await laptop.caller()).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'short' }));
    expect(tooShort.data.fieldErrors).toEqual([
      { path: 'newPassword', message: { vi: 'Mật khẩu cần ít nhất 10 ký tự', en: 'The password needs at least 10 characters' } },
    ]);
    const badCurrent = await failure(async () => (await laptop.caller()).auth.changePassword({ currentPassword: 'wrong wrong', newPassword: 'mật khẩu mới đủ dài' }));
    expect(badCurrent.code).toBe('BAD_REQUEST');

    await (await laptop.caller()).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'mật khẩu mới đủ dài' });
    expect(await (await laptop.caller()).auth.me()).toMatchObject({ username: 'tinh' });
    expect(await (await phone.caller()).auth.me()).toBeNull();
    const audit = await env.callerFor('admin').audit.list({ entity: 'user', entityId: String(env.users.province_officer.id) });
    expect(audit[0]).toMatchObject({ action: 'password.change', userId: env.users.province_officer.id });
    await (await browser().caller()).auth.login({ username: 'tinh', password: 'mật khẩu mới đủ dài' });
  });
});

describe('lockout', () => {
  it('locks an account after 5 wrong passwords in a row, says until when, and refuses even the right password meanwhile', async () => {
    const at = new Date('2022-03-01T02:00:00Z');
    const caller = () => createCaller(createContextInner({ db: env.handle.db, now: () => at }));
    for (let i = 0; i < 5; i++) {
      const wrong = await failure(() => caller().auth.login({ username: 'xa.quangthuy', password: `sai ${i} lần nữa` }));
      expect(wrong.data.text.vi).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    const locked = await failure(() => caller().auth.login({ username: 'xa.quangthuy', password: TEST_PASSWORD }));
    expect(locked.code).toBe('UNAUTHORIZED');
    expect(locked.data.text.vi).toBe('Tài khoản tạm bị khóa vì đăng nhập sai 5 lần liên tiếp. Thử lại sau 09:15 01/03/2022.');
    // After the lock, the right password works and clears the count.
    const later = createCaller(createContextInner({ db: env.handle.db, now: () => new Date('2022-03-01T02:16:00Z') }));
    expect(await later.auth.login({ username: 'xa.quangthuy', password: TEST_PASSWORD })).toMatchObject({ username: 'xa.quangthuy' });
    const row = await env.handle.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('username', '=', 'xa.quangthuy').executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });
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
      admin.users.create({ username: 'xa.quangvan', displayName: 'x', password: 'một mật khẩu dài', role: 'viewer', areaId: env.areaId('QB') }),
    );
    expect(again.code).toBe('CONFLICT');
  });

  it('requires an area for every role but admin, and a unit for a reporter', async () => {
    const { code, data } = await failure(() =>
      env.callerFor('admin').users.create({ username: 'someone', displayName: 'x', password: 'một mật khẩu dài', role: 'unit_reporter' }),
    );
    expect(code).toBe('BAD_REQUEST');
    expect(data.fieldErrors?.map((e) => e.path).sort()).toEqual(['areaId', 'unitId']);
    expect(await env.handle.db.selectFrom('users').select('id').where('username', '=', 'someone').execute()).toEqual([]);
  });

  it('disables a user: their sessions end and they cannot sign in', async () => {
    const b = browser();
    await (await b.caller()).auth.login({ username: 'xem.badon', password: TEST_PASSWORD });
    await env.callerFor('admin').users.setDisabled({ userId: env.users.viewer.id, isDisabled: true });
    expect(await (await b.caller()).auth.me()).toBeNull();
    const { code } = await failure(async () => (await browser().caller()).auth.login({ username: 'xem.badon', password: TEST_PASSWORD }));
    expect(code).toBe('UNAUTHORIZED');
  });
});

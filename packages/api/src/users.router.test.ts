import type { User } from '@antoan/core';
import { createTestDatabase } from '@antoan/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from './auth.js';
import { createContextInner } from './context.js';
import { createCaller } from './root.js';
import { browserCaller, createApiTestEnvironment, failure, TEST_PASSWORD, type ApiTestEnvironment } from './testing.js';

// Accounts as the SPA manages them: one-time passwords that must be changed, province officers managing
// their own subtree only, resets, edits, signing out everywhere, and the audit log's filters.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment();
});
afterAll(() => env.destroy());

const ONE_TIME = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/;

const browser = () => browserCaller(env.handle);

const callerAs = (user: User) => createCaller(createContextInner({ db: env.handle.db, user }));

describe('a one-time password', () => {
  it('is made when the admin gives none, shown once, never audited, and must be changed before anything else', async () => {
    const admin = env.callerFor('admin');
    const created = await admin.users.create({
      username: 'xa.quangphuc',
      displayName: 'Công an xã Quảng Phúc',
      role: 'commune_officer',
      areaId: env.areaId('QB-BD-QPHUC'),
    });
    expect(created).toMatchObject({ username: 'xa.quangphuc', mustChangePassword: true });
    expect(created.oneTimePassword).toMatch(ONE_TIME);
    const audit = await admin.audit.list({ entity: 'user', entityId: String(created.id) });
    expect(JSON.stringify(audit)).not.toContain(created.oneTimePassword!);

    const b = browser();
    await (await b.caller()).auth.login({ username: 'xa.quangphuc', password: created.oneTimePassword! });
    expect(await (await b.caller()).auth.me()).toMatchObject({ mustChangePassword: true });
    const refused = await failure(async () => (await b.caller()).units.list({ page: 1, pageSize: 10 }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.data.text.vi).toBe('Bạn cần đổi mật khẩu dùng một lần trước khi tiếp tục.');
    const same = await failure(async () =>
      (await b.caller()).auth.changePassword({
        currentPassword: created.oneTimePassword!,
        newPassword: created.oneTimePassword!,
      }),
    );
    expect(same.data.fieldErrors?.[0]?.message.vi).toBe('Mật khẩu mới phải khác mật khẩu hiện tại');

    await (
      await b.caller()
    ).auth.changePassword({ currentPassword: created.oneTimePassword!, newPassword: 'mật khẩu của riêng tôi' });
    expect(await (await b.caller()).auth.me()).toMatchObject({ mustChangePassword: false });
    const units = await (await b.caller()).units.list({ page: 1, pageSize: 10 });
    expect(units.items.length).toBeGreaterThan(0);
  });

  it('keeps a password the creator chose (scripts) without forcing a change', async () => {
    const created = await env.callerFor('admin').users.create({
      username: 'xem.quangphuc',
      displayName: 'Người xem',
      password: 'mật khẩu đã chọn',
      role: 'viewer',
      areaId: env.areaId('QB-BD-QPHUC'),
    });
    expect(created).toMatchObject({ mustChangePassword: false, oneTimePassword: null });
  });

  it('is what the first start gives the admin when ADMIN_PASSWORD is not set', async () => {
    const fresh = await createTestDatabase();
    try {
      const first = await ensureFirstAdmin(fresh.db, { now: new Date('2026-12-01T00:00:00Z') });
      expect(first?.password).toMatch(ONE_TIME);
      const row = await fresh.db.selectFrom('users').select('must_change_password').executeTakeFirstOrThrow();
      expect(row.must_change_password).toBe(1);
    } finally {
      await fresh.destroy();
    }
    const chosen = await createTestDatabase();
    try {
      await ensureFirstAdmin(chosen.db, { password: 'mật khẩu do người vận hành chọn', now: new Date() });
      const row = await chosen.db.selectFrom('users').select('must_change_password').executeTakeFirstOrThrow();
      expect(row.must_change_password).toBe(0);
    } finally {
      await chosen.destroy();
    }
  });
});

describe('a province officer manages the accounts of their subtree only', () => {
  let district: User;
  beforeAll(async () => {
    const created = await env.callerFor('admin').users.create({
      username: 'huyen.badon',
      displayName: 'Công an thị xã Ba Đồn',
      password: TEST_PASSWORD,
      role: 'province_officer',
      areaId: env.areaId('QB-BD'),
    });
    const { oneTimePassword: _, ...user } = created;
    district = user;
  });

  it('lists the accounts of their subtree, not those above it', async () => {
    const names = (await callerAs(district).users.list()).map((u) => u.username);
    expect(names).toContain('xa.quangthuy');
    expect(names).toContain('xem.badon');
    expect(names).not.toContain('admin');
    expect(names).not.toContain('tinh');
    expect((await env.callerFor('admin').users.list()).map((u) => u.username)).toContain('tinh');
  });

  it('creates a commune officer and a reporter inside, and refuses an area above, an admin, or a unit elsewhere', async () => {
    const officer = await callerAs(district).users.create({
      username: 'xa.quangvan2',
      displayName: 'Công an xã Quảng Văn',
      role: 'commune_officer',
      areaId: env.areaId('QB-BD-QVAN'),
    });
    expect(officer.oneTimePassword).toMatch(ONE_TIME);
    const reporter = await callerAs(district).users.create({
      username: 'thon1.quangthuy',
      displayName: 'Trưởng thôn 1',
      role: 'unit_reporter',
      areaId: env.areaId('QB-BD-QTHUY'),
      unitId: env.unitId('KDC-QB-BD-QTHUY-1'),
    });
    expect(reporter.unitId).toBe(env.unitId('KDC-QB-BD-QTHUY-1'));

    const above = await failure(() =>
      callerAs(district).users.create({
        username: 'ai.do',
        displayName: 'x',
        role: 'viewer',
        areaId: env.areaId('QB'),
      }),
    );
    expect(above.code).toBe('FORBIDDEN');
    const asAdmin = await failure(() =>
      callerAs(district).users.create({ username: 'ai.do', displayName: 'x', role: 'admin', areaId: null }),
    );
    expect(asAdmin.code).toBe('FORBIDDEN');
    expect(asAdmin.data.text.vi).toBe('Bạn không được giao vai trò này.');
    const wrongUnit = await failure(() =>
      callerAs(district).users.create({
        username: 'ai.do',
        displayName: 'x',
        role: 'unit_reporter',
        areaId: env.areaId('QB-BD-QVAN'),
        unitId: env.unitId('KDC-QB-BD-QTHUY-1'),
      }),
    );
    expect(wrongUnit.code).toBe('BAD_REQUEST');
    const unitForOfficer = await failure(() =>
      env.callerFor('admin').users.create({
        username: 'ai.do',
        displayName: 'x',
        role: 'commune_officer',
        areaId: env.areaId('QB-BD-QVAN'),
        unitId: env.unitId('KDC-QB-BD-QTHUY-1'),
      }),
    );
    expect(unitForOfficer.data.fieldErrors?.map((e) => e.path)).toEqual(['unitId']);
    expect(await env.handle.db.selectFrom('users').select('id').where('username', '=', 'ai.do').execute()).toEqual([]);
  });

  it('edits, disables and resets accounts inside, never above, never an admin, never their own', async () => {
    const officer = (await env.callerFor('admin').users.list()).find((u) => u.username === 'xa.quangvan2')!;
    const moved = await callerAs(district).users.update({
      userId: officer.id,
      displayName: 'Công an xã Quảng Văn (mới)',
      role: 'viewer',
      areaId: env.areaId('QB-BD-QTHUY'),
      unitId: null,
      email: 'quangvan@example.vn',
    });
    expect(moved).toMatchObject({ role: 'viewer', areaId: env.areaId('QB-BD-QTHUY'), email: 'quangvan@example.vn' });
    const audit = await env
      .callerFor('admin')
      .audit.list({ entity: 'user', entityId: String(officer.id), action: 'user.update' });
    expect(audit[0]).toMatchObject({
      userId: district.id,
      userName: 'Công an thị xã Ba Đồn',
      before: { role: 'commune_officer' },
      after: { role: 'viewer' },
    });

    const tinh = env.users.province_officer;
    for (const call of [
      () => callerAs(district).users.resetPassword({ userId: tinh.id }),
      () => callerAs(district).users.setDisabled({ userId: tinh.id, isDisabled: true }),
      () => callerAs(district).users.resetPassword({ userId: env.users.admin.id }),
      () =>
        callerAs(district).users.update({
          userId: district.id,
          displayName: 'x',
          role: 'province_officer',
          areaId: env.areaId('QB'),
        }),
      () =>
        callerAs(district).users.update({
          userId: officer.id,
          displayName: 'x',
          role: 'viewer',
          areaId: env.areaId('QB'),
        }),
    ]) {
      expect((await failure(call)).code).toBe('FORBIDDEN');
    }
    const stored = await env.handle.db
      .selectFrom('users')
      .select(['role', 'area_id', 'is_disabled'])
      .where('id', '=', tinh.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ role: 'province_officer', area_id: env.areaId('QB'), is_disabled: 0 });
  });

  it('resets a password: the sessions end, the old password stops working, the one-time one must be changed', async () => {
    const b = browser();
    await (await b.caller()).auth.login({ username: 'xa.quangthuy', password: TEST_PASSWORD });
    const { oneTimePassword } = await callerAs(district).users.resetPassword({ userId: env.users.commune_officer.id });
    expect(oneTimePassword).toMatch(ONE_TIME);
    expect(await (await b.caller()).auth.me()).toBeNull();
    expect(
      (
        await failure(async () =>
          (await browser().caller()).auth.login({ username: 'xa.quangthuy', password: TEST_PASSWORD }),
        )
      ).code,
    ).toBe('UNAUTHORIZED');
    const again = browser();
    expect(
      await (await again.caller()).auth.login({ username: 'xa.quangthuy', password: oneTimePassword }),
    ).toMatchObject({
      mustChangePassword: true,
    });
    const audit = await env
      .callerFor('admin')
      .audit.list({ entity: 'user', entityId: String(env.users.commune_officer.id) });
    expect(audit[0]).toMatchObject({ action: 'password.reset', userId: district.id });
    expect(JSON.stringify(audit)).not.toContain(oneTimePassword);
    await (
      await again.caller()
    ).auth.changePassword({ currentPassword: oneTimePassword, newPassword: TEST_PASSWORD + ' mới' });
  });

  it('is refused to commune officers, reporters and viewers', async () => {
    for (const role of ['commune_officer', 'unit_reporter', 'viewer'] as const) {
      expect((await failure(() => env.callerFor(role).users.list())).code).toBe('FORBIDDEN');
    }
  });
});

describe('signing out everywhere', () => {
  it('ends every session of the user, this one included, and no other user’s', async () => {
    const phone = browser();
    const laptop = browser();
    const other = browser();
    await (await phone.caller()).auth.login({ username: 'xem.badon', password: TEST_PASSWORD });
    await (await laptop.caller()).auth.login({ username: 'xem.badon', password: TEST_PASSWORD });
    await (await other.caller()).auth.login({ username: 'admin', password: TEST_PASSWORD });
    await (await laptop.caller()).auth.signOutEverywhere();
    expect(laptop.jar.token).toBeNull();
    expect(await (await phone.caller()).auth.me()).toBeNull();
    expect(await (await other.caller()).auth.me()).toMatchObject({ username: 'admin' });
  });
});

describe('the audit log', () => {
  it('filters by user, action and Vietnam dates, and pages with beforeId', async () => {
    const admin = env.callerFor('admin');
    const all = await admin.audit.list({ limit: 200 });
    expect(all.length).toBeGreaterThan(3);
    const byUser = await admin.audit.list({ userId: env.users.admin.id, limit: 200 });
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((r) => r.userId === env.users.admin.id && r.userName === 'admin')).toBe(true);
    const resets = await admin.audit.list({ action: 'password.reset' });
    expect(resets.length).toBe(1);
    const first = await admin.audit.list({ limit: 2 });
    const next = await admin.audit.list({ limit: 2, beforeId: first.at(-1)!.id });
    expect(next[0]!.id).toBeLessThan(first.at(-1)!.id);

    // A record written at 23:30 on 1 December in Vietnam (16:30 UTC) belongs to 1 December, not the 2nd.
    await env.handle.db
      .insertInto('audit_log')
      .values({
        at: '2026-12-01T16:30:00.000Z',
        user_id: null,
        action: 'test.mark',
        entity: 'test',
        entity_id: '1',
        before: null,
        after: null,
      })
      .execute();
    expect(await admin.audit.list({ action: 'test.mark', from: '2026-12-01', to: '2026-12-01' })).toHaveLength(1);
    expect(await admin.audit.list({ action: 'test.mark', from: '2026-12-02' })).toHaveLength(0);
    expect(await admin.audit.list({ action: 'test.mark', to: '2026-11-30' })).toHaveLength(0);
    const backwards = await failure(() => admin.audit.list({ from: '2026-12-02', to: '2026-12-01' }));
    expect(backwards.data.fieldErrors?.map((e) => e.path)).toEqual(['to']);
    const kinds = await admin.audit.kinds();
    expect(kinds.actions).toContain('password.reset');
    expect(kinds.entities).toContain('user');
  });
});

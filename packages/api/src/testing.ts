import { ensureResults, getAreaSummary, seedDemoWithReform } from '@antoan/services';
import type { Role, User } from '@antoan/core';
import { getUser, insertUser, listAreasOn, listUnits } from '@antoan/db';
import type { DatabaseHandle } from '@antoan/db/client';
import { createTestDatabase } from '@antoan/db/testing';
import { seedDemo } from '@antoan/db/seed';
import { createContextInner, findRequestSession, SESSION_COOKIE, type SessionCache } from './context.js';
import { VersionedCache } from './versioned-cache.js';
import { hashPassword } from './password.js';
import { appRouter, createCaller } from './root.js';
import { AreaSummaries } from './area-summaries.js';
import type { ErrorData } from './errors.js';
import { TRPCError } from '@trpc/server';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';

export const TEST_PASSWORD = 'mật khẩu thử nghiệm';

export interface ApiTestEnvironment {
  handle: DatabaseHandle;
  users: Record<Role, User>;
  /** Area ids of the demo by name ('Quảng Bình', 'Ba Đồn' is the town, 'Quảng Thủy', …) and by code. */
  areaId: (code: string) => number;
  unitId: (code: string) => number;
  callerFor: (role: Role | 'anonymous', now?: Date) => ReturnType<typeof createCaller>;
  /** A caller for the account as it is stored now (its area and unit after a reorganisation moved it). */
  callerAs: (username: string, now?: Date) => Promise<ReturnType<typeof createCaller>>;
  destroy: () => Promise<void>;
}

/**
 * A real database (SQLite in memory, or PostgreSQL when DATABASE_URL is set) with the demo's tree and units
 * (and, with `withHistory`, its 2020–2022 answers, reports, models and awards; with `withReform`, 2020–2026 and its 1 July 2025 reorganisation) and one user per role: the admin; a province officer of Quảng Bình; a commune officer of Quảng Thủy; the reporter
 * of Thôn 1 (in Quảng Thủy); a viewer of Ba Đồn town.
 */
export async function createApiTestEnvironment(
  options: { withHistory?: boolean; withReform?: boolean } = {},
): Promise<ApiTestEnvironment> {
  const handle = await createTestDatabase();
  // `withReform`: the demo as the server loads it — 2020–2024 on the old tree, the 1 July 2025 reorganisation
  // done through the product's operation, 2025–2026 on the new tree. Otherwise the demo stops at 2022, before
  // the reform: the tests of the mechanics (a new year, a merge from 1/7/2025) keep their fixture.
  if (options.withReform) await seedDemoWithReform(handle.db, { now: new Date('2026-11-30T00:00:00Z') });
  else await seedDemo(handle.db, { withHistory: options.withHistory ?? false });
  // what the server does at start: every year with data gets its stored results
  await ensureResults(handle.db, { now: new Date('2023-01-01T00:00:00Z'), currentYear: 2022 });
  const areas = await listAreasOn(handle.db, '2021-12-31');
  const areaId = (code: string) => {
    const area = areas.find((a) => a.code === code);
    if (!area) throw new Error(`no area ${code}`);
    return area.id;
  };
  const units = [
    ...(await listUnits(handle.db, { page: 1, pageSize: 500 }, '2021-12-31')).items,
    ...(await listUnits(handle.db, { page: 2, pageSize: 500 }, '2021-12-31')).items,
  ];
  const unitId = (code: string) => {
    const unit = units.find((u) => u.code === code);
    if (!unit) throw new Error(`no unit ${code}`);
    return unit.id;
  };
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const now = new Date('2021-06-01T00:00:00Z');
  const make = (username: string, role: Role, area: string | null, unit: string | null) =>
    insertUser(
      handle.db,
      {
        username,
        displayName: username,
        passwordHash,
        role,
        areaId: area ? areaId(area) : null,
        unitId: unit ? unitId(unit) : null,
        email: null,
      },
      now,
    );
  const users: Record<Role, User> = {
    admin: await make('admin', 'admin', null, null),
    province_officer: await make('tinh', 'province_officer', 'QB', null),
    commune_officer: await make('xa.quangthuy', 'commune_officer', 'QB-BD-QTHUY', null),
    unit_reporter: await make('thon.thuongthuy', 'unit_reporter', 'QB-BD-QTHUY', 'KDC-QB-BD-QTHUY-1'),
    viewer: await make('xem.badon', 'viewer', 'QB-BD', null),
  };
  // One summary cache for the environment, kept by the data version as a server keeps it (on SQLite; PostgreSQL
  // has no version and caches nothing): tests see cached figures, so a stale cache fails them.
  const summaries = new AreaSummaries(handle.dataVersion);
  return {
    handle,
    users,
    areaId,
    unitId,
    callerFor: (role, at = new Date('2021-12-31T03:00:00Z')) =>
      createCaller(
        createContextInner({
          db: handle.db,
          now: () => at,
          user: role === 'anonymous' ? null : users[role],
          summaries,
        }),
      ),
    callerAs: async (username, at = new Date('2021-12-31T03:00:00Z')) => {
      const row = await handle.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      const user = await getUser(handle.db, row.id);
      return createCaller(createContextInner({ db: handle.db, now: () => at, user, summaries }));
    },
    destroy: () => handle.destroy(),
  };
}

/**
 * A caller that behaves like a browser: it keeps the session cookie the server sets and is, on each call,
 * whoever that session belongs to now (so a session ended elsewhere shows at the next call).
 */
export function browserCaller(handle: Pick<DatabaseHandle, 'db' | 'dataVersion'>) {
  const { db } = handle;
  const jar: { token: string | null } = { token: null };
  // the sessions kept by the data version, as the server keeps them: a stale session fails the auth tests
  const sessions: SessionCache = new VersionedCache(handle.dataVersion);
  const caller = async () => {
    const request = {
      headers: { cookie: jar.token ? `${SESSION_COOKIE}=${encodeURIComponent(jar.token)}` : undefined },
    };
    const { sessionId, user } = await findRequestSession(db, request, new Date(), sessions);
    return createCaller(
      createContextInner({
        db,
        user,
        sessionId: user ? sessionId : null,
        setSessionCookie: (token) => (jar.token = token),
      }),
    );
  };
  return { jar, caller };
}

/**
 * Runs a call that must fail; returns the error code and the error data exactly as a client receives it
 * (through the router's error formatter). Throws when the call succeeds or fails with a non-tRPC error.
 */
export async function failure(
  call: () => Promise<unknown>,
): Promise<{ code: TRPCError['code']; data: ErrorData & { httpStatus: number } }> {
  let error: unknown;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  const shape = getErrorShape({
    config: appRouter._def._config,
    error,
    type: 'query',
    path: 'test',
    input: undefined,
    ctx: undefined,
  });
  return { code: error.code, data: shape.data as unknown as ErrorData & { httpStatus: number } };
}

/**
 * Every area's summary of every year from 2020 to `last`, as the tree was on 31 December of that year (and the
 * whole country's): the full dump the "past never moves" tests compare before and after a change.
 */
export async function dumpSummaries(
  db: DatabaseHandle['db'],
  last: number,
  today: string,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (let year = 2020; year <= last; year++) {
    out[`${year}/all`] = await getAreaSummary(db, undefined, year, today);
    for (const area of await listAreasOn(db, `${year}-12-31`))
      out[`${year}/${area.code}`] = await getAreaSummary(db, area.id, year, today);
  }
  return out;
}

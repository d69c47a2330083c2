import { ROLES, type Role } from '@antoan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './root.js';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from './testing.js';
import type { Access, Meta } from './trpc.js';

/**
 * The authorization matrix, written out by hand: who may call what. A procedure added to the router and
 * not to this table fails the first test; a procedure whose declared access differs fails the second; the
 * third calls every procedure as every role and checks the server enforces it.
 */
const MATRIX: Record<string, Access> = {
  'auth.login': 'public',
  'auth.logout': 'authenticated',
  'auth.me': 'public',
  'auth.changePassword': 'authenticated',
  'auth.signOutEverywhere': 'authenticated',
  'users.list': ['admin', 'province_officer'],
  'users.create': ['admin', 'province_officer'],
  'users.update': ['admin', 'province_officer'],
  'users.setDisabled': ['admin', 'province_officer'],
  'users.resetPassword': ['admin', 'province_officer'],
  'users.unlock': ['admin', 'province_officer'],
  'audit.list': ['admin'],
  'audit.kinds': ['admin'],
  'areas.tree': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'areas.history': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'areas.reorganise': ['admin', 'province_officer'],
  'units.list': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'units.get': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'units.byIds': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'units.recognitionAuthority': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'units.setRecognition': ['admin', 'province_officer'],
  'incidents.list': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'incidents.create': ['admin', 'province_officer', 'commune_officer'],
  'incidents.delete': ['admin', 'province_officer', 'commune_officer'],
  'incidents.setException': ['admin', 'province_officer', 'commune_officer'],
  'reports.list': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'reports.submit': ['admin', 'province_officer', 'commune_officer', 'unit_reporter'],
  'models.list': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'models.create': ['admin', 'province_officer', 'commune_officer'],
  'models.update': ['admin', 'province_officer', 'commune_officer'],
  'models.delete': ['admin', 'province_officer', 'commune_officer'],
  'awards.list': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'awards.create': ['admin', 'province_officer'],
  'awards.update': ['admin', 'province_officer'],
  'awards.delete': ['admin', 'province_officer'],
  'assessments.get': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'assessments.history': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'assessments.register': ['admin', 'province_officer', 'commune_officer', 'unit_reporter'],
  'assessments.saveAnswers': ['admin', 'province_officer', 'commune_officer', 'unit_reporter'],
  'assessments.transition': ['admin', 'province_officer', 'commune_officer', 'unit_reporter'],
  'assessments.setLocked': ['admin', 'province_officer'],
  'grading.get': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'grading.saveScores': ['admin', 'province_officer', 'commune_officer', 'unit_reporter'],
  'stats.summary': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'stats.years': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'inbox.list': 'authenticated',
  'inbox.markRead': 'authenticated',
  'outbox.list': ['admin'],
  'snapshots.list': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'snapshots.trend': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'snapshots.request': ['admin', 'province_officer'],
  'imports.dryRun': ['admin', 'province_officer'],
  'imports.commit': ['admin', 'province_officer'],
};

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>;

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment();
});
afterAll(() => env.destroy());

function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let target = caller as Record<string, unknown>;
  const parts = path.split('.');
  for (const part of parts.slice(0, -1)) target = target[part] as Record<string, unknown>;
  const fn = target[parts.at(-1)!] as (input: unknown) => Promise<unknown>;
  return fn(input);
}

function allows(access: Access, role: Role | 'anonymous'): boolean {
  if (access === 'public') return true;
  if (role === 'anonymous') return false;
  return access === 'authenticated' || access.includes(role);
}

describe('the authorization matrix', () => {
  it('lists every procedure of the router, and only those', () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.keys(procedures))('%s declares the access of the matrix', (path) => {
    expect(procedures[path]!._def.meta?.access).toEqual(MATRIX[path]);
  });

  const cases = Object.keys(MATRIX).flatMap((path) =>
    [...ROLES, 'anonymous' as const].map((role) => [path, role] as const),
  );
  it.each(cases)('%s as %s', async (path, role) => {
    // A probe input that no schema accepts: an allowed caller gets past the access check and is stopped
    // by validation (or, for procedures without input, succeeds); a refused one never reaches validation.
    const probe = { __probe__: true };
    const outcome = await callByPath(env.callerFor(role), path, probe).then(
      () => 'ok' as const,
      async () => (await failure(() => callByPath(env.callerFor(role), path, probe))).code,
    );
    if (allows(MATRIX[path]!, role)) {
      expect(outcome).not.toBe('FORBIDDEN');
      expect(outcome).not.toBe('UNAUTHORIZED');
    } else {
      expect(outcome).toBe(role === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
    }
  });
});

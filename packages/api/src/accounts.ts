import {
  assignableRoles,
  canManageUser,
  DomainError,
  type CreateUserInput,
  type Role,
  type UpdateUserInput,
  type User,
} from '@antoan/core';
import {
  clearFailedLogins,
  deleteUserSessions,
  findCredentials,
  forgetAccountClients,
  getUnit,
  getUser,
  insertUser,
  isAreaWithin,
  setUserDisabled,
  updatePasswordHash,
  updateUser,
} from '@antoan/db';
import { audited, type Actor } from '@antoan/services';
import { hashPassword, oneTimePassword } from './password.js';
import { assertAreaInScope, scopeRootOf } from './scope.js';

// Accounts: an administrator manages every account; a province officer the accounts of their area's subtree
// (never an administrator, never their own). The role rules are core's (assignableRoles, canManageUser); the
// area rules are checked here, with the tree. Every change is one audited transaction.

const NOT_YOURS = {
  vi: 'Bạn không được quản lý tài khoản này.',
  en: 'You may not manage this account.',
};
const ROLE_NOT_ASSIGNABLE = {
  vi: 'Bạn không được giao vai trò này.',
  en: 'You may not give this role.',
};

/** Loads an account the caller may change: by role (core), then by area (the caller's subtree). */
async function getManagedUser(actor: Actor, userId: number): Promise<User> {
  const target = await getUser(actor.db, userId);
  if (!canManageUser(actor.user, target)) throw new DomainError('FORBIDDEN', NOT_YOURS);
  const root = scopeRootOf(actor.user);
  if (root === null) return target;
  if (root === 'none' || target.areaId === null || !(await isAreaWithin(actor.db, target.areaId, root))) {
    throw new DomainError('FORBIDDEN', NOT_YOURS);
  }
  return target;
}

/** Checks what an account is given: a role the caller may assign, an area in their scope, a unit of that area. */
async function assertAssignable(
  actor: Actor,
  input: { role: Role; areaId: number | null; unitId: number | null },
): Promise<void> {
  if (!assignableRoles(actor.user.role).includes(input.role)) throw new DomainError('FORBIDDEN', ROLE_NOT_ASSIGNABLE);
  if (input.areaId !== null) await assertAreaInScope(actor, input.areaId);
  if (input.unitId !== null) {
    const unit = await getUnit(actor.db, input.unitId);
    if (input.areaId !== null && unit.areaId !== input.areaId) {
      throw new DomainError('INVALID', {
        vi: 'Đơn vị không thuộc địa bàn đã chọn.',
        en: 'The unit is not in the chosen area.',
      });
    }
  }
}

/**
 * Creates an account. Without a password (what the SPA sends), a one-time password is made, returned once as
 * `oneTimePassword` (never stored in clear, never audited) and must be changed at the first sign-in.
 */
export async function createAccount(actor: Actor, input: CreateUserInput) {
  await assertAssignable(actor, input);
  const { password: chosen, ...account } = input;
  const password = chosen ?? oneTimePassword();
  const passwordHash = await hashPassword(password);
  const mustChangePassword = chosen === undefined;
  return audited(actor, { action: 'user.create', entity: 'user' }, async (trx, at) => {
    const user = await insertUser(trx, { ...account, passwordHash, mustChangePassword }, at);
    const result = { ...user, oneTimePassword: mustChangePassword ? password : null };
    return { result, entityId: user.id, before: null, after: user };
  });
}

/** Changes an account's name, role, area, unit and e-mail (both the old and the new area must be the caller's). */
export async function updateAccount(actor: Actor, input: UpdateUserInput): Promise<User> {
  const before = await getManagedUser(actor, input.userId);
  await assertAssignable(actor, input);
  const { userId, ...changes } = input;
  return audited(actor, { action: 'user.update', entity: 'user' }, async (trx) => {
    await updateUser(trx, userId, changes);
    const after = await getUser(trx, userId);
    return { result: after, entityId: userId, before, after };
  });
}

/** Disables (every session ends at once) or enables an account; never one's own. */
export async function setAccountDisabled(actor: Actor, userId: number, isDisabled: boolean): Promise<User> {
  if (userId === actor.user.id) {
    throw new DomainError('CONFLICT', {
      vi: 'Không thể tự khóa tài khoản của mình.',
      en: 'You cannot disable your own account.',
    });
  }
  const before = await getManagedUser(actor, userId);
  const action = isDisabled ? 'user.disable' : 'user.enable';
  return audited(actor, { action, entity: 'user' }, async (trx) => {
    await setUserDisabled(trx, userId, isDisabled);
    if (isDisabled) await deleteUserSessions(trx, userId);
    const after = { ...before, isDisabled };
    return { result: after, entityId: userId, before, after };
  });
}

/** Lifts an account's sign-in lock and forgets its failures (audited with the lock that was lifted). */
export async function unlockAccount(actor: Actor, userId: number): Promise<User> {
  // an administrator any account but their own; a province officer the accounts of their subtree
  const user = await getManagedUser(actor, userId);
  return audited(actor, { action: 'user.unlock', entity: 'user' }, async (trx) => {
    const credentials = await findCredentials(trx, user.username);
    const before = { failedLogins: credentials?.failedLogins ?? 0, lockedUntil: credentials?.lockedUntil ?? null };
    await clearFailedLogins(trx, user.id);
    await forgetAccountClients(trx, user.id);
    return { result: user, entityId: user.id, before, after: { failedLogins: 0, lockedUntil: null } };
  });
}

/**
 * Replaces an account's password with a one-time password, returned once: the account's sessions end, its
 * lockout is lifted, and its owner must choose a new password at the next sign-in.
 */
export async function resetAccountPassword(actor: Actor, userId: number): Promise<string> {
  const before = await getManagedUser(actor, userId);
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  await audited(actor, { action: 'password.reset', entity: 'user' }, async (trx, at) => {
    // with mustChange it also clears the account's failures and lock
    await updatePasswordHash(trx, userId, hash, at, { mustChange: true });
    await forgetAccountClients(trx, userId);
    await deleteUserSessions(trx, userId);
    return { result: undefined, entityId: userId, before, after: { ...before, mustChangePassword: true } };
  });
  return password;
}

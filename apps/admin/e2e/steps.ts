import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// What several e2e files do the same way in the SPA, in Vietnamese: sign in and out, add an account on the users
// page, open every page of the navigation, find an area in the tree the API gives.

/** A node of `areas.tree`. */
export interface AreaNode {
  id: number;
  name: string;
  children: AreaNode[];
}

/** The first area of that name in the tree, depth first. */
export function findArea(nodes: readonly AreaNode[], name: string): AreaNode | undefined {
  for (const n of nodes) {
    if (n.name === name) return n;
    const hit = findArea(n.children, name);
    if (hit) return hit;
  }
  return undefined;
}

/** Fills the sign-in form shown on the page and waits until signed in (the sign-out button). */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: /^Tên đăng nhập/ }).fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).waitFor();
}

/** Signs out and waits for the sign-in form. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
}

/**
 * Fills the users page's "add a user" form, saves it and returns the one-time password it shows once (checked
 * for its shape), after the new row says it waits for a change of password. `filled` runs before Lưu, `shown`
 * while the password is on screen (screenshots).
 */
export async function addUser(
  page: Page,
  user: { username: string; displayName: string; role: string; area: string; unitCode?: string },
  at: { filled?: () => Promise<unknown>; shown?: () => Promise<unknown> } = {},
): Promise<string> {
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
  await dialog.getByRole('textbox', { name: /^Tên đăng nhập/ }).fill(user.username);
  await dialog.getByRole('textbox', { name: /^Họ tên hoặc tên đơn vị/ }).fill(user.displayName);
  await dialog.getByRole('combobox', { name: /^Vai trò/ }).click();
  await page.getByRole('option', { name: user.role, exact: true }).click();
  await dialog.getByRole('combobox', { name: /^Địa bàn/ }).fill(user.area);
  await page
    .getByRole('option', { name: new RegExp(`^${user.area}`) })
    .first()
    .click();
  if (user.unitCode) {
    await dialog.getByRole('combobox', { name: /^Đơn vị/ }).fill(user.unitCode);
    await page.getByRole('option', { name: new RegExp(user.unitCode) }).click();
  }
  await at.filled?.();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  const secret = page.getByTestId('one-time-password');
  await secret.waitFor();
  const password = (await secret.innerText()).trim();
  expect(password).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
  await at.shown?.();
  await page.getByRole('button', { name: 'Đã ghi lại, đóng' }).click();
  await page
    .locator(`[data-testid="users-table"] tr[data-username="${user.username}"]`)
    .getByText('Chờ đổi mật khẩu')
    .waitFor();
  return password;
}

/** Waits until nothing on the page is loading. */
export function settled(page: Page): Promise<void> {
  return expect
    .poll(() => page.locator('[aria-busy="true"], .mantine-Loader-root').count(), { timeout: 30_000 })
    .toBe(0);
}

/**
 * Opens every page of the signed-in role's navigation in turn: none shows an error alert in the page itself
 * (notifications are alerts too, and a success notice may still be showing). `shot(label, index)` takes each
 * page's screenshot; with `errors` (the page's console errors, see collectPageErrors), none may appear on the
 * way, and no page may answer 4xx (`networkidle` waits for the page's requests). Returns the pages' labels.
 */
export async function visitEveryPage(
  page: Page,
  who: string,
  options: { shot: (label: string, index: number) => Promise<unknown>; errors?: string[] },
): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('link').first().waitFor();
  const labels = (await nav.getByRole('link').allInnerTexts()).map((l) => l.trim().split('\n')[0]!);
  const before = options.errors?.length ?? 0;
  for (const [index, label] of labels.entries()) {
    await nav.getByRole('link', { name: label }).first().click();
    await settled(page);
    await page.getByRole('heading').first().waitFor();
    if (options.errors) await page.waitForLoadState('networkidle');
    const alerts = await page.locator('#main-content [role="alert"]').allInnerTexts();
    expect(alerts, `${who} on "${label}"`).toEqual([]);
    await options.shot(label.replace(/[^\p{L}\p{N}]+/gu, '-'), index);
  }
  if (options.errors) expect(options.errors.slice(before), `${who}'s pages`).toEqual([]);
  return labels;
}

import type { DatabaseHandle } from '@antoan/db/client';
import { seedDemo } from '@antoan/db/seed';
import { createTestDatabase } from '@antoan/db/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from './context.js';
import type { ErrorData } from './errors.js';
import { appRouter, createCaller } from './root.js';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';

let handle: DatabaseHandle;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  caller = createCaller(createContextInner({ db: handle.db, now: () => new Date('2021-12-31T03:00:00Z') }));
});
afterAll(() => handle.destroy());

/** Calls a procedure that must fail and returns the error and the shape the client would receive. */
async function failure(call: () => Promise<unknown>) {
  const error = await call().then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const trpcError = error as TRPCError;
  const shape = getErrorShape({
    config: appRouter._def._config,
    error: trpcError,
    type: 'query',
    path: 'units.list',
    input: undefined,
    ctx: undefined,
  });
  return { code: trpcError.code, data: shape.data as unknown as ErrorData & { httpStatus: number } };
}

describe('areas.tree', () => {
  it('returns Ba Đồn town under Quảng Bình with its 16 communes and wards', async () => {
    const { date, roots } = await caller.areas.tree({});
    expect(date).toBe('2021-12-31');
    expect(roots[0]?.name).toBe('Quảng Bình');
    expect(roots[0]?.children[0]?.children).toHaveLength(16);
  });
});

describe('units.list', () => {
  it('finds Quảng Thủy from "quang thuy"', async () => {
    const page = await caller.units.list({ search: 'quang thuy' });
    expect(page.items.map((u) => u.name)).toEqual(['Xã Quảng Thủy']);
    expect(page).toMatchObject({ page: 1, pageSize: 50, total: 1 });
  });

  it('lists the units of an area subtree', async () => {
    const { roots } = await caller.areas.tree({});
    const town = roots[0]!.children[0]!;
    const page = await caller.units.list({ areaId: town.id, types: ['XA'], pageSize: 100 });
    expect(page.total).toBe(16);
  });

  it('answers NOT_FOUND for an unknown area', async () => {
    const { code, data } = await failure(() => caller.units.list({ areaId: 999_999 }));
    expect(code).toBe('NOT_FOUND');
    expect(data.text.vi).toContain('Không tìm thấy địa bàn');
  });

  it.each([
    ['a negative page', { page: -1 }, 'page'],
    ['a page size of 10^6', { pageSize: 1_000_000 }, 'pageSize'],
    ['an unknown type code', { types: ['XYZ'] }, 'types.0'],
    ['a 100 kB search string', { search: 'a'.repeat(100_000) }, 'search'],
    ['a fractional page', { page: 1.5 }, 'page'],
    ['an unknown field', { pageNumber: 2 }, ''],
    ['an impossible date', { date: '2021-02-30' }, 'date'],
  ])('answers BAD_REQUEST with field errors for %s', async (_name, input, path) => {
    const { code, data } = await failure(() => caller.units.list(input as never));
    expect(code).toBe('BAD_REQUEST');
    expect(data.httpStatus).toBe(400);
    expect(data.fieldErrors?.map((e) => e.path)).toContain(path);
    const fieldError = data.fieldErrors!.find((e) => e.path === path)!;
    expect(fieldError.message.vi).not.toBe('');
    expect(fieldError.message.en).not.toBe('');
    expect(fieldError.message.vi).not.toBe(fieldError.message.en);
  });
});

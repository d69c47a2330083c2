import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.js';
import { createTestDatabase } from '../testing.js';
import { seedDemo } from './index.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, { withHistory: true });
});
afterAll(() => handle.destroy());

describe('the demo models', () => {
  it('carry the type their name says (mediation teams are not patrols, and the other way round)', async () => {
    const rows = await handle.db.selectFrom('models').select(['name', 'category']).execute();
    const typeOf = new Map(rows.map((r) => [r.name, r.category]));
    expect(typeOf.get('Tổ hòa giải ở cơ sở')).toBe('Hòa giải');
    expect(typeOf.get('Tổ tuần tra nhân dân')).toBe('Tuần tra');
    for (const { name, category } of rows) {
      if (/hòa giải/i.test(name)) expect(category, name).toBe('Hòa giải');
      if (/tuần tra/i.test(name)) expect(category, name).toBe('Tuần tra');
      if (/tự quản/i.test(name)) expect(category, name).toBe('Tự quản');
    }
  });
});

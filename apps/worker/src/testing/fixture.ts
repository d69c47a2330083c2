import { insertUser, setUserDisabled, type Database } from '@antoan/db';
import { seedDemo } from '@antoan/db/seed';
import type { Kysely } from 'kysely';

/** Who is who in the worker's test world (the Ba Đồn demo plus the people reminders go to). */
export interface WorkerFixture {
  townId: number;
  townOfficerId: number;
  /** Commune officer by commune area id. */
  communeOfficers: Map<number, number>;
  /** Reporter user id by unit id (with an e-mail address). */
  reporters: Map<number, number>;
  /** A reporter without an e-mail address (in-app only), and the unit. */
  silentReporter: { userId: number; unitId: number };
  /** The units that never filed their 2022 Q4 report in the demo. */
  missing2022Q4: number[];
}

const created = new Date('2022-01-01T00:00:00Z');

/**
 * Seeds the Ba Đồn demo, then: a province officer (`province_officer`) for the town; a commune officer with an
 * e-mail address for every commune; a reporter with an address for the units missing their 2022 Q4 report and
 * for the first villages of the first commune; one reporter without an address; one disabled reporter.
 */
export async function seedWorkerFixture(db: Kysely<Database>): Promise<WorkerFixture> {
  await seedDemo(db);
  const town = await db.selectFrom('areas').select(['id']).where('code', '=', 'QB-BD').executeTakeFirstOrThrow();
  const user = (
    username: string,
    role: 'province_officer' | 'commune_officer' | 'unit_reporter',
    areaId: number | null,
    unitId: number | null,
    email: string | null,
  ) => insertUser(db, { username, displayName: username, passwordHash: 'x', role, areaId, unitId, email }, created);

  const townOfficer = await user('ca.badon', 'province_officer', town.id, null, 'ca.badon@example.vn');
  const communes = await db
    .selectFrom('areas')
    .select(['id', 'code'])
    .where('level', '=', 'commune')
    .orderBy('id')
    .execute();
  const communeOfficers = new Map<number, number>();
  for (const commune of communes) {
    communeOfficers.set(
      commune.id,
      (
        await user(
          `ca.${commune.code}`,
          'commune_officer',
          commune.id,
          null,
          `ca.${commune.code.toLowerCase()}@example.vn`,
        )
      ).id,
    );
  }

  const filed = db.selectFrom('quarterly_reports').select('unit_id').where('year', '=', 2022).where('quarter', '=', 4);
  const missing = (await db.selectFrom('units').select('id').where('id', 'not in', filed).orderBy('id').execute()).map(
    (u) => u.id,
  );
  const firstVillages = (
    await db
      .selectFrom('units')
      .select(['id'])
      .where('type', '=', 'KDC')
      .where('area_id', '=', communes[0]!.id)
      .orderBy('id')
      .limit(3)
      .execute()
  ).map((u) => u.id);
  const reporters = new Map<number, number>();
  for (const unitId of [...new Set([...missing, ...firstVillages])]) {
    const unit = await db.selectFrom('units').select(['area_id']).where('id', '=', unitId).executeTakeFirstOrThrow();
    reporters.set(
      unitId,
      (await user(`u${unitId}`, 'unit_reporter', unit.area_id, unitId, `u${unitId}@example.vn`)).id,
    );
  }
  const silentUnit = await db
    .selectFrom('units')
    .select(['id', 'area_id'])
    .where('type', '=', 'KDC')
    .where('area_id', '=', communes[1]!.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const silent = await user(`u${silentUnit.id}`, 'unit_reporter', silentUnit.area_id, silentUnit.id, null);
  const disabled = await user('old.reporter', 'unit_reporter', communes[0]!.id, firstVillages[0]!, 'old@example.vn');
  await setUserDisabled(db, disabled.id, true);
  return {
    townId: town.id,
    townOfficerId: townOfficer.id,
    communeOfficers,
    reporters,
    silentReporter: { userId: silent.id, unitId: silentUnit.id },
    missing2022Q4: missing,
  };
}

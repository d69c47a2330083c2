import type { Kysely } from 'kysely';

// Issue 15, the past does not move: a recognised, locked file keeps its recorded result (core's
// recordedResultOf) whatever later data say. unit_results.result holds that kept result, which every total
// counts; computed_result holds what the data would give now, only where it differs (NULL otherwise), so a
// page can show it beside the recorded one and a query can list the files to look at again. Filled by the
// full recompute that ENGINE_VERSION 3 triggers.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('unit_results').addColumn('computed_result', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('unit_results').dropColumn('computed_result').execute();
}

import { vietnamDate, type AreaSummary, type ReorganisationInput } from '@antoan/core';
import { getArea, type Database } from '@antoan/db';
import type { Kysely } from 'kysely';
import type { Actor } from './audited.js';
import { reorganise, type ReorganisationOutcome } from './reorganisation.service.js';
import { getAreaSummary } from './summary.service.js';

/**
 * Reorganises areas (services' reorganise: audited, in one transaction) and answers with the change and the
 * current year's figures of the areas touched, before and after; with `dryRun` the same transaction is rolled
 * back, so nothing is written. The areas are the caller's to change (the API checks their scope first).
 */
export async function reorganiseWithFigures(
  actor: Actor,
  request: ReorganisationInput,
  dryRun: boolean,
): Promise<ReorganisationPreview> {
  const audit = { userId: actor.user.id, now: actor.now() };
  return rolledBackIf(dryRun, actor.db, (trx) => reorganiseInTransaction(trx, request, audit, !dryRun));
}

/**
 * The inside of {@link reorganiseWithFigures}, in the caller's transaction (the import's, for its reorganisations
 * sheet): the current year's figures of the areas touched before, the reorganisation (services' reorganise:
 * audited), the figures after, and the answer. `applied` only says whether the caller will commit.
 */
export async function reorganiseInTransaction(
  trx: Kysely<Database>,
  request: ReorganisationInput,
  audit: { userId: number | null; now: Date },
  applied: boolean,
): Promise<ReorganisationPreview> {
  const today = vietnamDate(audit.now);
  const year = Number(today.slice(0, 4));
  const figures = async (db: Kysely<Database>, areaIds: number[]) =>
    Promise.all(
      [...new Set(areaIds)].map(async (areaId) => ({
        area: await getArea(db, areaId),
        units: (await getAreaSummary(db, areaId, year, today)).units.byType,
      })),
    );
  const parents = [
    ...request.successors.flatMap((s) => (s.parentId === null ? [] : [s.parentId])),
    ...(request.intoId === undefined ? [] : [request.intoId]),
  ];
  const before = await figures(trx, [...parents, ...request.predecessorIds]);
  const outcome = await reorganise(trx, request, audit);
  const after = await figures(trx, [...parents, ...outcome.result.newAreas.map((a) => a.id)]);
  return describe(outcome, { year, before, after }, applied);
}

/** Thrown to roll a dry run's transaction back (never reaches a caller). */
class DryRunRollback extends Error {}

/**
 * Runs `work` in a transaction that commits, or, when `rollBack` (or `rollBack(answer)`) is true, is rolled back
 * after giving its answer (a dry run: the same writes, undone; an import with errors: nothing written).
 */
export async function rolledBackIf<T>(
  rollBack: boolean | ((answer: T) => boolean),
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const rollback = new DryRunRollback('dry run: roll back');
  let answer: { value: T } | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      answer = { value: await work(trx) };
      if (typeof rollBack === 'function' ? rollBack(answer.value) : rollBack) throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  if (!answer) throw new Error('the transaction ended without an answer');
  return answer.value;
}

export type ReorganisationFigures = {
  area: Awaited<ReturnType<typeof getArea>>;
  units: AreaSummary['units']['byType'];
}[];
/** What areas.reorganise answers: the change, done or rolled back (dry run), and its figures. */
export interface ReorganisationPreview {
  applied: boolean;
  effectiveDate: string;
  note: string;
  endAreas: { id: number; code: string; name: string }[];
  newAreas: { id: number; code: string; name: string }[];
  /** The area a dissolved one went into (its lineage follows there), if any. */
  into: { id: number; code: string; name: string } | null;
  units: { from: { id: number; code: string; name: string }[]; to: { code: string; name: string; type: string } }[];
  endedUnits: number;
  movedUsers: string[];
  /** Accounts that cannot follow (their area ends with no successor): who, where, and why in both languages. */
  accountsLeftBehind: ReorganisationOutcome['result']['leftBehind'];
  droppedFiles: ReorganisationOutcome['droppedFiles'];
  figures: { year: number; before: ReorganisationFigures; after: ReorganisationFigures };
}

function describe(
  outcome: ReorganisationOutcome,
  figures: ReorganisationPreview['figures'],
  applied: boolean,
): ReorganisationPreview {
  const { plan, result } = outcome;
  const intoId = plan.lineage.find((l) => l.successorId !== undefined)?.successorId;
  const into = figures.after.find((f) => f.area.id === intoId)?.area;
  const ended = new Map(plan.endUnits.map((u) => [u.id, u]));
  const from = new Map<string, { id: number; code: string; name: string }[]>();
  for (const l of plan.unitLineage) {
    const unit = ended.get(l.predecessorId);
    if (!unit) throw new Error(`unit lineage names unit ${l.predecessorId}, which the plan does not end`);
    from.set(l.successorCode, [
      ...(from.get(l.successorCode) ?? []),
      { id: unit.id, code: unit.code, name: unit.name },
    ]);
  }
  return {
    applied,
    effectiveDate: plan.effectiveDate,
    note: plan.note,
    endAreas: plan.endAreas.map(({ id, code, name }) => ({ id, code, name })),
    newAreas: result.newAreas.map(({ id, code, name }) => ({ id, code, name })),
    into: into ? { id: into.id, code: into.code, name: into.name } : null,
    units: plan.newUnits.map((u) => ({
      from: from.get(u.code) ?? [],
      to: { code: u.code, name: u.name, type: u.type },
    })),
    endedUnits: plan.endUnits.length,
    movedUsers: result.movedUsers.map((u) => u.username),
    accountsLeftBehind: result.leftBehind,
    droppedFiles: outcome.droppedFiles,
    figures,
  };
}

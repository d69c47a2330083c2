import { assertRecognitionSettings, firstYearOfChange, vietnamDate, type Unit } from '@antoan/core';
import { getUnit, listResultYears, setUnitRecognition } from '@antoan/db';
import { audited, type Actor } from './audited.js';
import { refreshResults } from './results.service.js';

/**
 * Sets whether a department of the Ministry monitors the unit and whether its recognition is delegated
 * (audited; agencies, enterprises and schools only). The unit is the caller's to act on (the API checks its
 * scope first).
 */
export async function changeUnitRecognition(
  actor: Actor,
  unit: Unit,
  input: { isMinistryMonitored: boolean; isRecognitionDelegated: boolean; effectiveFrom?: string | undefined },
): Promise<Unit> {
  assertRecognitionSettings(unit.type, input);
  return audited(actor, { action: 'unit.recognition', entity: 'unit' }, async (trx, at) => {
    // dated (migration 2001): the years before the effective date keep who recognised the unit then
    const effectiveFrom = input.effectiveFrom ?? vietnamDate(at);
    await setUnitRecognition(trx, unit.id, input, effectiveFrom);
    const after = await getUnit(trx, unit.id);
    // a delegation moves the unit into (or out of) its commune's XA-4: that commune's group, every stored year
    // from the effective date's (a locked file it would move refuses the change, naming the file)
    const years = (await listResultYears(trx))
      .map((r) => r.year)
      .filter((year) => year >= firstYearOfChange(effectiveFrom));
    await refreshResults(trx, { unitIds: [unit.id], years, formerAreaIds: [unit.areaId] }, at);
    return { result: after, entityId: unit.id, before: unit, after: { ...after, effectiveFrom } };
  });
}

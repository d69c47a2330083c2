import type { MovementModelRecord } from '../records.schema.js';

/**
 * Tells whether a movement model operates on an ISO date: started on or before it and not stopped by then
 * (`stoppedOn` is the first day it no longer operates; `null` while active).
 *
 * @example
 * ```ts
 * isModelOperating({ startedOn: '2021-03-26', stoppedOn: null }, '2021-12-31');         // true
 * isModelOperating({ startedOn: '2019-01-01', stoppedOn: '2021-06-01' }, '2021-12-31'); // false
 * ```
 */
export function isModelOperating(model: Pick<MovementModelRecord, 'startedOn' | 'stoppedOn'>, date: string): boolean {
  return model.startedOn <= date && (model.stoppedOn === null || model.stoppedOn > date);
}

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

/**
 * The usual types of movement models, as the demo and the forms name them; a model of another type is
 * typed in full ("Khác"). The stored type is free text (a province may name its own), so this list only
 * offers choices and never refuses one.
 *
 * @example
 * ```ts
 * MODEL_CATEGORIES.includes('Hòa giải'); // true
 * ```
 */
export const MODEL_CATEGORIES = ['Tự quản', 'Tuần tra', 'Hòa giải', 'Liên kết', 'Câu lạc bộ'] as const;

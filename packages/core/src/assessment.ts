import { z } from 'zod';
import type { CycleStatus } from './cycle.js';
import { isoDateSchema } from './unit.schema.js';

/**
 * Evidence attached to the answer of one criterion: a note and links (scans of resolutions, minutes …).
 *
 * @example
 * ```ts
 * const e: Evidence = { note: 'Nghị quyết số 05-NQ/CB ngày 10/01/2021', links: ['https://…/nq05.pdf'] };
 * ```
 */
export interface Evidence {
  note: string | null;
  links: string[];
}

/**
 * Evidence as entered: a note up to 2,000 characters and up to 20 http(s) links.
 *
 * @example
 * ```ts
 * evidenceSchema.parse({ note: 'Biên bản họp', links: ['https://example.org/bb.pdf'] });
 * ```
 */
export const evidenceSchema = z
  .object({
    note: z.string().trim().max(2000).nullable().default(null),
    links: z
      .array(z.url({ protocol: /^https?$/ }).max(2000))
      .max(20)
      .default([]),
  })
  .strict();

/** Who did a step of the cycle and when (ISO timestamp). @example `const s: CycleStep = { at: '2021-03-01T02:00:00.000Z', by: 3 };` */
export interface CycleStep {
  at: string;
  by: number | null;
}

/**
 * The recognition decision ("Quyết định công nhận") and the certificate ("Giấy công nhận").
 *
 * @example
 * ```ts
 * const d: RecognitionDecision = { number: '45/QĐ-UBND', date: '2021-12-20', authority: 'UBND xã Quảng Thủy', certificateNumber: 'GCN-12' };
 * ```
 */
export interface RecognitionDecision {
  number: string;
  date: string;
  authority: string;
  certificateNumber: string | null;
}

/**
 * Input of a recognition (or refusal) decision.
 *
 * @example
 * ```ts
 * recognitionDecisionSchema.parse({ number: '45/QĐ-UBND', date: '2021-12-20', authority: 'UBND xã Quảng Thủy', certificateNumber: 'GCN-12' });
 * ```
 */
export const recognitionDecisionSchema = z
  .object({
    number: z.string().trim().min(1).max(100),
    date: isoDateSchema,
    authority: z.string().trim().min(1).max(300),
    certificateNumber: z.string().trim().min(1).max(100).nullable().default(null),
  })
  .strict();

/**
 * Input of a revocation: why, and the document that decides it.
 *
 * @example
 * ```ts
 * revocationSchema.parse({ reason: 'Phát hiện vụ việc sau khi công nhận', document: '12/QĐ-UBND' });
 * ```
 */
export const revocationSchema = z
  .object({
    reason: z.string().trim().min(1).max(2000),
    document: z.string().trim().min(1).max(200),
  })
  .strict();

/**
 * A unit's file for one year, as stored: the catalogue it is assessed with, where it stands in the cycle,
 * who did each step and when, and the answers. It holds no result: the result is always computed from
 * the answers, incidents and report counts by the recognition engine.
 *
 * @example
 * ```ts
 * if (record.status === 'recognised') console.log(record.decision?.number);
 * ```
 */
export interface AssessmentRecord<Answer = unknown> {
  id: number;
  unitId: number;
  year: number;
  catalogueId: string;
  status: Exclude<CycleStatus, 'not_registered'>;
  /** Increases with every change; a write that names an older version is refused (CONFLICT). */
  version: number;
  /** Recognised data is locked; an audited unlock opens it again. */
  isLocked: boolean;
  registered: CycleStep;
  selfAssessed: CycleStep | null;
  submitted: CycleStep | null;
  appraised: (CycleStep & { note: string | null }) | null;
  decided: (CycleStep & RecognitionDecision) | null;
  revoked: (CycleStep & { reason: string; document: string }) | null;
  /**
   * Criterion code → the answer, its evidence and, when a catalogue correction changed the answer's
   * meaning, `legacy`: the answer as it was (kept, never dropped).
   */
  answers: Record<string, { answer: Answer; evidence: Evidence; legacy?: unknown }>;
  /** Criteria to (re-)answer after a catalogue correction; a criterion leaves the list when it is saved. */
  criteriaToReview: string[];
}

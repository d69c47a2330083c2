import { z } from 'zod';
import { INCIDENT_EXCEPTIONS, type IncidentException } from './catalogue/catalogue.schema.js';
import { isoDateSchema } from './unit.schema.js';
import { bilingual, idSchema } from './validation.js';

// Input schemas of the records kept around the yearly assessment: incidents, quarterly reports, movement
// models and awards. The server validates with them; the SPA's forms use the same schemas.

const id = idSchema;
const count = z.number().int().min(0).max(10_000_000);
/** A year the system accepts. @example `yearSchema.parse(2021)` */
export const yearSchema = z.number().int().min(2000).max(2100);
const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * An incident (a crime, a dispute, a strike …) recorded against a unit, optionally linked to a lettered
 * item of a disqualifying criterion (`KDC-3` item `c`: spreading an illegal religion) or a part of a
 * criterion with parts (`KDC-4` part `b`: a serious crime). `exception` records the officer's decision that
 * the incident does not disqualify ("kịp thời phát hiện, xử lý, báo cáo" or force majeure), where the item
 * admits it; the server stores who decided it and when.
 *
 * @example
 * ```ts
 * incidentInputSchema.parse({ unitId: 7, occurredOn: '2021-10-31', criterionCode: 'KDC-3', item: 'e', description: 'Tranh chấp đất đai kéo dài' });
 * incidentInputSchema.parse({ unitId: 7, occurredOn: '2022-05-02', criterionCode: 'KDC-4', item: 'b', exception: 'handled_promptly', description: 'Cố ý gây thương tích, đã bắt giữ, báo cáo ngay' });
 * ```
 */
export const incidentInputSchema = z
  .object({
    unitId: id,
    occurredOn: isoDateSchema,
    criterionCode: z
      .string()
      .trim()
      .regex(/^[A-Z]+(-[A-Z0-9]+)+$/, { message: bilingual('Mã tiêu chí không hợp lệ', 'Not a criterion code') }),
    item: z
      .string()
      .trim()
      .regex(/^[a-zđ]{1,3}$/, {
        message: bilingual('Mục là một chữ cái (a, b, … đ …)', 'The item is a letter (a, b, … đ …)'),
      })
      .nullable()
      .default(null),
    description: text(2000),
    exception: z.enum(INCIDENT_EXCEPTIONS).nullable().default(null),
  })
  .strict();
/** @example `const i: IncidentInput = incidentInputSchema.parse(raw);` */
export type IncidentInput = z.infer<typeof incidentInputSchema>;

/**
 * Input of deciding, after the fact, that a recorded incident does not disqualify (it was promptly detected,
 * handled and reported, or force majeure), or of withdrawing that decision (`exception: null`). The server
 * records who decided it and when.
 *
 * @example
 * ```ts
 * incidentExceptionInputSchema.parse({ incidentId: 12, exception: 'handled_promptly' });
 * ```
 */
export const incidentExceptionInputSchema = z
  .object({ incidentId: id, exception: z.enum(INCIDENT_EXCEPTIONS).nullable() })
  .strict();

/**
 * The counts of a quarterly report (domain.md, "Periodic reports").
 *
 * @example
 * ```ts
 * quarterlyCountsSchema.parse({ crimes: 1, socialEvils: 0, firesExplosionsAccidents: 0, propagandaSessions: 4,
 *   peopleReached: 320, tipOffs: 2, newModels: 0, meetings: 3 });
 * ```
 */
export const quarterlyCountsSchema = z
  .object({
    crimes: count,
    socialEvils: count,
    firesExplosionsAccidents: count,
    propagandaSessions: count,
    peopleReached: count,
    tipOffs: count,
    newModels: count,
    meetings: count,
  })
  .strict();
/** @example `const c: QuarterlyCounts = quarterlyCountsSchema.parse(raw);` */
export type QuarterlyCounts = z.infer<typeof quarterlyCountsSchema>;

/**
 * A unit's report for one quarter of a year. Filing again replaces the counts (the time of the last
 * filing is kept).
 *
 * @example
 * ```ts
 * quarterlyReportInputSchema.parse({ unitId: 7, year: 2021, quarter: 2, counts, notes: null });
 * ```
 */
export const quarterlyReportInputSchema = z
  .object({
    unitId: id,
    year: yearSchema,
    quarter: z.number().int().min(1).max(4),
    counts: quarterlyCountsSchema,
    notes: z.string().trim().max(5000).nullable().default(null),
  })
  .strict();
/** @example `const r: QuarterlyReportInput = quarterlyReportInputSchema.parse(raw);` */
export type QuarterlyReportInput = z.infer<typeof quarterlyReportInputSchema>;

/**
 * A movement model ("mô hình"): a grassroots initiative hosted in an area (optionally by one unit),
 * replicated at `sites` and run by `teams`.
 *
 * @example
 * ```ts
 * modelInputSchema.parse({ name: 'Thôn, TDP nói không với pháo', category: 'tu-quan', areaId: 3,
 *   startedOn: '2021-01-15', sites: 12, teams: 12 });
 * ```
 */
export const modelInputSchema = z
  .object({
    name: text(300),
    category: text(100),
    areaId: id,
    hostUnitId: id.nullable().default(null),
    startedOn: isoDateSchema,
    stoppedOn: isoDateSchema.nullable().default(null),
    sites: count.default(1),
    teams: count.default(0),
    isAdvancedExample: z.boolean().default(false),
  })
  .strict()
  .refine((m) => m.stoppedOn === null || m.stoppedOn >= m.startedOn, {
    path: ['stoppedOn'],
    message: bilingual('Ngày dừng phải sau ngày bắt đầu', 'The stop date must follow the start date'),
  });
/** @example `const m: ModelInput = modelInputSchema.parse(raw);` */
export type ModelInput = z.infer<typeof modelInputSchema>;

/**
 * Kinds of award: `giay_khen` (certificate of merit, e.g. from the provincial police director or the town
 * chairman) and `bang_khen` (certificate from a ministry or a province).
 *
 * @example
 * ```ts
 * AWARD_KINDS.includes('giay_khen'); // true
 * ```
 */
export const AWARD_KINDS = ['giay_khen', 'bang_khen'] as const;
/** @example `const k: AwardKind = 'bang_khen';` */
export type AwardKind = (typeof AWARD_KINDS)[number];

/**
 * An award to a collective (a unit, or a group named in `recipientName`) or to an individual.
 *
 * @example
 * ```ts
 * awardInputSchema.parse({ kind: 'giay_khen', recipientKind: 'collective', areaId: 3, unitId: 12,
 *   recipientName: 'Công an xã Quảng Thủy', issuer: 'Giám đốc Công an tỉnh Quảng Bình', year: 2021,
 *   decisionNumber: '123/QĐ-CAT', decisionDate: '2022-03-30' });
 * ```
 */
export const awardInputSchema = z
  .object({
    kind: z.enum(AWARD_KINDS),
    recipientKind: z.enum(['collective', 'individual']),
    areaId: id,
    unitId: id.nullable().default(null),
    recipientName: text(300),
    issuer: text(300),
    year: yearSchema,
    decisionNumber: text(100),
    decisionDate: isoDateSchema,
  })
  .strict();
/** @example `const a: AwardInput = awardInputSchema.parse(raw);` */
export type AwardInput = z.infer<typeof awardInputSchema>;

/**
 * A stored incident; `exceptionDecidedBy` / `exceptionDecidedAt` say who recorded its exception and when
 * (`null` without one).
 *
 * @example `const i: Incident = { id: 1, ...input, createdAt: '2021-11-02T01:00:00.000Z', exceptionDecidedBy: null, exceptionDecidedAt: null };`
 */
export interface Incident extends IncidentInput {
  id: number;
  createdAt: string;
  exception: IncidentException | null;
  exceptionDecidedBy: number | null;
  exceptionDecidedAt: string | null;
}

/** A stored quarterly report. @example `const r: QuarterlyReport = { id: 1, ...input, submittedAt: '2021-06-10T02:00:00.000Z' };` */
export interface QuarterlyReport extends QuarterlyReportInput {
  id: number;
  submittedAt: string;
}

/** A stored movement model. @example `const m: MovementModelRecord = { id: 1, ...input };` */
export interface MovementModelRecord extends ModelInput {
  id: number;
}

/** A stored award. @example `const a: AwardRecord = { id: 1, ...input };` */
export interface AwardRecord extends AwardInput {
  id: number;
}

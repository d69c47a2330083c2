// What an import is planned against (the existing areas and units) and what the plan says: per table, the rows
// to create, update or leave, with their changes and problems.
import type { EnterpriseSize, SchoolLevel } from '../catalogue/unit-attributes.js';
import type { LocalizedText } from '../errors.js';
import { type AreaKind, type AreaLevel, type ManagingLevel, type UnitType } from '../units.js';
import type { AreaImportRow, ImportRowError, UnitImportRow } from './import-rows.js';

// The plan of an import: which rows create a record, which update one (and what changes), which change
// nothing, and what stops the import. Pure: the caller loads the existing records the file names and the
// areas the user may write in, and applies the plan in one transaction.

/**
 * An area as the planner needs it: its fields and its parent's code.
 *
 * @example
 * ```ts
 * const a: ImportExistingArea = { id: 3, code: 'QB-BD-QTHUY', name: 'Quảng Thủy', kind: 'xa', level: 'commune',
 *   parentId: 2, parentCode: 'QB-BD', validFrom: '2014-02-10', validTo: null };
 * ```
 */
export interface ImportExistingArea {
  id: number;
  code: string;
  name: string;
  kind: AreaKind;
  level: AreaLevel;
  parentId: number | null;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
}

/**
 * A unit as the planner needs it: its fields, its area's code and its eligibility attributes.
 *
 * @example
 * ```ts
 * const u: ImportExistingUnit = { id: 9, code: 'KDC-1', name: 'Thôn 1', type: 'KDC', areaId: 3, areaCode: 'QB-BD-QTHUY',
 *   managingLevel: 'commune', isArmedForces: false, enterpriseSize: null, schoolLevel: null };
 * ```
 */
export interface ImportExistingUnit {
  id: number;
  code: string;
  name: string;
  type: UnitType;
  areaId: number;
  areaCode: string;
  managingLevel: ManagingLevel;
  isArmedForces: boolean;
  enterpriseSize: EnterpriseSize | null;
  schoolLevel: SchoolLevel | null;
  /** The day it began to exist (ISO; '1900-01-01' before the records). */
  validFrom: string;
}

/**
 * What the planner reads of the database: the existing areas and units the file names (by code; an area's
 * parent and a unit's area included), the commune unit (XA) of each existing commune the file names, and
 * the ids of the areas the user may write in (`null`: everywhere, an administrator).
 *
 * @example
 * ```ts
 * const existing: ImportExisting = { areas: new Map(), units: new Map(), communeUnits: new Map(), scope: null };
 * ```
 */
export interface ImportExisting {
  areas: ReadonlyMap<string, ImportExistingArea>;
  units: ReadonlyMap<string, ImportExistingUnit>;
  /** Area id → code of the XA unit of that commune. */
  communeUnits: ReadonlyMap<number, string>;
  scope: ReadonlySet<number> | null;
}

/** A value of a planned change. @example `const v: ImportValue = 'xa';` */
export type ImportValue = string | boolean | null;

/**
 * One field an update changes: its key, its column in both languages, the stored value and the file's.
 *
 * @example
 * ```ts
 * const c: ImportChange = { field: 'name', column: { vi: 'Tên đơn vị', en: 'Unit name' }, before: 'Thôn 1', after: 'Thôn Một' };
 * ```
 */
export interface ImportChange {
  field: string;
  column: LocalizedText;
  before: ImportValue;
  after: ImportValue;
}

/**
 * A row of the plan: where it is in the file, the record's code and name, the row's values, and for an
 * update the existing record's id and the fields it changes.
 *
 * @example
 * ```ts
 * const e: ImportPlanEntry<UnitImportRow> = { sheet: 'Đơn vị', row: 2, code: 'KDC-1', name: 'Thôn 1', values: row, existingId: null, changes: [] };
 * ```
 */
export interface ImportPlanEntry<T> {
  sheet: string;
  row: number;
  code: string;
  name: string;
  values: T;
  existingId: number | null;
  changes: ImportChange[];
}

/**
 * The rows of one table sorted into what they do.
 *
 * @example
 * ```ts
 * const p: ImportTablePlan<AreaImportRow> = { create: [], update: [], unchanged: [] };
 * ```
 */
export interface ImportTablePlan<T> {
  create: ImportPlanEntry<T>[];
  update: ImportPlanEntry<T>[];
  unchanged: ImportPlanEntry<T>[];
}

/**
 * The plan of an import: per table the rows to create, to update and left unchanged, and every error.
 * A plan with errors must not be applied (the import is all or nothing).
 *
 * @example
 * ```ts
 * const plan: ImportPlan = planImport(tables, existing);
 * plan.errors.length === 0 && plan.units.create.length; // units to create
 * ```
 */
export interface ImportPlan {
  errors: ImportRowError[];
  areas: ImportTablePlan<AreaImportRow>;
  units: ImportTablePlan<UnitImportRow>;
}

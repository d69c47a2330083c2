import type { AreaKind, AreaLevel, ManagingLevel, UnitType } from '@antoan/core';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The tables as Kysely sees them. Column names are snake_case; repositories map rows to core's camelCase
 * domain types, so these row types never leave this package. Dates are ISO text (`YYYY-MM-DD`) and
 * timestamps ISO text in UTC on both dialects, so they compare and sort the same in SQLite and PostgreSQL.
 */
export interface Database {
  areas: AreaTable;
  units: UnitTable;
}

/** The dated administrative tree: `valid_from` inclusive, `valid_to` exclusive, `NULL` while it exists. */
export interface AreaTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: AreaKind;
  level: AreaLevel;
  parent_id: number | null;
  valid_from: string;
  valid_to: string | null;
  /** `foldForSearch(name)`: lower case, no diacritics, đ → d. */
  search_key: string;
  /** `vietnameseSortKey(name)`: binary order is Vietnamese alphabetical order. */
  sort_key: string;
}

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  type: UnitType;
  area_id: number;
  managing_level: ManagingLevel;
  /** `foldForSearch(name + ' ' + code)`. */
  search_key: string;
  /** `vietnameseSortKey(name)`: binary order is Vietnamese alphabetical order. */
  sort_key: string;
}

export type AreaRow = Selectable<AreaTable>;
export type NewAreaRow = Insertable<AreaTable>;
export type AreaUpdate = Updateable<AreaTable>;
export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;

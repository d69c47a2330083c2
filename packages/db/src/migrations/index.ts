import type { Migration } from 'kysely';
import * as m0001 from './2026-11-26-0001-areas-units.js';
import * as m0002 from './2026-11-26-0002-domain.js';
import * as m0003worker from './2026-11-26-0003-worker.js';
import * as m0004 from './2026-11-26-0004-data-version.js';
import * as m0005 from './2026-11-26-0005-login-lockout.js';
import * as m0006 from './2026-12-01-0006-unit-results.js';
import * as m1001 from './2026-12-01-1001-incident-exceptions-review.js';
import * as m1002 from './2026-12-01-1002-criteria-as-the-law-writes-them.js';
import * as m1003 from './2026-12-01-1003-recognition-authority.js';
import * as m1501 from './2026-12-01-1501-locked-results.js';
import * as m1502 from './2026-12-01-1502-dated-units.js';
import * as m1503 from './2026-12-01-1503-unit-lineage.js';
import * as m1601 from './2026-12-01-1601-user-must-change-password.js';
import * as m1611 from './2026-12-01-1611-reminder-deliveries.js';
import * as m1901 from './2026-12-01-1901-login-limits.js';
import * as m2001 from './2026-12-01-2001-unit-versions.js';
import * as m2002d from './2026-12-02-2001-unit-lineage-date.js';

/**
 * Every migration, by name. Names sort by date; a shipped migration is never edited, only followed by a
 * new one. A static list (rather than a folder scan) works the same from source and from a bundle.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-26-0001-areas-units': m0001,
  '2026-11-26-0002-domain': m0002,
  '2026-11-26-0003-worker': m0003worker,
  '2026-11-26-0004-data-version': m0004,
  '2026-11-26-0005-login-lockout': m0005,
  '2026-12-01-0006-unit-results': m0006,
  '2026-12-01-1001-incident-exceptions-review': m1001,
  '2026-12-01-1002-criteria-as-the-law-writes-them': m1002,
  '2026-12-01-1003-recognition-authority': m1003,
  '2026-12-01-1501-locked-results': m1501,
  '2026-12-01-1502-dated-units': m1502,
  '2026-12-01-1503-unit-lineage': m1503,
  '2026-12-01-1601-user-must-change-password': m1601,
  '2026-12-01-1611-reminder-deliveries': m1611,
  '2026-12-01-1901-login-limits': m1901,
  '2026-12-01-2001-unit-versions': m2001,
  '2026-12-02-2001-unit-lineage-date': m2002d,
};

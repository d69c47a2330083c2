import type { Catalogue } from '../catalogue/catalogue.schema.js';
import { findCatalogueForYear } from '../catalogue/catalogue.js';
import { checkEligibility } from '../catalogue/eligibility.js';
import type { UnitEligibilityAttributes } from '../catalogue/unit-attributes.js';
import { DomainError } from '../errors.js';
import { assertIsoDate } from '../periods/dates.js';
import type { Role } from '../roles.js';
import { compareVietnamese } from '../text.js';
import type { AreaLevel, ManagingLevel, UnitType } from '../units.js';
import { compareOccasions, type ReminderOccasion } from './reminder-schedule.js';
import {
  digestDedupeKey,
  renderDigest,
  type DigestSection,
  type DigestUnit,
  type ReminderDigest,
  type ReminderRole,
} from './reminder-digest.js';

// Who must be reminded of what: for each occasion of the day, the units that have not done what its deadline
// asks, and for each of them the people to tell; then one digest per person listing everything, in Vietnamese
// and English. Pure: the caller loads units, areas, users and the facts, and stores the digests.

/**
 * A unit as the reminders see it: identity, type, its area (the commune for villages and communes), who
 * manages it, and the attributes that may exclude it from the standard (an excluded unit is never reminded).
 *
 * @example
 * ```ts
 * const village: ReminderUnit = { id: 101, code: 'KDC-QT-1', name: 'Thôn 1', type: 'KDC', areaId: 12, managingLevel: 'commune' };
 * ```
 */
export interface ReminderUnit extends UnitEligibilityAttributes {
  id: number;
  code: string;
  name: string;
  type: UnitType;
  areaId: number;
  managingLevel: ManagingLevel;
}

/**
 * An area of the tree as it is on the day (only its name, parent and level are needed).
 *
 * @example
 * ```ts
 * const commune: ReminderArea = { id: 12, name: 'Quảng Thủy', parentId: 2, level: 'commune' };
 * ```
 */
export interface ReminderArea {
  id: number;
  name: string;
  parentId: number | null;
  level: AreaLevel;
}

/**
 * A user who may receive reminders. `unit_reporter`s hear about their own unit; `commune_officer`s about the
 * units of their commune (escalation, and the units nobody reports for); `province_officer`s about communes
 * and the units their level manages. Admins and viewers receive none; disabled users neither.
 *
 * @example
 * ```ts
 * const reporter: ReminderUser = { id: 7, displayName: 'Trưởng thôn 1', role: 'unit_reporter', areaId: 12, unitId: 101, email: 'thon1@example.vn' };
 * ```
 */
export interface ReminderUser {
  id: number;
  displayName: string;
  role: Role;
  areaId: number | null;
  unitId: number | null;
  email: string | null;
  isDisabled?: boolean;
}

/**
 * What is known about one deadline: the units that have done what it asks, and optionally the units it applies
 * to (default: every eligible unit of the deadline's unit types; the self-assessment and the grading apply only
 * to registered units).
 *
 * @example
 * ```ts
 * const q4: ObligationFacts = { done: new Set([101, 102]) };
 * const grading: ObligationFacts = { expected: new Set([101, 102, 103]), done: new Set([101]) };
 * ```
 */
export interface ObligationFacts {
  expected?: ReadonlySet<number> | undefined;
  done: ReadonlySet<number>;
}

/**
 * The input of {@link planReminders}:
 *
 * - `day`: the Vietnam date whose occasions are sent (the dedupe keys carry it);
 * - `today`: the Vietnam date of the actual run (later than `day` when catching up; default `day`): the texts
 *   count days from it;
 * - `facts`: the {@link ObligationFacts} of each occasion's `deadlineKey` (a missing entry is an error, never
 *   "everything is missing");
 * - `catalogueForYear`: where eligibility rules come from (default core's catalogue in force that year);
 * - `alreadyTold`: the {@link reminderDeliveryKey}s of what each person was told before: such an occasion is
 *   left out of that person's digest (a person told of everything gets no digest).
 *
 * @example
 * ```ts
 * const input: ReminderPlanInput = {
 *   day: '2022-12-17', occasions: reminderOccasionsOn('2022-12-17'), units, areas, users,
 *   facts: new Map([['QUARTERLY_REPORT_DUE:2022-Q4', { done: new Set([101]) }]]),
 * };
 * ```
 */
export interface ReminderPlanInput {
  day: string;
  today?: string;
  occasions: readonly ReminderOccasion[];
  units: readonly ReminderUnit[];
  areas: readonly ReminderArea[];
  users: readonly ReminderUser[];
  facts: ReadonlyMap<string, ObligationFacts>;
  catalogueForYear?: (year: number) => Catalogue | undefined;
  alreadyTold?: ReadonlySet<string>;
}

/**
 * The key of "this person was told of this occasion" (the unit of "each person hears of each stage once").
 *
 * @example
 * ```ts
 * reminderDeliveryKey(7, 'QUARTERLY_REPORT_DUE:2026-Q3:overdue'); // '7|QUARTERLY_REPORT_DUE:2026-Q3:overdue'
 * ```
 */
export function reminderDeliveryKey(userId: number, occasionKey: string): string {
  return `${userId}|${occasionKey}`;
}

/**
 * What {@link planReminders} returns: the digests (by user id), and the missing items nobody could be told about
 * (no reporter, no officer above), which the caller logs so that nothing is dropped silently.
 *
 * @example
 * ```ts
 * const plan: ReminderPlan = planReminders(input);
 * plan.missing;                 // units × occasions still missing
 * plan.unaddressed[0]?.unitIds; // [205]
 * ```
 */
export interface ReminderPlan {
  day: string;
  digests: ReminderDigest[];
  missing: number;
  unaddressed: { occasionKey: string; unitIds: number[] }[];
}

const isActive = (user: ReminderUser) => !user.isDisabled;

function groupBy<K>(
  users: readonly ReminderUser[],
  role: Role,
  key: (u: ReminderUser) => K | null,
): Map<K, ReminderUser[]> {
  const map = new Map<K, ReminderUser[]>();
  for (const user of users) {
    if (user.role !== role || !isActive(user)) continue;
    const k = key(user);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(user);
    else map.set(k, [user]);
  }
  return map;
}

/**
 * Plans the day's reminders. For each occasion, the units of its types that are eligible, expected and have not
 * done what it asks are missing. A missing unit is told:
 *
 * - before the deadline and when overdue (track `unit`): to the unit's own reporters; when it has none, to the
 *   nearest commune officers of its area, else the nearest province officers (`fallback`);
 * - at the escalation (track `manager`): villages and the units a commune manages go to the nearest commune
 *   officers of their area (else the province officers above); communes and the units a district or province
 *   manages go to the nearest province officers above their area.
 *
 * Each person gets one digest for the day listing every occasion with its units; the order of the inputs does
 * not matter.
 *
 * @example
 * ```ts
 * const plan = planReminders({
 *   day: '2022-12-17',
 *   occasions: reminderOccasionsOn('2022-12-17'),
 *   units: [{ id: 101, code: 'KDC-1', name: 'Thôn 1', type: 'KDC', areaId: 12, managingLevel: 'commune' }],
 *   areas: [{ id: 12, name: 'Quảng Thủy', parentId: null, level: 'commune' }],
 *   users: [{ id: 7, displayName: 'Trưởng thôn', role: 'unit_reporter', areaId: 12, unitId: 101, email: 'a@b.vn' }],
 *   facts: new Map([['QUARTERLY_REPORT_DUE:2022-Q4', { done: new Set<number>() }]]),
 * });
 * plan.digests[0]?.sections[0]?.units.map((u) => u.name); // ['Thôn 1']
 * ```
 */
export function planReminders(input: ReminderPlanInput): ReminderPlan {
  assertIsoDate(input.day, 'day');
  const today = input.today ?? input.day;
  assertIsoDate(today, 'today');
  const catalogueForYear = input.catalogueForYear ?? ((year: number) => findCatalogueForYear(year));

  const areas = new Map(input.areas.map((a) => [a.id, a]));
  const reporters = groupBy(input.users, 'unit_reporter', (u) => u.unitId);
  const communeOfficers = groupBy(input.users, 'commune_officer', (u) => u.areaId);
  const provinceOfficers = groupBy(input.users, 'province_officer', (u) => u.areaId);

  // The nearest users of a role at an area or above it (memoised per area).
  const nearestCache = new Map<string, readonly ReminderUser[]>();
  const nearest = (
    byArea: Map<number, ReminderUser[]>,
    tag: string,
    areaId: number | null,
  ): readonly ReminderUser[] => {
    if (areaId === null) return [];
    const cacheKey = `${tag}:${areaId}`;
    const cached = nearestCache.get(cacheKey);
    if (cached) return cached;
    const seen = new Set<number>();
    let current: number | null = areaId;
    let found: readonly ReminderUser[] = [];
    while (current !== null && !seen.has(current)) {
      seen.add(current);
      const here = byArea.get(current);
      if (here && here.length > 0) {
        found = here;
        break;
      }
      current = areas.get(current)?.parentId ?? null;
    }
    nearestCache.set(cacheKey, found);
    return found;
  };
  const communeThenProvince = (areaId: number): readonly ReminderUser[] => {
    const officers = nearest(communeOfficers, 'c', areaId);
    return officers.length > 0 ? officers : nearest(provinceOfficers, 'p', areaId);
  };
  const recipientsOf = (
    unit: ReminderUnit,
    occasion: ReminderOccasion,
  ): { users: readonly ReminderUser[]; why: ReminderRole } => {
    if (occasion.track === 'unit') {
      const own = (reporters.get(unit.id) ?? []).filter(isActive);
      if (own.length > 0) return { users: own, why: 'own' };
      return { users: communeThenProvince(unit.areaId), why: 'fallback' };
    }
    const byCommune = unit.type === 'KDC' || (unit.type !== 'XA' && unit.managingLevel === 'commune');
    if (byCommune) return { users: communeThenProvince(unit.areaId), why: 'escalation' };
    const start = unit.type === 'XA' ? (areas.get(unit.areaId)?.parentId ?? null) : unit.areaId;
    return { users: nearest(provinceOfficers, 'p', start), why: 'escalation' };
  };

  const eligibleCache = new Map<number, Set<number>>();
  const eligibleIn = (year: number): Set<number> => {
    let set = eligibleCache.get(year);
    if (set) return set;
    const catalogue = catalogueForYear(year);
    set = new Set(input.units.filter((u) => !catalogue || checkEligibility(u, catalogue).eligible).map((u) => u.id));
    eligibleCache.set(year, set);
    return set;
  };

  interface Draft {
    user: ReminderUser;
    sections: Map<string, DigestSection>;
  }
  const drafts = new Map<number, Draft>();
  const unaddressed: ReminderPlan['unaddressed'] = [];
  let missing = 0;

  const occasions = [...input.occasions].sort((a, b) => compareOccasions(a, b));
  for (const occasion of occasions) {
    const facts = input.facts.get(occasion.deadlineKey);
    if (!facts) {
      throw new DomainError('INVALID', {
        vi: `Thiếu dữ liệu về mốc ${occasion.deadlineKey} để lập nhắc việc`,
        en: `No facts for deadline ${occasion.deadlineKey}: cannot plan its reminders`,
      });
    }
    const types = new Set(occasion.unitTypes);
    const eligible = eligibleIn(occasion.year);
    const nobody: number[] = [];
    for (const unit of input.units) {
      if (!types.has(unit.type) || !eligible.has(unit.id)) continue;
      if (facts.expected && !facts.expected.has(unit.id)) continue;
      if (facts.done.has(unit.id)) continue;
      missing++;
      const { users, why } = recipientsOf(unit, occasion);
      if (users.length === 0) {
        nobody.push(unit.id);
        continue;
      }
      const item: DigestUnit = {
        id: unit.id,
        code: unit.code,
        name: unit.name,
        type: unit.type,
        areaName: areas.get(unit.areaId)?.name ?? '',
        why,
      };
      for (const user of users) {
        if (input.alreadyTold?.has(reminderDeliveryKey(user.id, occasion.key))) continue;
        let draft = drafts.get(user.id);
        if (!draft) drafts.set(user.id, (draft = { user, sections: new Map() }));
        let section = draft.sections.get(occasion.key);
        if (!section) {
          section = {
            occasionKey: occasion.key,
            deadlineKey: occasion.deadlineKey,
            obligation: occasion.obligation,
            year: occasion.year,
            ...(occasion.quarter === undefined ? {} : { quarter: occasion.quarter }),
            dueDate: occasion.dueDate,
            stage: occasion.stage,
            offsetDays: occasion.offsetDays,
            label: occasion.label,
            units: [],
          };
          draft.sections.set(occasion.key, section);
        }
        section.units.push(item);
      }
    }
    if (nobody.length > 0) unaddressed.push({ occasionKey: occasion.key, unitIds: nobody.sort((a, b) => a - b) });
  }

  const digests: ReminderDigest[] = [];
  for (const { user, sections } of [...drafts.values()].sort((a, b) => a.user.id - b.user.id)) {
    const list = [...sections.values()];
    for (const section of list) {
      section.units.sort(
        (a, b) => compareVietnamese(a.areaName, b.areaName) || compareVietnamese(a.name, b.name) || a.id - b.id,
      );
    }
    const itemCount = list.reduce((n, s) => n + s.units.length, 0);
    const text = renderDigest(user.displayName, input.day, today, list, itemCount);
    digests.push({
      userId: user.id,
      displayName: user.displayName,
      email: user.email,
      dedupeKey: digestDedupeKey(input.day, user.id),
      day: input.day,
      itemCount,
      sections: list,
      title: text.title,
      body: text.body,
    });
  }
  return { day: input.day, digests, missing, unaddressed };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORTING_SETTINGS, quarterPeriod } from '../periods/periods.js';
import {
  DEFAULT_REMINDER_SETTINGS,
  digestMail,
  outstandingReminderOccasions,
  planReminders,
  reminderDeliveryKey,
  reminderOccasionsOn,
  reminderStages,
  type ObligationFacts,
  type ReminderArea,
  type ReminderSettings,
  type ReminderUnit,
  type ReminderUser,
} from './index.js';

const keysOn = (day: string, settings?: ReminderSettings, asOf?: string) =>
  reminderOccasionsOn(day, settings, asOf ? { asOf } : {}).map((o) => o.key);

describe('reminderOccasionsOn: the offsets of a quarterly report', () => {
  // Q4 2022 is due on 20 December 2022 with the default settings.
  it.each([
    ['2022-12-12', []],
    ['2022-12-13', ['QUARTERLY_REPORT_DUE:2022-Q4:before-7']],
    ['2022-12-14', []],
    ['2022-12-17', ['QUARTERLY_REPORT_DUE:2022-Q4:before-3']],
    ['2022-12-19', ['QUARTERLY_REPORT_DUE:2022-Q4:before-1']],
    ['2022-12-20', []],
    ['2022-12-21', ['QUARTERLY_REPORT_DUE:2022-Q4:overdue']],
    ['2022-12-25', ['QUARTERLY_REPORT_DUE:2022-Q4:escalation']],
    ['2022-12-26', []],
  ])('%s → %j', (day, expected) => {
    expect(keysOn(day)).toEqual(expected);
  });

  it('follows configured offsets and grace', () => {
    const settings = { ...DEFAULT_REMINDER_SETTINGS, daysBefore: [10, 2], overdueAfterDays: 2, escalationGraceDays: 9 };
    const due = quarterPeriod(2023, 2, DEFAULT_REPORTING_SETTINGS).dueDate; // 2023-06-20
    expect(due).toBe('2023-06-20');
    expect(keysOn('2023-06-10', settings)).toEqual(['QUARTERLY_REPORT_DUE:2023-Q2:before-10']);
    expect(keysOn('2023-06-18', settings)).toEqual(['QUARTERLY_REPORT_DUE:2023-Q2:before-2']);
    expect(keysOn('2023-06-13', settings)).toEqual([]);
    expect(keysOn('2023-06-22', settings)).toEqual(['QUARTERLY_REPORT_DUE:2023-Q2:overdue']);
    expect(keysOn('2023-06-29', settings)).toEqual(['QUARTERLY_REPORT_DUE:2023-Q2:escalation']);
  });

  it('crosses the year boundary: a Q4 due date in January belongs to the year before', () => {
    // With 20 days after the cut-off (14 December), Q4 2022 is due on 3 January 2023.
    const settings = {
      ...DEFAULT_REMINDER_SETTINGS,
      reporting: { ...DEFAULT_REPORTING_SETTINGS, dueDaysAfterCutoff: 20 },
    };
    expect(quarterPeriod(2022, 4, settings.reporting).dueDate).toBe('2023-01-03');
    expect(keysOn('2022-12-27', settings)).toEqual(['QUARTERLY_REPORT_DUE:2022-Q4:before-7']);
    expect(keysOn('2022-12-31', settings)).toEqual(['QUARTERLY_REPORT_DUE:2022-Q4:before-3']);
    const [onSecond] = reminderOccasionsOn('2023-01-02', settings);
    expect(onSecond).toMatchObject({
      key: 'QUARTERLY_REPORT_DUE:2022-Q4:before-1',
      year: 2022,
      quarter: 4,
      dueDate: '2023-01-03',
    });
    expect(keysOn('2023-01-04', settings)).toEqual(['QUARTERLY_REPORT_DUE:2022-Q4:overdue']);
    expect(keysOn('2023-01-08', settings)).toEqual(['QUARTERLY_REPORT_DUE:2022-Q4:escalation']);
  });

  it('escalates a December due date in January with a long grace', () => {
    const settings = { ...DEFAULT_REMINDER_SETTINGS, escalationGraceDays: 14 };
    expect(keysOn('2023-01-03', settings)).toEqual(['QUARTERLY_REPORT_DUE:2022-Q4:escalation']);
  });
});

describe('reminderOccasionsOn: the yearly cycle', () => {
  it.each([
    ['2022-03-24', 'Q1_REGISTRATION:2022:before-7'],
    ['2022-04-05', 'Q1_REGISTRATION:2022:escalation'],
    ['2022-10-24', 'KDC_WINDOW_CLOSES:2022:before-7'],
    ['2022-11-14', 'WINDOW_CLOSES:2022:before-1'],
    ['2022-11-17', 'KDC_GRADING_DEADLINE:2022:before-3'],
    ['2022-11-29', 'GRADING_DEADLINE:2022:before-1'],
    ['2022-11-07', 'KDC_RECOGNITION_DEADLINE:2022:before-7'],
    ['2022-11-18', 'RECOGNITION_DEADLINE:2022:before-1'],
    ['2022-11-15', 'KDC_RECOGNITION_DEADLINE:2022:overdue'],
  ])('%s includes %s', (day, key) => {
    expect(keysOn(day)).toContain(key);
  });

  it('limits each deadline to its unit types and leaves out days that ask nothing', () => {
    const [kdc] = reminderOccasionsOn('2022-10-24');
    expect(kdc).toMatchObject({ obligation: 'self_assessment', unitTypes: ['KDC'] });
    expect(keysOn('2022-08-12')).toEqual([]); // festival day minus 7: nothing to check
  });

  it('reminds only of the configured deadlines', () => {
    expect(keysOn('2022-03-24', { ...DEFAULT_REMINDER_SETTINGS, deadlines: ['QUARTERLY_REPORT_DUE'] })).toEqual([]);
  });
});

describe('reminderOccasionsOn: catching up after a downtime', () => {
  it('drops a stage that a later stage of the same track has replaced by the time of the run', () => {
    expect(keysOn('2022-12-13', undefined, '2022-12-16')).toEqual(['QUARTERLY_REPORT_DUE:2022-Q4:before-7']);
    expect(keysOn('2022-12-13', undefined, '2022-12-17')).toEqual([]);
    expect(keysOn('2022-12-19', undefined, '2022-12-22')).toEqual([]); // the overdue notice replaced "1 day left"
  });

  it('keeps the overdue notice when the escalation (another track) has come too', () => {
    expect(keysOn('2022-12-21', undefined, '2022-12-26')).toEqual(['QUARTERLY_REPORT_DUE:2022-Q4:overdue']);
    expect(keysOn('2022-12-25', undefined, '2022-12-30')).toEqual(['QUARTERLY_REPORT_DUE:2022-Q4:escalation']);
  });

  it('refuses bad settings and a run before its day', () => {
    expect(() => reminderOccasionsOn('2022-12-13', { ...DEFAULT_REMINDER_SETTINGS, daysBefore: [3, 3] })).toThrow(
      /daysBefore/,
    );
    expect(() => reminderOccasionsOn('2022-12-13', { ...DEFAULT_REMINDER_SETTINGS, escalationGraceDays: 0 })).toThrow(
      /escalationGraceDays/,
    );
    expect(() => reminderOccasionsOn('2022-12-13', undefined, { asOf: '2022-12-12' })).toThrow(/asOf/);
  });

  it('orders the stages farthest first', () => {
    expect(reminderStages().map((s) => s.id)).toEqual(['before-7', 'before-3', 'before-1', 'overdue', 'escalation']);
  });
});

// ── Who hears about what ─────────────────────────────────────────────────────────────────────────────

const areas: ReminderArea[] = [
  { id: 1, name: 'Ba Đồn', parentId: null, level: 'district' },
  { id: 2, name: 'Quảng Thủy', parentId: 1, level: 'commune' },
  { id: 3, name: 'Quảng Hải', parentId: 1, level: 'commune' },
];
const units: ReminderUnit[] = [
  { id: 10, code: 'XA-QT', name: 'Xã Quảng Thủy', type: 'XA', areaId: 2, managingLevel: 'district' },
  { id: 11, code: 'KDC-QT-1', name: 'Thôn 1', type: 'KDC', areaId: 2, managingLevel: 'commune' },
  { id: 12, code: 'KDC-QT-2', name: 'Thôn 2', type: 'KDC', areaId: 2, managingLevel: 'commune' },
  { id: 13, code: 'KDC-QH-1', name: 'Thôn Đông', type: 'KDC', areaId: 3, managingLevel: 'commune' },
  {
    id: 14,
    code: 'DN-QH-1',
    name: 'Cơ sở may nhỏ',
    type: 'DN',
    areaId: 3,
    managingLevel: 'commune',
    enterpriseSize: 'small',
  },
  { id: 15, code: 'CQ-QH-1', name: 'Chi cục Thuế', type: 'CQ', areaId: 3, managingLevel: 'district' },
];
const users: ReminderUser[] = [
  { id: 100, displayName: 'Trưởng thôn 1', role: 'unit_reporter', areaId: 2, unitId: 11, email: 'thon1@example.vn' },
  {
    id: 101,
    displayName: 'Người cũ',
    role: 'unit_reporter',
    areaId: 2,
    unitId: 11,
    email: 'old@example.vn',
    isDisabled: true,
  },
  {
    id: 200,
    displayName: 'Công an xã Quảng Thủy',
    role: 'commune_officer',
    areaId: 2,
    unitId: null,
    email: 'caxa@example.vn',
  },
  { id: 300, displayName: 'Công an thị xã', role: 'province_officer', areaId: 1, unitId: null, email: null },
  { id: 900, displayName: 'Quản trị', role: 'admin', areaId: null, unitId: null, email: 'admin@example.vn' },
];
const q4Facts = (done: number[]): ReadonlyMap<string, ObligationFacts> =>
  new Map([['QUARTERLY_REPORT_DUE:2022-Q4', { done: new Set(done) }]]);

function listed(plan: ReturnType<typeof planReminders>) {
  return Object.fromEntries(
    plan.digests.map((d) => [d.userId, d.sections.flatMap((s) => s.units.map((u) => `${u.id}:${u.why}`)).sort()]),
  );
}

describe('planReminders', () => {
  it('before the due date: own reporters, else the commune officer, else the level above; excluded units never', () => {
    const day = '2022-12-17';
    const plan = planReminders({ day, occasions: reminderOccasionsOn(day), units, areas, users, facts: q4Facts([12]) });
    expect(listed(plan)).toEqual({
      100: ['11:own'],
      200: ['10:fallback'],
      300: ['13:fallback', '15:fallback'],
    });
    expect(plan.missing).toBe(4);
    expect(plan.unaddressed).toEqual([]);
    expect(plan.digests.map((d) => d.dedupeKey)).toEqual([
      'reminders:2022-12-17:user:100',
      'reminders:2022-12-17:user:200',
      'reminders:2022-12-17:user:300',
    ]);
  });

  it('escalates villages to the commune officer and communes and district-managed units to the level above', () => {
    const day = '2022-12-25';
    const plan = planReminders({ day, occasions: reminderOccasionsOn(day), units, areas, users, facts: q4Facts([12]) });
    expect(listed(plan)).toEqual({
      200: ['11:escalation'],
      300: ['10:escalation', '13:escalation', '15:escalation'],
    });
  });

  it('sends one digest per person for all the occasions of the day', () => {
    const settings = { ...DEFAULT_REMINDER_SETTINGS, overdueAfterDays: 5 }; // overdue and escalation on the same day
    const day = '2022-12-25';
    const plan = planReminders({
      day,
      occasions: reminderOccasionsOn(day, settings),
      units,
      areas,
      users,
      facts: q4Facts([]),
    });
    const officer = plan.digests.find((d) => d.userId === 200)!;
    expect(officer.sections.map((s) => s.stage)).toEqual(['overdue', 'escalation']);
    expect(plan.digests.filter((d) => d.userId === 200)).toHaveLength(1);
  });

  it('lists what nobody can be told about instead of dropping it', () => {
    const day = '2022-12-17';
    const plan = planReminders({
      day,
      occasions: reminderOccasionsOn(day),
      units,
      areas,
      users: [users[0]!],
      facts: q4Facts([]),
    });
    expect(plan.unaddressed).toEqual([
      { occasionKey: 'QUARTERLY_REPORT_DUE:2022-Q4:before-3', unitIds: [10, 12, 13, 15] },
    ]);
  });

  it('applies the self-assessment and grading only to the units expected', () => {
    const day = '2022-11-17'; // KDC grading due 20 November: 3 days left
    const facts = new Map<string, ObligationFacts>([
      ['KDC_GRADING_DEADLINE:2022', { expected: new Set([11, 13]), done: new Set([13]) }],
      ['WINDOW_CLOSES:2022', { expected: new Set(), done: new Set() }],
    ]);
    const occasions = reminderOccasionsOn(day).filter((o) => facts.has(o.deadlineKey));
    const plan = planReminders({ day, occasions, units, areas, users, facts });
    expect(listed(plan)).toEqual({ 100: ['11:own'] });
  });

  it('refuses to plan a deadline it has no facts for', () => {
    const day = '2022-12-17';
    expect(() =>
      planReminders({ day, occasions: reminderOccasionsOn(day), units, areas, users, facts: new Map() }),
    ).toThrow(/QUARTERLY_REPORT_DUE:2022-Q4/);
  });

  it('writes the digest in Vietnamese and English, counting days from the actual run', () => {
    const plan = planReminders({
      day: '2022-12-17',
      today: '2022-12-18',
      occasions: reminderOccasionsOn('2022-12-17'),
      units,
      areas,
      users,
      facts: q4Facts([12]),
    });
    const digest = plan.digests.find((d) => d.userId === 100)!;
    expect(digest.title).toEqual({
      vi: 'Nhắc việc ngày 17/12/2022: 1 việc chưa hoàn thành',
      en: 'Reminders of 2022-12-17: 1 item outstanding',
    });
    expect(digest.body.vi).toContain('Kính gửi Trưởng thôn 1');
    expect(digest.body.vi).toContain(
      '[Sắp đến hạn] Báo cáo quý IV/2022: hạn 20/12/2022, còn 2 ngày. Chưa có báo cáo quý: 1 đơn vị',
    );
    expect(digest.body.vi).toContain('- Thôn 1 (KDC-QT-1), Quảng Thủy');
    expect(digest.body.en).toContain(
      '[Coming up] Q4 2022 report: due 2022-12-20, 2 days left. No quarterly report yet: 1 unit',
    );
    const mail = digestMail(digest);
    expect(mail.subject).toBe(
      '[An Toàn] Nhắc việc ngày 17/12/2022: 1 việc chưa hoàn thành / Reminders of 2022-12-17: 1 item outstanding',
    );
    expect(mail.text.indexOf('Kính gửi')).toBeLessThan(mail.text.indexOf('Dear'));
  });

  it('caps a long list and says how many more', () => {
    const many: ReminderUnit[] = Array.from({ length: 130 }, (_, i) => ({
      id: 1000 + i,
      code: `KDC-${i}`,
      name: `Thôn ${i}`,
      type: 'KDC',
      areaId: 2,
      managingLevel: 'commune',
    }));
    const day = '2022-12-25';
    const plan = planReminders({
      day,
      occasions: reminderOccasionsOn(day),
      units: many,
      areas,
      users,
      facts: q4Facts([]),
    });
    const officer = plan.digests.find((d) => d.userId === 200)!;
    expect(officer.itemCount).toBe(130);
    expect(officer.body.vi).toContain('… và 30 đơn vị khác');
    expect(officer.body.en).toContain('… and 30 more');
  });

  it('does not depend on the order of units and users, never lists a unit that is done, and accounts for every missing one', () => {
    const day = '2022-12-25';
    const occasions = reminderOccasionsOn(day);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(units, { minLength: units.length }),
        fc.shuffledSubarray(users, { minLength: users.length }),
        fc.subarray(units.map((u) => u.id)),
        (shuffledUnits, shuffledUsers, done) => {
          const plan = planReminders({
            day,
            occasions,
            units: shuffledUnits,
            areas,
            users: shuffledUsers,
            facts: q4Facts(done),
          });
          const reference = planReminders({ day, occasions, units, areas, users, facts: q4Facts(done) });
          expect(plan).toEqual(reference);
          const told = new Set(plan.digests.flatMap((d) => d.sections.flatMap((s) => s.units.map((u) => u.id))));
          for (const id of done) expect(told.has(id)).toBe(false);
          const unaddressed = plan.unaddressed.flatMap((u) => u.unitIds);
          expect(told.size + unaddressed.length).toBe(plan.missing);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('outstandingReminderOccasions: what is still to be told, whatever day the worker first runs', () => {
  const quarterly = (day: string) =>
    outstandingReminderOccasions(day)
      .map((o) => o.key)
      .filter((k) => k.startsWith('QUARTERLY_REPORT_DUE'));
  it.each([
    // A fresh install on 1 December 2026: Q1–Q3 are overdue and escalated; Q4 (due 20/12) not yet reminded.
    [
      '2026-12-01',
      [
        'QUARTERLY_REPORT_DUE:2026-Q1:overdue',
        'QUARTERLY_REPORT_DUE:2026-Q1:escalation',
        'QUARTERLY_REPORT_DUE:2026-Q2:overdue',
        'QUARTERLY_REPORT_DUE:2026-Q2:escalation',
        'QUARTERLY_REPORT_DUE:2026-Q3:overdue',
        'QUARTERLY_REPORT_DUE:2026-Q3:escalation',
      ],
    ],
    // Between the stage days the latest stage that has come: before-7 of Q4 on 14 December.
    ['2026-12-14', ['QUARTERLY_REPORT_DUE:2026-Q4:before-7']],
    // Overdue but not yet escalated.
    ['2026-12-22', ['QUARTERLY_REPORT_DUE:2026-Q4:overdue']],
    // Q1–Q3 are still there in December (until 31/12 of their year).
    ['2026-12-31', ['QUARTERLY_REPORT_DUE:2026-Q4:overdue', 'QUARTERLY_REPORT_DUE:2026-Q4:escalation']],
    // Last year's Q4 is chased for 30 days after its escalation (25/12 + 30 = 24/01); this year's Q1 not yet.
    ['2027-01-24', ['QUARTERLY_REPORT_DUE:2026-Q4:overdue', 'QUARTERLY_REPORT_DUE:2026-Q4:escalation']],
    ['2027-01-25', []],
  ])('on %s the quarterly reports give %j (Q1–Q3 2026 left out after 1 December)', (day, expected) => {
    const keys = quarterly(day).filter((k) => day === '2026-12-01' || k.includes('Q4'));
    expect(keys).toEqual(expected);
    if (day >= '2026-12-01' && day <= '2026-12-31')
      expect(quarterly(day)).toContain('QUARTERLY_REPORT_DUE:2026-Q1:escalation');
  });

  it('agrees with the stage days: on a stage day its occasion is among the outstanding ones', () => {
    for (const day of ['2022-12-13', '2022-12-17', '2022-12-19', '2022-12-21', '2022-12-25', '2023-03-24']) {
      const outstanding = new Set(outstandingReminderOccasions(day).map((o) => o.key));
      for (const key of keysOn(day)) expect(outstanding).toContain(key);
    }
  });

  it('refuses a bad day or linger period with a clear error', () => {
    expect(() => outstandingReminderOccasions('01/12/2026')).toThrow();
    expect(() => outstandingReminderOccasions('2026-12-01', DEFAULT_REMINDER_SETTINGS, { lingerDays: -1 })).toThrow(
      /lingerDays/,
    );
  });
});

describe('planReminders with alreadyTold: each person hears of each stage once', () => {
  it('leaves out what a person was told before, and gives no digest to a person told everything', () => {
    const occasions = outstandingReminderOccasions('2026-12-01').filter(
      (o) => o.deadlineKey === 'QUARTERLY_REPORT_DUE:2026-Q3' && o.track === 'unit',
    );
    const input = {
      day: '2026-12-01',
      occasions,
      units: [
        { id: 1, code: 'KDC-1', name: 'Thôn 1', type: 'KDC' as const, areaId: 10, managingLevel: 'commune' as const },
        { id: 2, code: 'KDC-2', name: 'Thôn 2', type: 'KDC' as const, areaId: 10, managingLevel: 'commune' as const },
      ],
      areas: [{ id: 10, name: 'Quảng Thủy', parentId: null, level: 'commune' as const }],
      users: [
        { id: 7, displayName: 'A', role: 'unit_reporter' as const, areaId: 10, unitId: 1, email: null },
        { id: 8, displayName: 'B', role: 'unit_reporter' as const, areaId: 10, unitId: 2, email: null },
      ],
      facts: new Map([['QUARTERLY_REPORT_DUE:2026-Q3', { done: new Set<number>() }]]),
    };
    expect(planReminders(input).digests.map((d) => d.userId)).toEqual([7, 8]);
    const told = new Set([reminderDeliveryKey(7, 'QUARTERLY_REPORT_DUE:2026-Q3:overdue')]);
    const plan = planReminders({ ...input, alreadyTold: told });
    expect(plan.digests.map((d) => d.userId)).toEqual([8]);
    expect(plan.digests[0]?.body.vi).toContain('Báo cáo quý III/2026: hạn 20/09/2026, đã quá 72 ngày');
  });
});

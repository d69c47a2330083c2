// The digests reminders are sent as: one per person and day, its sections (one per occasion) and units, and
// its text in Vietnamese and English.
import { type LocalizedText } from '../errors.js';
import { daysBetween, formatDate } from '../periods/dates.js';
import type { Quarter } from '../periods/periods.js';
import type { UnitType } from '../units.js';
import { OBLIGATION_LABELS, type ReminderObligation, type ReminderStage } from './reminder-schedule.js';

/**
 * Why a person hears about a unit: it is their own unit (`own`), nobody reports for it and it lies in their
 * area (`fallback`), or it is escalated to them as the level above (`escalation`).
 *
 * @example
 * ```ts
 * const why: ReminderRole = 'escalation';
 * ```
 */
export type ReminderRole = 'own' | 'fallback' | 'escalation';

/**
 * A unit listed in a digest.
 *
 * @example
 * ```ts
 * const item: DigestUnit = { id: 101, code: 'KDC-QT-1', name: 'Thôn 1', type: 'KDC', areaName: 'Quảng Thủy', why: 'own' };
 * ```
 */
export interface DigestUnit {
  id: number;
  code: string;
  name: string;
  type: UnitType;
  areaName: string;
  why: ReminderRole;
}

/**
 * One occasion in a digest, with the units still missing what it asks.
 *
 * @example
 * ```ts
 * const section: DigestSection = {
 *   occasionKey: 'QUARTERLY_REPORT_DUE:2022-Q4:overdue', deadlineKey: 'QUARTERLY_REPORT_DUE:2022-Q4',
 *   obligation: 'quarterly_report', year: 2022, quarter: 4, dueDate: '2022-12-20', stage: 'overdue', offsetDays: 1,
 *   label: { vi: 'Hạn gửi báo cáo quý IV', en: 'Q4 report due' }, units: [],
 * };
 * ```
 */
export interface DigestSection {
  occasionKey: string;
  deadlineKey: string;
  obligation: ReminderObligation;
  year: number;
  quarter?: Quarter;
  dueDate: string;
  stage: ReminderStage;
  offsetDays: number;
  label: LocalizedText;
  units: DigestUnit[];
}

/**
 * The one message a person receives for a day: the sections, the count of units listed, the title and body in
 * both languages, and the dedupe key that makes it unique (`reminders:<day>:user:<id>`).
 *
 * @example
 * ```ts
 * const digest: ReminderDigest = planReminders(input).digests[0]!;
 * digest.title.en; // 'Reminders of 2022-12-17: 2 items outstanding'
 * ```
 */
export interface ReminderDigest {
  userId: number;
  displayName: string;
  email: string | null;
  dedupeKey: string;
  day: string;
  itemCount: number;
  sections: DigestSection[];
  title: LocalizedText;
  body: LocalizedText;
}

/** How many units a section lists by name before "… and N more". @example `DIGEST_LIST_LIMIT; // 100` */
export const DIGEST_LIST_LIMIT = 100;

/**
 * The dedupe key of the digest of a user for a day: at most one per person per day, whatever happens.
 *
 * @example
 * ```ts
 * digestDedupeKey('2022-12-17', 7); // 'reminders:2022-12-17:user:7'
 * ```
 */
export function digestDedupeKey(day: string, userId: number): string {
  return `reminders:${day}:user:${userId}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

function deadlineName(section: DigestSection): LocalizedText {
  if (section.quarter !== undefined) {
    return {
      vi: `Báo cáo quý ${ROMAN[section.quarter - 1]}/${section.year}`,
      en: `Q${section.quarter} ${section.year} report`,
    };
  }
  return { vi: `${section.label.vi} (năm ${section.year})`, en: `${section.label.en} (${section.year})` };
}

function timing(section: DigestSection, today: string): LocalizedText {
  const left = daysBetween(today, section.dueDate);
  const due = { vi: formatDate(section.dueDate, 'vi'), en: section.dueDate };
  if (left > 0)
    return { vi: `hạn ${due.vi}, còn ${left} ngày`, en: `due ${due.en}, ${left} day${left === 1 ? '' : 's'} left` };
  if (left === 0) return { vi: `hạn hôm nay ${due.vi}`, en: `due today ${due.en}` };
  return {
    vi: `hạn ${due.vi}, đã quá ${-left} ngày`,
    en: `due ${due.en}, ${-left} day${left === -1 ? '' : 's'} overdue`,
  };
}

const STAGE_TAG: Readonly<Record<ReminderStage, LocalizedText>> = {
  before: { vi: 'Sắp đến hạn', en: 'Coming up' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  escalation: { vi: 'Báo cáo cấp trên', en: 'Escalated to you' },
};

/**
 * The title and body of one person's digest of a day, in both languages (planReminders' last step).
 *
 * @example
 * ```ts
 * renderDigest('Nguyễn Văn A', '2022-03-17', '2022-03-17', sections, 3).title.en; // 'Reminders of 2022-03-17: 3 items outstanding'
 * ```
 */
export function renderDigest(
  displayName: string,
  day: string,
  today: string,
  sections: readonly DigestSection[],
  itemCount: number,
): { title: LocalizedText; body: LocalizedText } {
  const title = {
    vi: `Nhắc việc ngày ${formatDate(day, 'vi')}: ${itemCount} việc chưa hoàn thành`,
    en: `Reminders of ${day}: ${itemCount} item${itemCount === 1 ? '' : 's'} outstanding`,
  };
  const lines = {
    vi: [
      `Kính gửi ${displayName},`,
      '',
      `Hệ thống An Toàn nhắc các việc còn thiếu (tính đến ngày ${formatDate(today, 'vi')}):`,
      '',
    ],
    en: [`Dear ${displayName},`, '', `The An Toàn system lists what is still missing (as of ${today}):`, ''],
  };
  sections.forEach((section, index) => {
    const name = deadlineName(section);
    const when = timing(section, today);
    const what = OBLIGATION_LABELS[section.obligation];
    const tag = STAGE_TAG[section.stage];
    const n = section.units.length;
    lines.vi.push(`${index + 1}. [${tag.vi}] ${name.vi}: ${when.vi}. Chưa có ${what.vi}: ${n} đơn vị`);
    lines.en.push(
      `${index + 1}. [${tag.en}] ${name.en}: ${when.en}. No ${what.en} yet: ${n} unit${n === 1 ? '' : 's'}`,
    );
    for (const unit of section.units.slice(0, DIGEST_LIST_LIMIT)) {
      const place = unit.areaName ? `, ${unit.areaName}` : '';
      lines.vi.push(`   - ${unit.name} (${unit.code})${place}`);
      lines.en.push(`   - ${unit.name} (${unit.code})${place}`);
    }
    if (n > DIGEST_LIST_LIMIT) {
      lines.vi.push(`   … và ${n - DIGEST_LIST_LIMIT} đơn vị khác`);
      lines.en.push(`   … and ${n - DIGEST_LIST_LIMIT} more`);
    }
    lines.vi.push('');
    lines.en.push('');
  });
  lines.vi.push('Vui lòng đăng nhập hệ thống để hoàn thành. Thư gửi tự động, mỗi ngày nhiều nhất một thư.');
  lines.en.push('Please sign in to complete them. This message is automatic; you receive at most one a day.');
  return { title, body: { vi: lines.vi.join('\n'), en: lines.en.join('\n') } };
}

/**
 * The e-mail of a digest: one subject and one plain-text body carrying both languages (Vietnamese first), so
 * nobody depends on a language setting.
 *
 * @example
 * ```ts
 * digestMail(digest).subject; // '[An Toàn] Nhắc việc ngày 17/12/2022: 2 việc chưa hoàn thành / Reminders of 2022-12-17: 2 items outstanding'
 * ```
 */
export function digestMail(digest: Pick<ReminderDigest, 'title' | 'body'>): { subject: string; text: string } {
  return {
    subject: `[An Toàn] ${digest.title.vi} / ${digest.title.en}`,
    text: `${digest.body.vi}\n\n--- English ---\n\n${digest.body.en}\n`,
  };
}

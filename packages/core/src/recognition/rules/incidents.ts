// Incidents as the disqualifying and parts rules read them: which fall in a criterion's window, how each is
// worded, which count and which an exception of their item excuses.
import { INCIDENT_EXCEPTION_LABELS, type IncidentException } from '../../catalogue/catalogue.schema.js';
import type { LocalizedText } from '../../errors.js';
import { formatDate } from '../../periods/dates.js';
import type { EvaluationWindow } from '../../periods/periods.js';
import type { IncidentRecord } from '../assessment.schema.js';

/** How many incidents a reason lists before "and n more". */
const MAX_LISTED_INCIDENTS = 5;

/**
 * Whether an incident names this criterion and falls in the window (both ends inclusive).
 *
 * @example
 * ```ts
 * inWindow({ criterionCode: 'KDC-3', occurredOn: '2021-10-31' }, 'KDC-3', evaluationWindow('KDC', 2021)); // true
 * ```
 */
export function inWindow(incident: IncidentRecord, code: string, window: EvaluationWindow): boolean {
  return incident.criterionCode === code && incident.occurredOn >= window.from && incident.occurredOn <= window.to;
}

/**
 * Whether any incident names this criterion in the window.
 *
 * @example
 * ```ts
 * hasIncident([], 'KDC-3', evaluationWindow('KDC', 2021)); // false
 * ```
 */
export function hasIncident(
  incidents: readonly IncidentRecord[] | undefined,
  code: string,
  window: EvaluationWindow,
): boolean {
  if (incidents) for (const i of incidents) if (inWindow(i, code, window)) return true;
  return false;
}

function byDate(a: IncidentRecord, b: IncidentRecord): number {
  return a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0;
}

/** "Vụ việc ngày 31/10/2022, điểm e (…): description" */
function describeIncident(incident: IncidentRecord, itemText: LocalizedText | undefined): LocalizedText {
  const what = itemText
    ? { vi: `, điểm ${incident.item} (${itemText.vi})`, en: `, item (${incident.item}) (${itemText.en})` }
    : incident.item
      ? { vi: `, điểm ${incident.item}`, en: `, item (${incident.item})` }
      : { vi: '', en: '' };
  const description = incident.description ? `: ${incident.description}` : '';
  return {
    vi: `Vụ việc ngày ${formatDate(incident.occurredOn, 'vi')}${what.vi}${description}`,
    en: `Incident on ${incident.occurredOn}${what.en}${description}`,
  };
}

/**
 * Splits incidents into those that count and those excused by an exception their item admits, and words
 * both (by date; at most five of each, then "and n more"): counted ones fail, excused ones are listed as not
 * counted.
 *
 * @example
 * ```ts
 * judgeIncidents([{ criterionCode: 'KDC-4', item: 'b', occurredOn: '2022-05-02', exception: 'handled_promptly' }],
 *   () => ({ text: { vi: '…', en: '…' }, exceptions: ['handled_promptly'] })).counted; // 0
 * ```
 */
export function judgeIncidents(
  hits: readonly IncidentRecord[],
  itemOf: (
    letter: string | null | undefined,
  ) => { text: LocalizedText; exceptions?: readonly IncidentException[] | undefined } | undefined,
): { counted: number; reasons: LocalizedText[] } {
  const counted: LocalizedText[] = [];
  const excused: LocalizedText[] = [];
  for (const incident of [...hits].sort(byDate)) {
    const item = itemOf(incident.item);
    const line = describeIncident(incident, item?.text);
    const exception = incident.exception ?? undefined;
    if (exception && item?.exceptions?.includes(exception)) {
      const label = INCIDENT_EXCEPTION_LABELS[exception];
      excused.push({
        vi: `${line.vi} — không tính: ${label.vi.toLowerCase()}`,
        en: `${line.en} — not counted: ${label.en.toLowerCase()}`,
      });
    } else {
      counted.push(line);
    }
  }
  const reasons = counted.slice(0, MAX_LISTED_INCIDENTS);
  if (counted.length > MAX_LISTED_INCIDENTS) {
    const more = counted.length - MAX_LISTED_INCIDENTS;
    reasons.push({ vi: `và ${more} vụ việc khác`, en: `and ${more} more incidents` });
  }
  reasons.push(...excused.slice(0, MAX_LISTED_INCIDENTS));
  return { counted: counted.length, reasons };
}

/**
 * The reason of a criterion (or part) with no incident in the window.
 *
 * @example
 * ```ts
 * noIncident(evaluationWindow('KDC', 2022)).en; // 'No incident in the window 2021-11-01 – 2022-10-31'
 * ```
 */
export function noIncident(window: EvaluationWindow): LocalizedText {
  return {
    vi: `Không có vụ việc nào trong kỳ ${formatDate(window.from, 'vi')}–${formatDate(window.to, 'vi')}`,
    en: `No incident in the window ${window.from} – ${window.to}`,
  };
}

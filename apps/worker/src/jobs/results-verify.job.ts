import { vietnamDate } from '@antoan/core';
import { writeAudits, type Database } from '@antoan/db';
import { claimJobRun, enqueueMails, failJobRun, finishJobRun } from '@antoan/db/worker';
import { ensureResults, verifyResults, type VerifyReport } from '@antoan/services';
import type { Kysely } from 'kysely';
import type { JobDefinition } from '../job.js';

/** The job name of the nightly check in `job_runs`; the period key is the Vietnam date of the run. */
export const RESULTS_VERIFY_JOB = 'results-verify';

export interface ResultsVerifyOptions {
  owner: string;
  leaseMs: number;
}

/** How many differences go into the audit log one by one (the rest are counted in the summary entry). */
const AUDITED = 1_000;

function describe(report: VerifyReport): string {
  const lines = [
    `Năm / years: ${report.years.join(', ')}; ${report.checked} kết quả đã đối chiếu / results checked.`,
    `Khác với tính toán lại / differing from a recompute: ${report.differences.length}; tổng theo địa bàn / area totals: ${report.totals}; cờ đúng hạn / on-time flags: ${report.reportTimes}.`,
    'Đã sửa theo kết quả tính lại từ dữ liệu gốc / repaired from the raw data:',
    ...report.differences
      .slice(0, 20)
      .map((d) => `- đơn vị / unit ${d.unitId}, ${d.year}: ${d.stored?.result ?? '—'} → ${d.computed?.result ?? '—'}`),
  ];
  if (report.differences.length > 20) lines.push(`- … ${report.differences.length - 20} nữa / more`);
  return lines.join('\n');
}

/**
 * Once a night (once across workers: a job run per Vietnam date), stores the current year's results if they are
 * not stored yet (a new year: its first file then needs no whole-year computation), recomputes every stored result from the raw
 * data with core's engine (services' verifyResults) and repairs what differs. A difference means something
 * wrote around the one writer: each is recorded in the audit log and the administrators are mailed a summary.
 */
export async function runResultsVerify(
  db: Kysely<Database>,
  now: Date,
  options: ResultsVerifyOptions,
  log: (line: string) => void = () => {},
): Promise<VerifyReport | undefined> {
  const day = vietnamDate(now);
  const run = await claimJobRun(db, {
    job: RESULTS_VERIFY_JOB,
    periodKey: day,
    owner: options.owner,
    now,
    leaseMs: options.leaseMs,
  });
  if (!run) return undefined;
  try {
    const started = performance.now();
    // the current year stored ahead of its first file, so that no request has to compute a whole year
    const stored = await ensureResults(db, { now, currentYear: Number(day.slice(0, 4)) });
    if (stored.length > 0) log(`[worker] stored the results of ${stored.join(', ')}`);
    const report = await verifyResults(db, { now, repair: true });
    const found = report.differences.length + report.totals + report.reportTimes;
    await db.transaction().execute(async (trx) => {
      await finishJobRun(trx, run, now, {
        day,
        years: report.years,
        checked: report.checked,
        differences: report.differences.length,
        totals: report.totals,
        reportTimes: report.reportTimes,
      });
      if (found === 0) return;
      await writeAudits(trx, [
        ...report.differences.slice(0, AUDITED).map((d) => ({
          userId: null,
          action: 'results.repair',
          entity: 'unit_result',
          entityId: `${d.unitId}:${d.year}`,
          before: d.stored,
          after: d.computed,
          at: now,
        })),
        {
          userId: null,
          action: 'results.verify',
          entity: 'results',
          entityId: day,
          before: null,
          after: {
            years: report.years,
            checked: report.checked,
            differences: report.differences.length,
            totals: report.totals,
            reportTimes: report.reportTimes,
          },
          at: now,
        },
      ]);
      const admins = await trx
        .selectFrom('users')
        .select(['id', 'email'])
        .where('role', '=', 'admin')
        .where('is_disabled', '=', 0)
        .where('email', 'is not', null)
        .execute();
      await enqueueMails(
        trx,
        admins.flatMap((a) =>
          a.email === null
            ? []
            : [
                {
                  notificationId: null,
                  dedupeKey: `${RESULTS_VERIFY_JOB}:${day}:${a.id}`,
                  to: a.email,
                  subject: `[An Toàn] Kết quả lưu trữ đã được sửa (${found}) / Stored results repaired`,
                  text: describe(report),
                },
              ],
        ),
        now,
      );
    });
    log(
      `[worker] results verified for ${report.years.join(', ')}: ${report.checked} results, ${found} differences repaired, in ${Math.round(performance.now() - started)} ms`,
    );
    return report;
  } catch (error) {
    await failJobRun(db, run, now, error);
    throw error;
  }
}

/** The nightly check as a scheduled job. */
export function resultsVerifyJob(cron: string, options: ResultsVerifyOptions): JobDefinition {
  return {
    name: 'results-verify',
    cron,
    async run({ db, now, log }) {
      await runResultsVerify(db, now, options, log);
    },
  };
}

import type { JobDefinition } from '../job.js';
import { dispatchOutbox, type DispatchOptions } from '../mail/dispatch.js';

/** The mail outbox as a scheduled job: sends new mails and retries those whose next attempt has come. */
export function mailOutboxJob(cron: string, options: Omit<DispatchOptions, 'log'>): JobDefinition {
  return {
    name: 'mail-outbox',
    cron,
    async run({ db, log }) {
      const report = await dispatchOutbox(db, { ...options, log });
      if (report.sent + report.retried + report.failed + report.logged > 0) {
        log(
          `[worker] mail: ${report.sent} sent, ${report.retried} to retry, ${report.failed} failed, ${report.logged} logged`,
        );
      }
    },
  };
}

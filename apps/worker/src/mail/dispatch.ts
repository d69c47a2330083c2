import type { Database } from '@antoan/db';
import { claimMails, markMailFailed, markMailLogged, markMailRetry, markMailSent } from '@antoan/db/worker';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { isPermanentMailError, mailErrorText, type Mailer } from './mailer.js';

export interface DispatchOptions {
  /** Absent: no SMTP is configured; each mail goes to the log and is marked `logged`. */
  mailer: Mailer | undefined;
  from: string;
  owner: string;
  clock: Clock;
  log: (line: string) => void;
  /** After this many attempts a transiently failing mail is marked failed (default 6). */
  maxAttempts?: number;
  /** The first retry waits this long, each next one twice as long, at most 6 hours (default 60 s). */
  retryBaseMs?: number;
  /** Mails claimed at once (default 50). */
  batchSize?: number;
  /** How long a claim holds: a mail claimed by a worker that died is sent by another after it (default 5 min). */
  claimMs?: number;
  /** At most this many batches per call, so one call never runs for ever (default 20). */
  maxBatches?: number;
}

export interface DispatchReport {
  sent: number;
  retried: number;
  failed: number;
  logged: number;
}

/** The wait before attempt `attempts + 1`: base × 2^(attempts − 1), capped at 6 hours. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

function domainOf(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'antoan.local';
}

/**
 * Works through the due mails of the outbox: claims a batch (one conditional UPDATE, so two workers never
 * send the same mail), sends each (or logs it without SMTP), and records the outcome of each one on its own:
 * a refused address is marked failed and the others go on; a transient error is retried later with backoff.
 */
export async function dispatchOutbox(db: Kysely<Database>, options: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, retried: 0, failed: 0, logged: 0 };
  const maxAttempts = options.maxAttempts ?? 6;
  const baseMs = options.retryBaseMs ?? 60_000;
  const domain = domainOf(options.from);
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const mails = await claimMails(db, {
      owner: options.owner,
      now: options.clock(),
      limit: options.batchSize ?? 50,
      ...(options.claimMs === undefined ? {} : { leaseMs: options.claimMs }),
    });
    if (mails.length === 0) break;
    for (const mail of mails) {
      if (!options.mailer) {
        options.log(
          `[mail] no SMTP_URL: mail #${mail.id} to ${mail.to} kept in the outbox as logged\nSubject: ${mail.subject}\n${mail.text}`,
        );
        await markMailLogged(db, mail.id, options.owner, options.clock());
        report.logged++;
        continue;
      }
      try {
        const info = await options.mailer.send({
          from: options.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: `<outbox-${mail.id}@${domain}>`,
          headers: { 'X-Antoan-Dedupe': mail.dedupeKey },
        });
        await markMailSent(db, mail.id, options.owner, options.clock(), info.messageId);
        report.sent++;
      } catch (error) {
        const text = mailErrorText(error);
        if (isPermanentMailError(error) || mail.attempts >= maxAttempts) {
          await markMailFailed(db, mail.id, options.owner, text);
          options.log(
            `[mail] mail #${mail.id} to ${mail.to} failed for good after ${mail.attempts} attempt(s): ${text}`,
          );
          report.failed++;
        } else {
          const next = new Date(options.clock().getTime() + retryDelayMs(mail.attempts, baseMs));
          await markMailRetry(db, mail.id, options.owner, text, next);
          options.log(
            `[mail] mail #${mail.id} to ${mail.to} attempt ${mail.attempts} failed (${text}); next attempt at ${next.toISOString()}`,
          );
          report.retried++;
        }
      }
    }
  }
  return report;
}

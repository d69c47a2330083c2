import nodemailer from 'nodemailer';

/** One mail as the outbox hands it over. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** A stable Message-ID (derived from the outbox row), so a receiving server can spot a duplicate. */
  messageId: string;
  headers?: Record<string, string>;
}

/** What sends mail: SMTP in production, anything with the same shape in a drill. */
export interface Mailer {
  /** Resolves with the Message-ID when the server accepted the mail; rejects with the server's error. */
  send(message: MailMessage): Promise<{ messageId: string | null }>;
  close(): void;
}

/**
 * A mailer over SMTP (nodemailer) from a URL: `smtp://user:pass@host:587` (STARTTLS when offered) or
 * `smtps://host:465`. Short timeouts: a dead server must not hold a run for minutes.
 */
export function createSmtpMailer(url: string, timeouts: { connectionMs?: number; socketMs?: number } = {}): Mailer {
  const transport = nodemailer.createTransport({
    url,
    // One connection reused for many mails (a digest run can queue thousands), a few in parallel at most.
    pool: true,
    maxConnections: 3,
    connectionTimeout: timeouts.connectionMs ?? 10_000,
    greetingTimeout: timeouts.connectionMs ?? 10_000,
    socketTimeout: timeouts.socketMs ?? 30_000,
  });
  return {
    async send(message) {
      const info = (await transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
        headers: message.headers ?? {},
        textEncoding: 'base64',
      })) as { messageId?: string };
      return { messageId: info.messageId ?? message.messageId };
    },
    close() {
      transport.close();
    },
  };
}

/** Whether a send error is permanent (the server refused the mail or the address: 5xx), not worth a retry. */
export function isPermanentMailError(error: unknown): boolean {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') return responseCode >= 500 && responseCode < 600;
  // nodemailer's own refusal of the envelope (e.g. no valid recipient address) is permanent too.
  return code === 'EENVELOPE';
}

/** The text of an error for the outbox's `last_error`. */
export function mailErrorText(error: unknown): string {
  if (error instanceof Error) {
    const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
    const prefix = typeof responseCode === 'number' ? `${responseCode} ` : typeof code === 'string' ? `${code} ` : '';
    return `${prefix}${error.message}`.trim();
  }
  return String(error);
}

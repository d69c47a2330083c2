import { EnvError } from '@antoan/db/env';
import { describe, expect, it } from 'vitest';
import { reminderSettings } from './config.js';
import { parseEnv } from './env.js';

describe('the worker environment', () => {
  it('has defaults for everything', () => {
    const env = parseEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env).toMatchObject({
      MAIL_FROM: 'An Toàn <no-reply@antoan.local>',
      REMINDER_OFFSETS: [7, 3, 1],
      REMINDER_OVERDUE_DAYS: 1,
      ESCALATION_GRACE_DAYS: 5,
      REPORT_DUE_DAYS_AFTER_CUTOFF: 6,
      REMINDER_HOUR: 7,
      REMINDER_CATCH_UP_DAYS: 7,
      SNAPSHOT_CATCH_UP_QUARTERS: 2,
      WORKER_TICK_CRON: '*/10 * * * *',
      MAIL_DISPATCH_CRON: '* * * * *',
      MAIL_BATCH_SIZE: 50,
      MAIL_CLAIM_SECONDS: 300,
      PG_POOL_SIZE: 10,
      MIGRATE: 'auto',
    });
    expect(reminderSettings(env)).toMatchObject({ daysBefore: [7, 3, 1], overdueAfterDays: 1, escalationGraceDays: 5 });
  });

  it('reads the reminder settings', () => {
    const env = parseEnv({
      REMINDER_OFFSETS: ' 10, 2 ',
      ESCALATION_GRACE_DAYS: '14',
      REPORT_DUE_DAYS_AFTER_CUTOFF: '20',
      SMTP_URL: 'smtp://mail.example.vn:587',
    });
    expect(reminderSettings(env)).toMatchObject({
      daysBefore: [10, 2],
      escalationGraceDays: 14,
      reporting: { dueDaysAfterCutoff: 20, escalationGraceDays: 14 },
    });
    expect(env.SMTP_URL).toBe('smtp://mail.example.vn:587');
  });

  it.each([
    ['REMINDER_OFFSETS', 'seven'],
    ['REMINDER_OFFSETS', '3,3'],
    ['REMINDER_OFFSETS', '0,1'],
    ['ESCALATION_GRACE_DAYS', '0'],
    ['REMINDER_HOUR', '24'],
    ['REMINDER_CATCH_UP_DAYS', '1.5'],
    ['SMTP_URL', 'mail.example.vn'],
    ['WORKER_TICK_CRON', 'every ten minutes'],
    ['MAIL_BATCH_SIZE', '0'],
    ['MAIL_CLAIM_SECONDS', '5'],
    ['PG_POOL_SIZE', '1000'],
    ['MIGRATE', 'never'],
    ['WORKER_FAKE_NOW', '2023-03-19 08:00'],
  ])('refuses %s=%s with one line naming it', (name, value) => {
    let error: unknown;
    try {
      parseEnv({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`Invalid environment variable ${name}=${JSON.stringify(value)}`);
  });
});

// The reminders of the yearly cycle (issue 6): when they go out, who hears about what, the digests' text.
export * from './reminder-schedule.js';
export * from './reminder-plan.js';
export {
  DIGEST_LIST_LIMIT,
  digestDedupeKey,
  digestMail,
  type DigestSection,
  type DigestUnit,
  type ReminderDigest,
  type ReminderRole,
} from './reminder-digest.js';

// The worker's repositories (issue 6), a subpath of its own (`@antoan/db/worker`): job runs and their claims,
// notifications, the mail outbox, the reminder inputs and runs, statistics snapshots and their requests.
export * from './job-runs.repository.js';
export * from './notifications.repository.js';
export * from './outbox.repository.js';
export * from './reminders.repository.js';
export * from './snapshots.repository.js';

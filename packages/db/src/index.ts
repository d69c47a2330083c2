export type * from './schema.js';
export * from './migrate.js';
export * from './area.repository.js';
export * from './unit.repository.js';
export * from './user.repository.js';
export * from './audit.repository.js';
export * from './records.repository.js';

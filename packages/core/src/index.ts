/**
 * @packageDocumentation
 * `@antoan/core`: the rules of the standard "An toàn về an ninh, trật tự" as a pure TypeScript library.
 * No I/O and no clock: every function that depends on time takes it as an argument.
 */
export * from './units.js';
export * from './text.js';
export * from './errors.js';
export * from './unit.schema.js';
export * from './collation.js';
export * from './area-tree.js';
export * from './validation.js';
export * from './roles.js';
export * from './user.schema.js';
export * from './records.schema.js';
export * from './cycle.js';

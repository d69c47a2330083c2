// The load → core → save compositions that the server (through the API) and the worker share: the one writer
// of stored results and the one summary builder. Repositories stay in @antoan/db; rules stay in @antoan/core.
export * from './results.service.js';
export * from './summary.service.js';
export * from './snapshot.service.js';
export * from './reference.service.js';
export * from './export.service.js';
export * from './reorganisation.service.js';
export * from './audited.js';
export * from './assessment.service.js';
export * from './records.service.js';
export * from './grading.service.js';
export * from './unit.service.js';
export * from './reorganisation-preview.service.js';
export * from './demo.service.js';

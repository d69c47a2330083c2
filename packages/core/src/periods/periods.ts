// Periods in Vietnam time (Asia/Ho_Chi_Minh, UTC+7), by subject: the yearly evaluation windows, the reporting
// periods (quarters, six months, year) and the deadline calendar.
export * from './evaluation-windows.js';
export * from './reporting-periods.js';
export * from './deadline-calendar.js';

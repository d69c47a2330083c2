import { assessmentsRouter } from './router/assessments.router.js';
import { auditRouter } from './router/audit.router.js';
import { gradingRouter } from './router/grading.router.js';
import { inboxRouter } from './router/inbox.router.js';
import { outboxRouter } from './router/outbox.router.js';
import { snapshotsRouter } from './router/snapshots.router.js';
import { statsRouter } from './router/stats.router.js';
import { areasRouter } from './router/areas.router.js';
import { authRouter } from './router/auth.router.js';
import { awardsRouter } from './router/awards.router.js';
import { incidentsRouter } from './router/incidents.router.js';
import { modelsRouter } from './router/models.router.js';
import { reportsRouter } from './router/reports.router.js';
import { importsRouter } from './router/imports.router.js';
import { unitsRouter } from './router/units.router.js';
import { usersRouter } from './router/users.router.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
  areas: areasRouter,
  units: unitsRouter,
  incidents: incidentsRouter,
  reports: reportsRouter,
  models: modelsRouter,
  awards: awardsRouter,
  assessments: assessmentsRouter,
  grading: gradingRouter,
  stats: statsRouter,
  inbox: inboxRouter,
  outbox: outboxRouter,
  snapshots: snapshotsRouter,
  imports: importsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

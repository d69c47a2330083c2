import { areasRouter } from './router/areas.router.js';
import { unitsRouter } from './router/units.router.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  areas: areasRouter,
  units: unitsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

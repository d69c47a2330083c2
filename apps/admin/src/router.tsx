import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  retainSearchParams,
} from '@tanstack/react-router';
import { AuthGate } from './layout/AuthGate.js';
import { NotFound } from './layout/NotFound.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { validateAppSearch } from './lib/scope.js';

// Code-based routes with typed params; every page but the dashboard is loaded on first visit.

const rootRoute = createRootRoute({
  component: AuthGate,
  notFoundComponent: NotFound,
  validateSearch: validateAppSearch,
  search: { middlewares: [retainSearchParams(['area', 'year'])] },
});

const unitIdParams = {
  parse: (params: { unitId: string }) => ({ unitId: Number(params.unitId) }),
  stringify: (params: { unitId: number }) => ({ unitId: String(params.unitId) }),
};
const unitYearParams = {
  parse: (params: { unitId: string; year: string }) => ({ unitId: Number(params.unitId), year: Number(params.year) }),
  stringify: (params: { unitId: number; year: number }) => ({
    unitId: String(params.unitId),
    year: String(params.year),
  }),
};

const route = <P extends string>(path: P, component: Parameters<typeof createRoute>[0]['component']) =>
  createRoute({ getParentRoute: () => rootRoute, path, component });

export const dashboardRoute = route('/', DashboardPage);
export const unitsRoute = route(
  '/units',
  lazyRouteComponent(() => import('./pages/UnitsPage.js'), 'UnitsPage'),
);
export const unitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/units/$unitId',
  params: unitIdParams,
  component: lazyRouteComponent(() => import('./pages/UnitPage.js'), 'UnitPage'),
});
export const assessmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/units/$unitId/assessment/$year',
  params: unitYearParams,
  component: lazyRouteComponent(() => import('./pages/AssessmentPage.js'), 'AssessmentPage'),
});
export const gradingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/units/$unitId/grading/$year',
  params: unitYearParams,
  component: lazyRouteComponent(() => import('./pages/GradingPage.js'), 'GradingPage'),
});
export const modelsRoute = route(
  '/models',
  lazyRouteComponent(() => import('./pages/ModelsPage.js'), 'ModelsPage'),
);
export const awardsRoute = route(
  '/awards',
  lazyRouteComponent(() => import('./pages/AwardsPage.js'), 'AwardsPage'),
);
export const incidentsRoute = route(
  '/incidents',
  lazyRouteComponent(() => import('./pages/IncidentsPage.js'), 'IncidentsPage'),
);
export const reportsRoute = route(
  '/reports',
  lazyRouteComponent(() => import('./pages/ReportsPage.js'), 'ReportsPage'),
);
export const inboxRoute = route(
  '/inbox',
  lazyRouteComponent(() => import('./pages/InboxPage.js'), 'InboxPage'),
);
export const importRoute = route(
  '/import',
  lazyRouteComponent(() => import('./pages/ImportPage.js'), 'ImportPage'),
);
export const reorganiseRoute = route(
  '/reorganise',
  lazyRouteComponent(() => import('./pages/ReorganisationPage.js'), 'ReorganisationPage'),
);
export const catalogueRoute = route(
  '/catalogue',
  lazyRouteComponent(() => import('./pages/CataloguePage.js'), 'CataloguePage'),
);

export const usersRoute = route(
  '/users',
  lazyRouteComponent(() => import('./pages/UsersPage.js'), 'UsersPage'),
);
export const auditRoute = route(
  '/audit',
  lazyRouteComponent(() => import('./pages/AuditPage.js'), 'AuditPage'),
);
export const accountRoute = route(
  '/account',
  lazyRouteComponent(() => import('./pages/AccountPage.js'), 'AccountPage'),
);

const routeTree = rootRoute.addChildren([
  dashboardRoute,
  unitsRoute,
  unitRoute,
  assessmentRoute,
  gradingRoute,
  modelsRoute,
  awardsRoute,
  incidentsRoute,
  reportsRoute,
  inboxRoute,
  importRoute,
  reorganiseRoute,
  catalogueRoute,
  usersRoute,
  auditRoute,
  accountRoute,
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

import type { Permission } from '@antoan/core';
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  retainSearchParams,
  type StaticDataRouteOption,
} from '@tanstack/react-router';
import type { MessageKey } from './i18n.js';
import { AuthGate } from './layout/AuthGate.js';
import { NotFound } from './layout/NotFound.js';
import { validateAppSearch } from './lib/scope.js';
import { DashboardPage } from './pages/DashboardPage.js';

// Every route of the SPA, in this one module: code-based routes with typed params; every page but the dashboard
// is loaded on first visit. Pages read their params through `getRouteApi(path)` and the layout builds the
// navigation from the routes' `staticData.nav` (layout/navigation.ts): neither imports this module back.

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
  interface StaticDataRouteOption {
    /**
     * The route's entry in the main navigation, in the order of the route tree; `permission`: only the roles
     * that have it (core's PERMISSIONS) see it (the server refuses the others anyway). Every entry a role sees opens without an error for that role
     * (e2e/accounts.e2e.ts walks them).
     */
    nav?: { label: MessageKey; permission?: Permission };
  }
}

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

type Component = Parameters<typeof createRoute>[0]['component'];
type StaticNav = NonNullable<StaticDataRouteOption['nav']>;

/** A page without params; `nav`: its entry in the main navigation. */
const page = <P extends string>(path: P, component: Component, nav?: StaticNav) =>
  createRoute({ getParentRoute: () => rootRoute, path, component, staticData: { nav } });

const dashboardRoute = page('/', DashboardPage, { label: 'nav_dashboard', permission: 'areas.browse' });
const unitsRoute = page(
  '/units',
  lazyRouteComponent(() => import('./pages/UnitsPage.js'), 'UnitsPage'),
  { label: 'nav_units', permission: 'areas.browse' },
);
const unitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/units/$unitId',
  params: unitIdParams,
  component: lazyRouteComponent(() => import('./pages/UnitPage.js'), 'UnitPage'),
});
const assessmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/units/$unitId/assessment/$year',
  params: unitYearParams,
  component: lazyRouteComponent(() => import('./pages/AssessmentPage.js'), 'AssessmentPage'),
});
const gradingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/units/$unitId/grading/$year',
  params: unitYearParams,
  component: lazyRouteComponent(() => import('./pages/grading/GradingPage.js'), 'GradingPage'),
});
const modelsRoute = page(
  '/models',
  lazyRouteComponent(() => import('./pages/ModelsPage.js'), 'ModelsPage'),
  { label: 'nav_models', permission: 'areas.browse' },
);
const awardsRoute = page(
  '/awards',
  lazyRouteComponent(() => import('./pages/AwardsPage.js'), 'AwardsPage'),
  { label: 'nav_awards', permission: 'areas.browse' },
);
const incidentsRoute = page(
  '/incidents',
  lazyRouteComponent(() => import('./pages/IncidentsPage.js'), 'IncidentsPage'),
  { label: 'nav_incidents' },
);
const reportsRoute = page(
  '/reports',
  lazyRouteComponent(() => import('./pages/ReportsPage.js'), 'ReportsPage'),
  { label: 'nav_reports' },
);
const inboxRoute = page(
  '/inbox',
  lazyRouteComponent(() => import('./pages/InboxPage.js'), 'InboxPage'),
  { label: 'nav_inbox' },
);
const importRoute = page(
  '/import',
  lazyRouteComponent(() => import('./pages/ImportPage.js'), 'ImportPage'),
  { label: 'nav_import', permission: 'areas.browse' },
);
const reorganiseRoute = page(
  '/reorganise',
  lazyRouteComponent(() => import('./pages/ReorganisationPage.js'), 'ReorganisationPage'),
  { label: 'nav_reorganise', permission: 'areas.reorganise' },
);
const catalogueRoute = page(
  '/catalogue',
  lazyRouteComponent(() => import('./pages/CataloguePage.js'), 'CataloguePage'),
  { label: 'nav_catalogue', permission: 'catalogue.browse' },
);
const usersRoute = page(
  '/users',
  lazyRouteComponent(() => import('./pages/UsersPage.js'), 'UsersPage'),
  { label: 'nav_users', permission: 'users.manage' },
);
const auditRoute = page(
  '/audit',
  lazyRouteComponent(() => import('./pages/AuditPage.js'), 'AuditPage'),
  { label: 'nav_audit', permission: 'audit.read' },
);
const accountRoute = page(
  '/account',
  lazyRouteComponent(() => import('./pages/AccountPage.js'), 'AccountPage'),
  { label: 'nav_account' },
);

// The order of the children is the order of the navigation.
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

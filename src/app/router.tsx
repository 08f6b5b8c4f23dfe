import { Outlet, createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { AuthGate } from '../auth/auth-gate';
import { catalogsSearchSchema } from '../features/catalogs/catalogs-search';
import { catalogReadinessSearchSchema } from '../features/readiness/readiness-search';
import { newSessionSearchSchema } from '../features/reviews/new-session-search';
import { filesQueryFromSearch } from '../features/sessions/files-query';
import { resourceSearchSchema } from '../features/sessions/resource-search';
import { sessionSearchSchema } from '../features/sessions/session-search';
import { sessionsQueryFromSearch } from '../features/sessions/sessions-query';
import { Breadcrumbs } from './breadcrumbs';
import { NotFoundPage } from './not-found-page';
import { PendingPage } from './pending-page';
import { loadCatalog, loadCatalogs, loadResource, loadSession, type RouteContext } from './route-data';

/** Pages render, and so call Graph, only once MSAL is idle; the router meanwhile loads their code. */
function SignedInLayout() {
  return (
    <AuthGate>
      <Breadcrumbs />
      <Outlet />
    </AuthGate>
  );
}

const rootRoute = createRootRouteWithContext<RouteContext>()({
  component: SignedInLayout,
  notFoundComponent: NotFoundPage,
});

// Each page loads with its own chunk, so the sign-in page does not wait for the tables, dialogs and upload queue.
const catalogsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: catalogsSearchSchema,
  loader: ({ context }) => loadCatalogs(context),
  component: lazyRouteComponent(() => import('./routes/catalogs-route'), 'CatalogsRoute'),
});

const catalogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalogs/$catalogId',
  validateSearch: catalogReadinessSearchSchema,
  loader: ({ context, params }) => loadCatalog(context, params.catalogId),
  component: lazyRouteComponent(() => import('./routes/catalog-route'), 'CatalogRoute'),
});

const resourceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalogs/$catalogId/resources/$resourceId',
  // The sessions' view, and the review instance a link asks "New upload session" to open with.
  validateSearch: resourceSearchSchema.extend(newSessionSearchSchema.shape),
  loaderDeps: ({ search }) => ({ sessions: sessionsQueryFromSearch(search) }),
  loader: ({ context, params, deps }) => loadResource(context, params, deps.sessions),
  component: lazyRouteComponent(() => import('./routes/resource-route'), 'ResourceRoute'),
});

const sessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalogs/$catalogId/resources/$resourceId/sessions/$sessionId',
  validateSearch: sessionSearchSchema,
  // The files view only: the page number pages through the same answer, it needs no request of its own.
  loaderDeps: ({ search }) => ({ files: filesQueryFromSearch(search) }),
  loader: ({ context, params, deps }) => loadSession(context, params, deps.files),
  component: lazyRouteComponent(() => import('./routes/session-route'), 'SessionRoute'),
});

const routeTree = rootRoute.addChildren([catalogsRoute, catalogRoute, resourceRoute, sessionRoute]);

export function createAppRouter(context: RouteContext) {
  return createRouter({
    routeTree,
    context,
    defaultPreload: 'intent',
    defaultPendingComponent: PendingPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

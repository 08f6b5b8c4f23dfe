import type { QueryClient } from '@tanstack/react-query';
import { Outlet, createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { AuthGate } from '../auth/auth-gate';
import { catalogsSearchSchema } from '../features/catalogs/catalogs-search';
import { resourceSearchSchema } from '../features/sessions/resource-search';
import { sessionSearchSchema } from '../features/sessions/session-search';
import { Breadcrumbs } from './breadcrumbs';
import { NotFoundPage } from './not-found-page';
import { PendingPage } from './pending-page';

interface RouterContext {
  queryClient: QueryClient;
}

/** Pages render, and so call Graph, only once MSAL is idle; the router meanwhile loads their code. */
function SignedInLayout() {
  return (
    <AuthGate>
      <Breadcrumbs />
      <Outlet />
    </AuthGate>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: SignedInLayout,
  notFoundComponent: NotFoundPage,
});

// Each page loads with its own chunk, so the sign-in page does not wait for the tables, dialogs and upload queue.
const catalogsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: catalogsSearchSchema,
  component: lazyRouteComponent(() => import('./routes/catalogs-route'), 'CatalogsRoute'),
});

const catalogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalogs/$catalogId',
  component: lazyRouteComponent(() => import('./routes/catalog-route'), 'CatalogRoute'),
});

const resourceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalogs/$catalogId/resources/$resourceId',
  validateSearch: resourceSearchSchema,
  component: lazyRouteComponent(() => import('./routes/resource-route'), 'ResourceRoute'),
});

const sessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalogs/$catalogId/resources/$resourceId/sessions/$sessionId',
  validateSearch: sessionSearchSchema,
  component: lazyRouteComponent(() => import('./routes/session-route'), 'SessionRoute'),
});

const routeTree = rootRoute.addChildren([catalogsRoute, catalogRoute, resourceRoute, sessionRoute]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
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

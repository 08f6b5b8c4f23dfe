import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter } from '@tanstack/react-router';
import { CatalogPage } from '../features/catalogs/components/catalog-page';
import { CatalogsPage } from '../features/catalogs/components/catalogs-page';
import { ResourcePage } from '../features/sessions/components/resource-page';
import { SessionPage } from '../features/sessions/components/session-page';
import { NotFoundPage } from './not-found-page';
import { Shell } from './shell';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Shell,
  notFoundComponent: NotFoundPage,
});

const catalogsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: CatalogsPage,
});

const catalogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalogs/$catalogId',
  component: function CatalogRoute() {
    const { catalogId } = catalogRoute.useParams();
    return <CatalogPage catalogId={catalogId} />;
  },
});

const resourceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalogs/$catalogId/resources/$resourceId',
  component: function ResourceRoute() {
    const params = resourceRoute.useParams();
    return <ResourcePage {...params} />;
  },
});

const sessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalogs/$catalogId/resources/$resourceId/sessions/$sessionId',
  component: function SessionRoute() {
    const params = sessionRoute.useParams();
    return <SessionPage {...params} />;
  },
});

const routeTree = rootRoute.addChildren([catalogsRoute, catalogRoute, resourceRoute, sessionRoute]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

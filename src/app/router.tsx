import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter } from '@tanstack/react-router';
import { CatalogPage } from '../features/catalogs/components/catalog-page';
import { catalogsSearchSchema } from '../features/catalogs/catalogs-search';
import { CatalogsPage } from '../features/catalogs/components/catalogs-page';
import { ResourcePage } from '../features/sessions/components/resource-page';
import { SessionPage } from '../features/sessions/components/session-page';
import { resourceSearchSchema } from '../features/sessions/resource-search';
import { sessionSearchSchema } from '../features/sessions/session-search';
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
  validateSearch: catalogsSearchSchema,
  component: function CatalogsRoute() {
    const search = catalogsRoute.useSearch();
    const navigate = catalogsRoute.useNavigate();
    return <CatalogsPage search={search} onSearchChange={(next) => void navigate({ search: next, replace: true })} />;
  },
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
  validateSearch: resourceSearchSchema,
  component: function ResourceRoute() {
    const params = resourceRoute.useParams();
    const search = resourceRoute.useSearch();
    const navigate = resourceRoute.useNavigate();
    return <ResourcePage {...params} search={search} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const sessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalogs/$catalogId/resources/$resourceId/sessions/$sessionId',
  validateSearch: sessionSearchSchema,
  component: function SessionRoute() {
    const params = sessionRoute.useParams();
    const search = sessionRoute.useSearch();
    const navigate = sessionRoute.useNavigate();
    return <SessionPage {...params} search={search} onSearchChange={(next) => void navigate({ search: next })} />;
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

import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter } from '@tanstack/react-router';
import { CatalogPage } from '../features/catalogs/components/catalog-page';
import { catalogsSearchSchema } from '../features/catalogs/catalogs-search';
import { CatalogsPage } from '../features/catalogs/components/catalogs-page';
import { ResourcePage } from '../features/sessions/components/resource-page';
import { SessionPage } from '../features/sessions/components/session-page';
import { resourceSearchSchema } from '../features/sessions/resource-search';
import { sessionSearchSchema } from '../features/sessions/session-search';
import { NewSessionButton } from '../features/reviews/components/new-session-button';
import { UploadWindowNotice } from '../features/reviews/components/upload-window-notice';
import { SessionActions } from '../features/upload/components/session-actions';
import { UploadPanel } from '../features/upload/components/upload-panel';
import { UploadSessionProvider } from '../features/upload/components/upload-session-provider';
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
    return (
      <ResourcePage
        {...params}
        search={search}
        onSearchChange={(next) => void navigate({ search: next })}
        actions={
          <NewSessionButton
            {...params}
            onOpenSession={({ session }) =>
              void navigate({ to: '/catalogs/$catalogId/resources/$resourceId/sessions/$sessionId', params: { ...params, sessionId: session.id } })
            }
          />
        }
      />
    );
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
    return (
      // One upload queue per session: a new session id starts a new one.
      <UploadSessionProvider key={params.sessionId} ids={params}>
        <SessionPage
          {...params}
          search={search}
          onSearchChange={(next) => void navigate({ search: next })}
          renderActions={(session) => (
            <SessionActions
              session={session}
              onDeleted={() => navigate({ to: '/catalogs/$catalogId/resources/$resourceId', params })}
            />
          )}
          renderUploadPanel={(session) => (
            <>
              <UploadWindowNotice session={session} />
              <UploadPanel session={session} />
            </>
          )}
        />
      </UploadSessionProvider>
    );
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

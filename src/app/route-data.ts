import type { QueryClient } from '@tanstack/react-query';
import { coversCatalog, reviewDefinitionsQueryOptions, reviewInstancesQueryOptions } from '../graph/access-reviews';
import { catalogListQueryOptions, catalogQueryOptions } from '../graph/catalogs';
import type { GraphClient } from '../graph/graph-client';
import { customDataResourcesQueryOptions, resourceCountQueryOptions, resourceQueryOptions, type ResourceIds } from '../graph/resources';
import { sessionFilesQueryOptions, type FilesQuery } from '../graph/session-files';
import { uploadSessionListQueryOptions, uploadSessionQueryOptions, uploadSessionsOverviewQueryOptions, type SessionIds, type SessionsQuery } from '../graph/upload-sessions';

export interface RouteContext {
  queryClient: QueryClient;
  graphClient: GraphClient;
}

/**
 * What each route loads before its page renders (and on hover, with `defaultPreload: 'intent'`): the same queries
 * the pages read, so a page finds its data in the cache or on its way and never asks twice. Loaders start the
 * requests and return at once: the pages show their own loading and error states, a failed request stays in the
 * cache as the page's error. Requests that need an earlier answer start as soon as it arrives, not when the page
 * renders.
 */
const start = <T>(promise: Promise<T>) => promise.catch(() => undefined);

/** The review definitions, then the instances of those that cover one of the catalogs. */
function reviewNames({ queryClient, graphClient }: RouteContext, catalogIds: string[]) {
  void start(
    queryClient.ensureQueryData(reviewDefinitionsQueryOptions(graphClient)).then((definitions) =>
      definitions
        .filter((definition) => catalogIds.some((catalogId) => coversCatalog(definition, catalogId)))
        .forEach((definition) => void start(queryClient.ensureQueryData(reviewInstancesQueryOptions(graphClient, definition.id)))),
    ),
  );
}

/** The catalogs, and the review instances of all of them for the open upload windows. */
export function loadCatalogs(context: RouteContext) {
  const { queryClient, graphClient } = context;
  void start(
    queryClient.ensureQueryData(catalogListQueryOptions(graphClient)).then((catalogs) => {
      reviewNames(context, catalogs.map((catalog) => catalog.id));
    }),
  );
}

export function loadCatalog(context: RouteContext, catalogId: string) {
  const { queryClient, graphClient } = context;
  reviewNames(context, [catalogId]);
  void start(queryClient.ensureQueryData(catalogQueryOptions(graphClient, catalogId)));
  void start(queryClient.ensureQueryData(resourceCountQueryOptions(graphClient, catalogId)));
  void start(
    queryClient.ensureQueryData(customDataResourcesQueryOptions(graphClient, catalogId)).then((resources) =>
      resources.forEach(
        (resource) => void start(queryClient.ensureQueryData(uploadSessionsOverviewQueryOptions(graphClient, { catalogId, resourceId: resource.id }))),
      ),
    ),
  );
}

export function loadResource(context: RouteContext, ids: ResourceIds, sessions: SessionsQuery) {
  const { queryClient, graphClient } = context;
  void start(queryClient.ensureQueryData(catalogQueryOptions(graphClient, ids.catalogId)));
  void start(queryClient.ensureQueryData(resourceQueryOptions(graphClient, ids)));
  void start(queryClient.ensureQueryData(uploadSessionListQueryOptions(graphClient, ids, sessions)));
  reviewNames(context, [ids.catalogId]);
}

export function loadSession(context: RouteContext, ids: SessionIds, files: FilesQuery) {
  const { queryClient, graphClient } = context;
  void start(queryClient.ensureQueryData(catalogQueryOptions(graphClient, ids.catalogId)));
  void start(queryClient.ensureQueryData(resourceQueryOptions(graphClient, ids)));
  void start(queryClient.ensureQueryData(uploadSessionQueryOptions(graphClient, ids)));
  void start(queryClient.ensureQueryData(sessionFilesQueryOptions(graphClient, ids, files)));
  reviewNames(context, [ids.catalogId]);
}

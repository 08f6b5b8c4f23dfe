import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { queryKeys } from '../../../graph/query-keys';
import { reviewDefinitionSchema, type ReviewDefinition } from '../../../graph/schemas';

/** GET /identityGovernance/accessReviews/definitions, every page. Graph cannot filter on the scope, so we do. */
export async function listReviewDefinitions(client: GraphClient, signal?: AbortSignal) {
  const page = await client.listAll(client.paths.reviewDefinitions(), reviewDefinitionSchema, { signal });
  return page.items;
}

/** Catalog reviews name the catalog in their resource scopes (graph-api.md §3.4). */
export const coversCatalog = (definition: ReviewDefinition, catalogId: string) =>
  definition.scope?.resourceScopes?.some((scope) => scope.resourceId === catalogId) ?? false;

export const listReviewDefinitionsQueryOptions = (client: GraphClient) =>
  queryOptions({
    queryKey: queryKeys.reviewDefinitions(),
    queryFn: ({ signal }) => listReviewDefinitions(client, signal),
  });

/** The access reviews that cover a catalog, by name. */
export function useCatalogReviewDefinitions(catalogId: string, enabled = true) {
  const select = useCallback(
    (definitions: ReviewDefinition[]) =>
      definitions
        .filter((definition) => coversCatalog(definition, catalogId))
        .sort((a, b) => (a.displayName ?? a.id).localeCompare(b.displayName ?? b.id)),
    [catalogId],
  );
  return useQuery({ ...listReviewDefinitionsQueryOptions(useGraphClient()), enabled, select });
}

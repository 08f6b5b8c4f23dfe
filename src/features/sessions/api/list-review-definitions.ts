import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../graph/query-keys';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { reviewDefinitionSchema } from '../../../graph/schemas';

/** GET /identityGovernance/accessReviews/definitions, every page: to name the review instances sessions belong to. */
export async function listReviewDefinitions(client: GraphClient, signal?: AbortSignal) {
  const page = await client.listAll(client.paths.reviewDefinitions(), reviewDefinitionSchema, { signal });
  return page.items;
}

export const listReviewDefinitionsQueryOptions = (client: GraphClient) =>
  queryOptions({
    // The reviews feature caches the same list under the same key: one request serves both.
    queryKey: queryKeys.reviewDefinitions(),
    queryFn: ({ signal }) => listReviewDefinitions(client, signal),
    staleTime: 5 * 60_000,
  });

export function useReviewDefinitions() {
  return useQuery(listReviewDefinitionsQueryOptions(useGraphClient()));
}

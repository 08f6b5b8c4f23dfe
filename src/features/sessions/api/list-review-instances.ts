import { queryOptions, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { queryKeys } from '../../../graph/query-keys';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { reviewInstanceSchema, type ReviewInstance } from '../../../graph/schemas';

/** GET /identityGovernance/accessReviews/definitions/{id}/instances, every page. */
export async function listReviewInstances(client: GraphClient, definitionId: string, signal?: AbortSignal) {
  const page = await client.listAll(client.paths.reviewInstances(definitionId), reviewInstanceSchema, { signal });
  return page.items;
}

export const listReviewInstancesQueryOptions = (client: GraphClient, definitionId: string) =>
  queryOptions({
    // Shared with the reviews feature, like the definitions: the same list under the same key.
    queryKey: queryKeys.reviewInstances(definitionId),
    queryFn: ({ signal }) => listReviewInstances(client, definitionId, signal),
    staleTime: 5 * 60_000,
  });

// Module-level, so useQueries re-combines only when one of the queries changes.
const combineInstances = (results: UseQueryResult<ReviewInstance[]>[]) => ({ data: results.map((result) => result.data) });

/** The instances of several definitions at once (one cached query each), in the order of `definitionIds`. */
export function useReviewInstances(definitionIds: string[]) {
  const client = useGraphClient();
  return useQueries({
    queries: definitionIds.map((id) => listReviewInstancesQueryOptions(client, id)),
    combine: combineInstances,
  });
}

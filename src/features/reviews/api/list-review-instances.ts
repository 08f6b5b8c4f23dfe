import { queryOptions, useQuery } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { queryKeys } from '../../../graph/query-keys';
import { reviewInstanceSchema, type ReviewInstance } from '../../../graph/schemas';

/** GET /identityGovernance/accessReviews/definitions/{id}/instances, every page, as Graph sends them. */
export async function listReviewInstances(client: GraphClient, definitionId: string, signal?: AbortSignal) {
  const page = await client.listAll(client.paths.reviewInstances(definitionId), reviewInstanceSchema, { signal });
  return page.items;
}

const startOf = (instance: ReviewInstance) => Date.parse(instance.startDateTime ?? '') || 0;
// The sessions feature caches the same list under the same key, so the order is applied when reading, not fetching.
const newestFirst = (instances: ReviewInstance[]) => [...instances].sort((a, b) => startOf(b) - startOf(a));

export const listReviewInstancesQueryOptions = (client: GraphClient, definitionId: string) =>
  queryOptions({
    queryKey: queryKeys.reviewInstances(definitionId),
    queryFn: ({ signal }) => listReviewInstances(client, definitionId, signal),
    // Statuses move on (Initializing → Active) within the two-hour window: never trust an old list.
    staleTime: 0,
  });

export function useReviewInstances(definitionId: string | undefined) {
  return useQuery({
    ...listReviewInstancesQueryOptions(useGraphClient(), definitionId ?? ''),
    enabled: Boolean(definitionId),
    select: newestFirst,
  });
}

import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { listReviewInstancesQueryOptions } from '../../../graph/access-reviews';
import { useGraphClient } from '../../../graph/graph-client-context';
import type { ReviewInstance } from '../../../graph/schemas';

// Module-level, so useQueries re-combines only when one of the queries changes.
const combineInstances = (results: UseQueryResult<ReviewInstance[]>[]) => ({ data: results.map((result) => result.data) });

/** The instances of several definitions at once (one cached query each), in the order of `definitionIds`. */
export function useReviewInstances(definitionIds: string[]) {
  const client = useGraphClient();
  return useQueries({
    queries: definitionIds.map((id) => ({ ...listReviewInstancesQueryOptions(client, id), staleTime: 5 * 60_000 })),
    combine: combineInstances,
  });
}

import { useQuery } from '@tanstack/react-query';
import { listReviewInstancesQueryOptions } from '../../../graph/access-reviews';
import { useGraphClient } from '../../../graph/graph-client-context';
import type { ReviewInstance } from '../../../graph/schemas';

const startOf = (instance: ReviewInstance) => Date.parse(instance.startDateTime ?? '') || 0;
const newestFirst = (instances: ReviewInstance[]) => [...instances].sort((a, b) => startOf(b) - startOf(a));

/** A review's instances, newest first. */
export function useReviewInstances(definitionId: string | undefined) {
  return useQuery({
    ...listReviewInstancesQueryOptions(useGraphClient(), definitionId ?? ''),
    enabled: Boolean(definitionId),
    // Statuses move on (Initializing → Active) within the two-hour window: never trust an old list.
    staleTime: 0,
    select: newestFirst,
  });
}

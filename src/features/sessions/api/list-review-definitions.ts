import { useQuery } from '@tanstack/react-query';
import { listReviewDefinitionsQueryOptions } from '../../../graph/access-reviews';
import { useGraphClient } from '../../../graph/graph-client-context';

/** Every access review definition, to name the review instances sessions belong to. */
export function useReviewDefinitions() {
  return useQuery({ ...listReviewDefinitionsQueryOptions(useGraphClient()), staleTime: 5 * 60_000 });
}

import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { reviewDefinitionsQueryOptions, reviewInstancesQueryOptions } from '../../graph/access-reviews';
import { useGraphClient } from '../../graph/graph-client-context';
import { queryKeys } from '../../graph/query-keys';
import { resourceQueryOptions, type ResourceIds } from '../../graph/resources';
import type { ReviewInstance } from '../../graph/schemas';
import { sessionFilesQueryOptions, type FilesQuery } from '../../graph/session-files';
import { uploadSessionListQueryOptions, uploadSessionQueryOptions, type SessionIds, type SessionsQuery } from '../../graph/upload-sessions';
import { keepPreviousWithin } from './keep-previous-within';

/** The sessions pages' reads: the Graph modules' queries (the route loaders start the same ones), plus what the views need. */

export const useResource = (ids: ResourceIds) => useQuery(resourceQueryOptions(useGraphClient(), ids));

/** A page of sessions; another filter, sort or page keeps the previous rows on screen while it loads. */
export function useUploadSessions(ids: ResourceIds, query: SessionsQuery) {
  return useQuery({
    ...uploadSessionListQueryOptions(useGraphClient(), ids, query),
    placeholderData: keepPreviousWithin(queryKeys.uploadSessions(ids)),
  });
}

export const useUploadSession = (ids: SessionIds) => useQuery(uploadSessionQueryOptions(useGraphClient(), ids));

/** The files the session page shows (filtered and sorted by Graph), which also feed its size chart. */
export function useSessionFilesView(ids: SessionIds, query: FilesQuery) {
  return useQuery({
    ...sessionFilesQueryOptions(useGraphClient(), ids, query),
    placeholderData: keepPreviousWithin(queryKeys.uploadSession(ids)),
  });
}

/** Every access review definition, to name the review instances sessions belong to. */
export const useReviewDefinitions = () => useQuery(reviewDefinitionsQueryOptions(useGraphClient()));

// Module-level, so useQueries re-combines only when one of the queries changes.
const combineInstances = (results: UseQueryResult<ReviewInstance[]>[]) => ({ data: results.map((result) => result.data) });

/** The instances of several definitions at once (one cached query each), in the order of `definitionIds`. */
export function useInstancesOfDefinitions(definitionIds: string[]) {
  const client = useGraphClient();
  return useQueries({
    queries: definitionIds.map((id) => reviewInstancesQueryOptions(client, id)),
    combine: combineInstances,
  });
}

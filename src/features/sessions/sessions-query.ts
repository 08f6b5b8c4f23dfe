import { graphStatusFilter } from '../../graph/session-status';
import type { SessionsQuery } from '../../graph/upload-sessions';
import type { ResourceSearch } from './resource-search';

/** The resource page's address, as the page of sessions Graph is asked for (the OData is built in src/graph). */
export function sessionsQueryFromSearch(search: ResourceSearch): SessionsQuery {
  return {
    status: search.status === 'all' ? undefined : graphStatusFilter(search.status),
    referenceId: search.review,
    direction: search.sort,
    top: search.pageSize,
    skip: (search.page - 1) * search.pageSize,
  };
}

import buildQuery from 'odata-query';
import type { ResourceSearch } from './resource-search';

/** One page of a resource's upload sessions, as Graph is asked for it. */
export interface SessionsQuery {
  status?: string;
  referenceId?: string;
  direction: 'asc' | 'desc';
  top: number;
  skip: number;
}

export function sessionsQueryFromSearch(search: ResourceSearch): SessionsQuery {
  return {
    status: search.status === 'all' ? undefined : search.status,
    referenceId: search.review,
    direction: search.sort,
    top: search.pageSize,
    skip: (search.page - 1) * search.pageSize,
  };
}

/**
 * `?$filter=status eq '…' and referenceId eq '…'&$orderby=createdDateTime desc&$count=true&$top=…&$skip=…`:
 * Graph filters, sorts, counts and pages (graph-api.md §2.3); odata-query quotes and encodes the values.
 */
export function buildSessionsQuery(query: SessionsQuery): string {
  const filter: Record<string, string> = {};
  if (query.status) filter.status = query.status;
  if (query.referenceId) filter.referenceId = query.referenceId;
  return buildQuery({
    filter: Object.keys(filter).length > 0 ? filter : undefined,
    orderBy: `createdDateTime ${query.direction}`,
    count: true,
    top: query.top,
    skip: query.skip > 0 ? query.skip : undefined,
  });
}

import { queryOptions } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import { namesInSession } from './file-identity';
import type { GraphClient } from './graph-client';
import { queryKeys } from './query-keys';
import { uploadSessionSchema, type UploadedFile, type UploadSession } from './schemas';
import type { SessionIds } from './upload-sessions';

/** What Graph documents for a session's files (docs/graph-contract.md §1.4): name eq/ne; size and uploadedDateTime all six. */
export const fileSortKeys = ['name', 'size', 'uploadedDateTime'] as const;
export type FileSortKey = (typeof fileSortKeys)[number];
export const nameOperators = ['eq', 'ne'] as const;
export const comparisonOperators = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
export type NameOperator = (typeof nameOperators)[number];
export type ComparisonOperator = (typeof comparisonOperators)[number];

/** A view of a session's files as Graph is asked for it: one sort key and up to one filter per property, joined with `and`. */
export interface FilesQuery {
  sort: { key: FileSortKey; direction: 'asc' | 'desc' };
  name?: { op: NameOperator; value: string };
  /** Files with any of these names (`name eq … or name eq …`), to find one chosen file however it was stored. */
  anyName?: string[];
  size?: { op: ComparisonOperator; bytes: number };
  /** An instant in UTC, ISO 8601. */
  uploaded?: { op: ComparisonOperator; at: string };
}

/** Every file of the session, by name: what decisions (upload again? finalize these?) are made on. */
export const allFilesQuery: FilesQuery = { sort: { key: 'name', direction: 'asc' } };

/**
 * `?$expand=files($filter=…;$orderby=…)`: Graph filters and sorts the files inside the session (docs/graph-contract.md
 * §2.3). odata-query doubles quotes and percent-encodes each value, so names with `'`, `#`, `%`, `&` or `;` survive.
 */
export function buildFilesQuery(query: FilesQuery): string {
  const filter: Record<string, unknown>[] = [];
  if (query.name) filter.push({ name: { [query.name.op]: query.name.value } });
  if (query.anyName?.length) filter.push(query.anyName.length === 1 ? { name: query.anyName[0] } : { or: query.anyName.map((name) => ({ name })) });
  if (query.size) filter.push({ size: { [query.size.op]: query.size.bytes } });
  if (query.uploaded) filter.push({ uploadedDateTime: { [query.uploaded.op]: new Date(query.uploaded.at) } });
  const orderBy = `${query.sort.key} ${query.sort.direction}`;
  return buildQuery({ expand: { files: filter.length > 0 ? { filter, orderBy } : { orderBy } } });
}

export interface SessionFilesView {
  /** The session as Graph sent it with these files: its stats and status are as fresh as the files. */
  session: UploadSession;
  files: UploadedFile[];
}

/**
 * GET …/uploadSessions/{id}?$expand=files(…): Graph has no files collection to page, so the matching files come back
 * whole, inside the session (docs/graph-contract.md §1.4).
 */
export async function listSessionFiles(client: GraphClient, ids: SessionIds, query: FilesQuery, signal?: AbortSignal): Promise<SessionFilesView> {
  const session = await client.request(client.paths.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId), {
    query: buildFilesQuery(query),
    schema: uploadSessionSchema,
    signal,
  });
  return { session, files: session.files ?? [] };
}

export const sessionFilesQueryOptions = (client: GraphClient, ids: SessionIds, query: FilesQuery) =>
  queryOptions({
    queryKey: queryKeys.sessionFiles(ids, query),
    queryFn: ({ signal }) => listSessionFiles(client, ids, query, signal),
  });

/** Every file of the session, for a decision (finalize these? upload again?): always asked of Graph, never cached. */
export const allSessionFilesQueryOptions = (client: GraphClient, ids: SessionIds) =>
  queryOptions({ ...sessionFilesQueryOptions(client, ids, allFilesQuery), staleTime: 0 });

/** The session's files that may be this chosen file (any name it may have been stored under), whatever their size. */
export async function findStoredCopies(client: GraphClient, ids: SessionIds, name: string, signal?: AbortSignal) {
  const view = await listSessionFiles(client, ids, { ...allFilesQuery, anyName: namesInSession(name) }, signal);
  return view.files;
}

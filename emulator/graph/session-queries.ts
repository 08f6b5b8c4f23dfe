import type { ExpandSchema, Expansion } from '../odata/expand';
import type { CompareOp } from '../odata/filter-parser';
import type { FilterSchema } from '../odata/filter-eval';
import type { OrderBySchema } from '../odata/orderby';
import type { QueryCapabilities } from '../odata/query-options';
import type { Store } from '../store/store';
import { uploadStatuses } from '../store/types';
import type { UploadedFile, UploadSession } from '../store/types';
import { sessionProperties } from './shapes';

/** Exactly the OData Graph documents for upload sessions and their files. */
const allOps: readonly CompareOp[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

const fileFilter: FilterSchema<UploadedFile> = {
  target: 'files',
  logical: ['and', 'or', 'not'],
  properties: {
    name: { type: 'string', ops: ['eq', 'ne'], get: (f) => f.name },
    size: { type: 'int', ops: allOps, get: (f) => f.size },
    uploadedDateTime: { type: 'dateTimeOffset', ops: allOps, get: (f) => Date.parse(f.uploadedDateTime) },
  },
};

const fileOrder: OrderBySchema<UploadedFile> = {
  target: 'files',
  properties: {
    name: (f) => f.name,
    size: (f) => f.size,
    uploadedDateTime: (f) => Date.parse(f.uploadedDateTime),
  },
};

export const filesExpand: ExpandSchema<UploadedFile> = { navigation: 'files', filter: fileFilter, orderby: fileOrder };

function sessionFilter(store: Store): FilterSchema<UploadSession> {
  return {
    target: 'uploadSessions',
    logical: ['and'],
    properties: {
      status: { type: 'enum', ops: ['eq'], enumValues: uploadStatuses, get: (s) => store.sessionStatus(s) },
      referenceId: { type: 'string', ops: ['eq'], get: (s) => s.instanceId },
    },
  };
}

const sessionOrder: OrderBySchema<UploadSession> = {
  target: 'uploadSessions',
  properties: { createdDateTime: (s) => Date.parse(s.createdDateTime) },
};

export function sessionListCapabilities(store: Store): QueryCapabilities<UploadSession, UploadedFile> {
  return {
    target: 'uploadSessions',
    filter: sessionFilter(store),
    orderby: sessionOrder,
    select: sessionProperties,
    expand: filesExpand,
    paging: true,
  };
}

export const sessionEntityCapabilities: QueryCapabilities<UploadSession, UploadedFile> = {
  target: 'an upload session',
  select: sessionProperties,
  expand: filesExpand,
};

/** The expanded files of a session: nested $filter, then nested $orderby; never paged. */
export function expandedFiles(session: UploadSession, expansion: Expansion<UploadedFile> | undefined): UploadedFile[] | undefined {
  if (!expansion) return undefined;
  const files = expansion.filter ? session.files.filter(expansion.filter) : [...session.files];
  return expansion.compare ? files.sort(expansion.compare) : files;
}

/** Default order of the session list: oldest first. */
export function byCreated(a: UploadSession, b: UploadSession): number {
  return Date.parse(a.createdDateTime) - Date.parse(b.createdDateTime);
}

import { isSameFile } from '../../../graph/file-identity';
import type { Catalog, CatalogResource, ReviewDefinition, ReviewInstance, UploadedFile, UploadSession } from '../../../graph/schemas';
import type { JournalEntry } from '../journal/upload-journal';
import { excelSafeLine } from '../prepare/csv-output';

/**
 * The evidence of an upload session: what Graph holds (catalog, resource, review, session, files) joined with what
 * this browser's upload journal recorded about the files it sent (SHA-256, rows, format, request ids). Files uploaded
 * from elsewhere are listed with what Graph knows; what it does not know is left blank, never guessed.
 */

export interface EvidenceFile {
  name: string;
  size: number;
  /** Lower-case hex SHA-256 of the bytes sent, from the journal; blank for files sent from elsewhere. */
  sha256: string;
  rowCount?: number;
  formatId: string;
  /** Graph's uploadedDateTime. */
  uploadedAt: string;
  /** The account that sent it from this browser (journal); blank when Graph alone knows the file. */
  uploadedBy: string;
  /** Each attempt of the upload, oldest first. */
  attempts: { clientRequestId: string; requestId: string; startedAt: string; status?: number }[];
  /** `journal` when this browser sent it and recorded it; `graph` when only Graph knows it. */
  source: 'journal' | 'graph';
}

export interface EvidencePack {
  generatedAt: string;
  generatedBy: string;
  catalog: { id: string; displayName: string };
  resource: { id: string; displayName: string };
  review: {
    definitionId: string;
    definitionName: string;
    instanceId: string;
    instanceStatus: string;
    instanceStart: string;
    instanceEnd: string;
  };
  session: { id: string; status: string; createdDateTime: string; filesUploaded?: number; totalBytesUploaded?: number };
  files: EvidenceFile[];
}

export interface EvidenceSources {
  catalog: Pick<Catalog, 'id' | 'displayName'>;
  resource: Pick<CatalogResource, 'id' | 'displayName'>;
  session: UploadSession;
  definition?: Pick<ReviewDefinition, 'id' | 'displayName'>;
  instance?: ReviewInstance;
  /** Every file of the session, as Graph lists it. */
  files: readonly UploadedFile[];
  /** This account's journal of the session (may be empty). */
  journal: readonly JournalEntry[];
  /** Who downloads the evidence, and who sent the journal's files: the signed-in account's user name. */
  account: string;
  now: Date;
}

/**
 * The journal entry that is this stored file: the same name (as the browser sends it) and size, the one that
 * arrived first; each entry proves at most one stored file, so two copies of a name are never given one hash.
 */
function matchJournal(files: readonly UploadedFile[], journal: readonly JournalEntry[]): Map<UploadedFile, JournalEntry> {
  const candidates = journal
    .filter((entry) => entry.state === 'arrived')
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  const used = new Set<JournalEntry>();
  const matched = new Map<UploadedFile, JournalEntry>();
  const byTime = [...files].sort((a, b) => a.uploadedDateTime.localeCompare(b.uploadedDateTime));
  for (const file of byTime) {
    const entry = candidates.find((candidate) => !used.has(candidate) && isSameFile(candidate, file));
    if (!entry) continue;
    used.add(entry);
    matched.set(file, entry);
  }
  return matched;
}

export function buildEvidence(sources: EvidenceSources): EvidencePack {
  const { session, files, journal } = sources;
  const matched = matchJournal(files, journal);
  return {
    generatedAt: sources.now.toISOString(),
    generatedBy: sources.account,
    catalog: { id: sources.catalog.id, displayName: sources.catalog.displayName ?? '' },
    resource: { id: sources.resource.id, displayName: sources.resource.displayName ?? '' },
    review: {
      definitionId: session.data?.reviewDefinitionId ?? sources.definition?.id ?? '',
      definitionName: sources.definition?.displayName ?? '',
      instanceId: session.data?.reviewInstanceId ?? session.referenceId ?? '',
      instanceStatus: sources.instance?.status ?? '',
      instanceStart: sources.instance?.startDateTime ?? '',
      instanceEnd: sources.instance?.endDateTime ?? '',
    },
    session: {
      id: session.id,
      status: session.status ?? '',
      createdDateTime: session.createdDateTime ?? '',
      filesUploaded: session.stats?.filesUploaded,
      totalBytesUploaded: session.stats?.totalBytesUploaded,
    },
    files: [...files]
      .sort((a, b) => a.name.localeCompare(b.name) || a.uploadedDateTime.localeCompare(b.uploadedDateTime))
      .map((file): EvidenceFile => {
        const entry = matched.get(file);
        return {
          name: file.name,
          size: file.size,
          sha256: entry?.sha256 ?? '',
          rowCount: entry?.rowCount,
          formatId: entry?.formatId ?? '',
          uploadedAt: file.uploadedDateTime,
          uploadedBy: entry ? sources.account : '',
          attempts: (entry?.attempts ?? []).map((attempt) => ({
            clientRequestId: attempt.clientRequestId,
            requestId: attempt.requestId ?? '',
            startedAt: attempt.startedAt,
            status: attempt.status,
          })),
          source: entry ? 'journal' : 'graph',
        };
      }),
  };
}

export const evidenceJson = (pack: EvidencePack) => `${JSON.stringify(pack, null, 2)}\n`;

const csvColumns = [
  'Catalog ID',
  'Catalog',
  'Resource ID',
  'Resource',
  'Review definition ID',
  'Review',
  'Review instance ID',
  'Session ID',
  'Session status',
  'File name',
  'Size (bytes)',
  'SHA-256',
  'Rows',
  'Format',
  'Uploaded at (Graph)',
  'Uploaded by',
  'Client request IDs',
  'Request IDs',
  'Source',
];

/**
 * One line per file, the session's facts repeated on each (so any line stands alone in a filtered sheet), a
 * session line without a file when it has none. Cells go through excelSafe: a file name like `=cmd|…` runs nothing.
 */
export function evidenceCsv(pack: EvidencePack): string {
  const common = [
    pack.catalog.id,
    pack.catalog.displayName,
    pack.resource.id,
    pack.resource.displayName,
    pack.review.definitionId,
    pack.review.definitionName,
    pack.review.instanceId,
    pack.session.id,
    pack.session.status,
  ];
  let text = excelSafeLine(csvColumns);
  if (pack.files.length === 0) text += excelSafeLine([...common, ...csvColumns.slice(common.length).map(() => '')]);
  for (const file of pack.files) {
    text += excelSafeLine([
      ...common,
      file.name,
      String(file.size),
      file.sha256,
      file.rowCount === undefined ? '' : String(file.rowCount),
      file.formatId,
      file.uploadedAt,
      file.uploadedBy,
      file.attempts.map((attempt) => attempt.clientRequestId).join('; '),
      file.attempts.map((attempt) => attempt.requestId).filter(Boolean).join('; '),
      file.source === 'journal' ? 'this console' : 'Graph only',
    ]);
  }
  return text;
}

/** `evidence-<session id>.json` or `.csv`: the session id is a GUID, a safe file name everywhere. */
export const evidenceFileName = (pack: EvidencePack, extension: 'json' | 'csv') => `evidence-${pack.session.id}.${extension}`;

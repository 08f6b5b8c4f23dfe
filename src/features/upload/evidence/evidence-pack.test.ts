import { describe, expect, it } from 'vitest';
import type { UploadSession } from '../../../graph/schemas';
import type { JournalEntry } from '../journal/upload-journal';
import { buildEvidence, evidenceCsv, evidenceFileName, evidenceJson, type EvidenceSources } from './evidence-pack';

const session: UploadSession = {
  id: 'sess-1',
  status: 'active',
  createdDateTime: '2026-11-30T09:00:00Z',
  stats: { filesUploaded: 3, totalBytesUploaded: 60 },
  data: { reviewDefinitionId: 'def-1', reviewInstanceId: 'inst-1' },
};

const entry = (name: string, size: number, sha256: string, change: Partial<JournalEntry> = {}): JournalEntry => ({
  accountId: 'acc-1',
  sessionId: 'sess-1',
  id: `j-${name}-${sha256}`,
  name,
  size,
  sha256,
  rowCount: 5,
  formatId: 'entra',
  state: 'arrived',
  addedAt: '2026-11-30T10:00:00Z',
  updatedAt: '2026-11-30T10:00:05Z',
  attempts: [
    { clientRequestId: 'crid-1', startedAt: '2026-11-30T10:00:01Z', endedAt: '2026-11-30T10:00:02Z', status: 0 },
    { clientRequestId: 'crid-2', requestId: 'req-2', startedAt: '2026-11-30T10:00:03Z', endedAt: '2026-11-30T10:00:04Z', status: 200 },
  ],
  ...change,
});

const sources = (change: Partial<EvidenceSources> = {}): EvidenceSources => ({
  catalog: { id: 'cat-1', displayName: 'Building Access' },
  resource: { id: 'res-1', displayName: 'Badge Access Data' },
  session,
  definition: { id: 'def-1', displayName: 'Weekly badge attestation' },
  instance: { id: 'inst-1', status: 'InProgress', startDateTime: '2026-11-30T08:00:00Z', endDateTime: '2026-12-07T08:00:00Z' },
  files: [
    { id: 'f-1', name: 'q%22uote.csv', size: 10, uploadedDateTime: '2026-11-30T10:00:04Z' },
    { id: 'f-2', name: 'elsewhere.csv', size: 20, uploadedDateTime: '2026-11-29T10:00:00Z' },
    { id: 'f-3', name: '=cmd|calc.csv', size: 30, uploadedDateTime: '2026-11-30T10:05:00Z' },
  ],
  journal: [entry('q"uote.csv', 10, 'aa'), entry('=cmd|calc.csv', 30, 'cc'), entry('failed.csv', 40, 'dd', { state: 'failed' })],
  account: 'megan.bowen@contoso.example',
  now: new Date('2026-11-30T11:00:00Z'),
  ...change,
});

describe('buildEvidence', () => {
  it('joins Graph’s files with the journal by name as sent and size; a file from elsewhere keeps what Graph knows', () => {
    const pack = buildEvidence(sources());
    expect(pack).toMatchObject({
      generatedAt: '2026-11-30T11:00:00.000Z',
      generatedBy: 'megan.bowen@contoso.example',
      catalog: { id: 'cat-1', displayName: 'Building Access' },
      resource: { id: 'res-1', displayName: 'Badge Access Data' },
      review: { definitionId: 'def-1', definitionName: 'Weekly badge attestation', instanceId: 'inst-1', instanceStatus: 'InProgress' },
      session: { id: 'sess-1', status: 'active', filesUploaded: 3, totalBytesUploaded: 60 },
    });
    expect(pack.files.map((file) => [file.name, file.sha256, file.uploadedBy, file.source])).toEqual([
      ['=cmd|calc.csv', 'cc', 'megan.bowen@contoso.example', 'journal'],
      ['elsewhere.csv', '', '', 'graph'],
      ['q%22uote.csv', 'aa', 'megan.bowen@contoso.example', 'journal'],
    ]);
    expect(pack.files[2]).toMatchObject({ size: 10, rowCount: 5, formatId: 'entra', uploadedAt: '2026-11-30T10:00:04Z' });
    expect(pack.files[2]?.attempts.map((attempt) => [attempt.clientRequestId, attempt.requestId])).toEqual([
      ['crid-1', ''],
      ['crid-2', 'req-2'],
    ]);
    expect(pack.files[1]).toMatchObject({ rowCount: undefined, formatId: '', attempts: [] });
  });

  it('gives one journal entry to one stored copy only, and none to a file of another size', () => {
    const pack = buildEvidence(
      sources({
        files: [
          { id: 'a', name: 'twice.csv', size: 10, uploadedDateTime: '2026-11-30T10:00:00Z' },
          { id: 'b', name: 'twice.csv', size: 10, uploadedDateTime: '2026-11-30T10:01:00Z' },
          { id: 'c', name: 'resized.csv', size: 11, uploadedDateTime: '2026-11-30T10:02:00Z' },
        ],
        journal: [entry('twice.csv', 10, 'ee'), entry('resized.csv', 10, 'ff')],
      }),
    );
    expect(pack.files.map((file) => [file.name, file.uploadedAt, file.sha256])).toEqual([
      ['resized.csv', '2026-11-30T10:02:00Z', ''],
      ['twice.csv', '2026-11-30T10:00:00Z', 'ee'],
      ['twice.csv', '2026-11-30T10:01:00Z', ''],
    ]);
  });

  it('leaves the review names blank when they could not be read, and keeps the ids', () => {
    const pack = buildEvidence(sources({ definition: undefined, instance: undefined }));
    expect(pack.review).toEqual({ definitionId: 'def-1', definitionName: '', instanceId: 'inst-1', instanceStatus: '', instanceStart: '', instanceEnd: '' });
  });
});

describe('evidence files', () => {
  it('writes the JSON as built, and names both by the session id', () => {
    const pack = buildEvidence(sources());
    expect(JSON.parse(evidenceJson(pack))).toEqual(JSON.parse(JSON.stringify(pack)));
    expect(evidenceFileName(pack, 'csv')).toBe('evidence-sess-1.csv');
  });

  it('writes one CSV line per file, the session repeated on each, cells Excel would run escaped', () => {
    const lines = evidenceCsv(buildEvidence(sources())).split('\r\n');
    expect(lines[0]).toBe(
      'Catalog ID,Catalog,Resource ID,Resource,Review definition ID,Review,Review instance ID,Session ID,Session status,File name,Size (bytes),SHA-256,Rows,Format,Uploaded at (Graph),Uploaded by,Client request IDs,Request IDs,Source',
    );
    const common = 'cat-1,Building Access,res-1,Badge Access Data,def-1,Weekly badge attestation,inst-1,sess-1,active';
    expect(lines[1]).toBe(`${common},'=cmd|calc.csv,30,cc,5,entra,2026-11-30T10:05:00Z,megan.bowen@contoso.example,crid-1; crid-2,req-2,this console`);
    expect(lines[2]).toBe(`${common},elsewhere.csv,20,,,,2026-11-29T10:00:00Z,,,,Graph only`);
    expect(lines[3]).toBe(`${common},q%22uote.csv,10,aa,5,entra,2026-11-30T10:00:04Z,megan.bowen@contoso.example,crid-1; crid-2,req-2,this console`);
    expect(lines).toHaveLength(5);
  });

  it('writes the session alone when it has no files', () => {
    const lines = evidenceCsv(buildEvidence(sources({ files: [] }))).split('\r\n');
    expect(lines[1]).toBe('cat-1,Building Access,res-1,Badge Access Data,def-1,Weekly badge attestation,inst-1,sess-1,active,,,,,,,,,,');
  });
});

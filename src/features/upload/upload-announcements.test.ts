import { describe, expect, it } from 'vitest';
import { GraphError } from '../../graph/graph-error';
import { describeUploadChanges } from './upload-announcements';
import type { UploadItem, UploadStatus } from './upload-queue';

const item = (id: number, name: string, status: UploadStatus, change: Partial<UploadItem> = {}): UploadItem => ({
  id,
  file: new File(['x'], name),
  status,
  sentBytes: 0,
  ...change,
});

describe('upload announcements', () => {
  it('says when a file has arrived, and nothing while it is on its way', () => {
    const queued = [item(1, 'badges.csv', 'queued')];
    const uploading = [item(1, 'badges.csv', 'uploading', { sentBytes: 1 })];
    expect(describeUploadChanges(queued, uploading)).toEqual([]);
    expect(describeUploadChanges(uploading, uploading)).toEqual([]);
    expect(describeUploadChanges(uploading, [item(1, 'badges.csv', 'done')])).toEqual(['badges.csv uploaded.']);
  });

  it('says why a file failed, and when the session holds a file more than once', () => {
    const before = [item(1, 'a.csv', 'uploading'), item(2, 'b.csv', 'checking')];
    const error = new GraphError({ status: 403, code: 'accessDenied', message: 'Only catalog owners can upload' });
    const after = [item(1, 'a.csv', 'failed', { error }), item(2, 'b.csv', 'done', { extraCopies: 1 })];
    expect(describeUploadChanges(before, after)).toEqual([
      'a.csv failed to upload: Only catalog owners can upload.',
      'b.csv uploaded, but the session now holds it 2 times.',
      'Uploads finished: 1 uploaded, 1 failed.',
    ]);
  });

  it('counts the files once several have been sent and none is left to go, leaving cancelled ones out', () => {
    const before = [item(1, 'a.csv', 'done'), item(2, 'b.csv', 'uploading'), item(3, 'c.csv', 'uploading'), item(4, 'd.csv', 'cancelled')];
    const oneLeft = [item(1, 'a.csv', 'done'), item(2, 'b.csv', 'done'), item(3, 'c.csv', 'uploading'), item(4, 'd.csv', 'cancelled')];
    expect(describeUploadChanges(before, oneLeft)).toEqual(['b.csv uploaded.']);
    const allDone = oneLeft.map((entry) => (entry.id === 3 ? { ...entry, status: 'done' as const } : entry));
    expect(describeUploadChanges(oneLeft, allDone)).toEqual(['c.csv uploaded.', 'All 3 files uploaded.']);
  });
});

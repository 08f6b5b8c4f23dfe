import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../graph/query-keys';
import type { UploadSession } from '../../graph/schemas';
import { throttledUploadAnswers, uploadAnswerIntervalMs } from './upload-queries';

const ids = { catalogId: 'c', resourceId: 'r', sessionId: 's' };
const answer = (filesUploaded: number): UploadSession => ({
  id: 's',
  stats: { filesUploaded, totalBytesUploaded: filesUploaded * 10 },
  files: [{ id: `f${filesUploaded}`, name: `f${filesUploaded}.csv`, size: 10, uploadedDateTime: '2026-12-02T00:00:00Z' }],
});
const cachedStats = (queryClient: QueryClient) => queryClient.getQueryData<UploadSession>(queryKeys.uploadSession(ids))?.stats;

describe('throttledUploadAnswers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the latest answer once per interval, without its files, and at once on flush', async () => {
    const queryClient = new QueryClient();
    const answers = throttledUploadAnswers(queryClient, ids);
    answers.add(answer(1));
    answers.add(answer(2));
    expect(cachedStats(queryClient)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(uploadAnswerIntervalMs - 1);
    expect(cachedStats(queryClient)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(cachedStats(queryClient)).toEqual({ filesUploaded: 2, totalBytesUploaded: 20 });
    expect(queryClient.getQueryData<UploadSession>(queryKeys.uploadSession(ids))?.files).toBeUndefined();

    answers.add(answer(3));
    answers.flush();
    expect(cachedStats(queryClient)).toEqual({ filesUploaded: 3, totalBytesUploaded: 30 });
    // Nothing is left to write: a later timer would not put back an older answer.
    queryClient.setQueryData(queryKeys.uploadSession(ids), answer(4));
    await vi.advanceTimersByTimeAsync(uploadAnswerIntervalMs);
    expect(cachedStats(queryClient)).toEqual({ filesUploaded: 4, totalBytesUploaded: 40 });
  });
});

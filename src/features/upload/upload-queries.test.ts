import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../graph/query-keys';
import type { UploadSession } from '../../graph/schemas';
import { fakeGraph, json } from '../../test/graph-test-kit';
import {
  applyUploadAnswer,
  chosenFilesLookupMaxAgeMs,
  prefetchSessionFiles,
  recentSessionFiles,
  sessionFilesForUpload,
  throttledUploadAnswers,
  uploadAnswerIntervalMs,
} from './upload-queries';

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

describe('the session files read when files are chosen, reused at the Upload click', () => {
  // Only Date is faked: TanStack Query ages its answers by Date.now(), while the fake Graph's promises run as usual.
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-02T10:00:00Z') }));
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  function setup() {
    const fake = fakeGraph(() => json(answer(1)));
    const filesRequests = () => fake.requests.filter((request) => request.query === '?$expand=files($orderby=name asc)').length;
    return { ...fake, queryClient: new QueryClient(), filesRequests };
  }

  it('asks Graph once when the click comes soon after the files were chosen', async () => {
    const { client, queryClient, filesRequests } = setup();
    prefetchSessionFiles(queryClient, client, ids);
    // The click while the answer is still on its way joins it.
    const first = await sessionFilesForUpload(queryClient, client, ids);
    vi.setSystemTime(Date.now() + chosenFilesLookupMaxAgeMs - 1);
    expect(recentSessionFiles(queryClient, client, ids)).toEqual(first);
    const second = await sessionFilesForUpload(queryClient, client, ids);
    expect(filesRequests()).toBe(1);
    expect(second.files).toEqual(first.files);
    expect(first.files.map((file) => file.name)).toEqual(['f1.csv']);
  });

  it('asks again once the answer is older than the bound', async () => {
    const { client, queryClient, filesRequests } = setup();
    prefetchSessionFiles(queryClient, client, ids);
    expect(recentSessionFiles(queryClient, client, ids)).toBeUndefined();
    await sessionFilesForUpload(queryClient, client, ids);
    vi.setSystemTime(Date.now() + chosenFilesLookupMaxAgeMs + 1);
    expect(recentSessionFiles(queryClient, client, ids)).toBeUndefined();
    await sessionFilesForUpload(queryClient, client, ids);
    expect(filesRequests()).toBe(2);
  });

  it('asks again after an upload answer from this tab, and when told to (the connection came back)', async () => {
    const { client, queryClient, filesRequests } = setup();
    prefetchSessionFiles(queryClient, client, ids);
    await sessionFilesForUpload(queryClient, client, ids);
    applyUploadAnswer(queryClient, ids, answer(2));
    expect(recentSessionFiles(queryClient, client, ids)).toBeUndefined();
    await sessionFilesForUpload(queryClient, client, ids);
    expect(filesRequests()).toBe(2);
    await sessionFilesForUpload(queryClient, client, ids, 0);
    expect(filesRequests()).toBe(3);
  });

  it('reads nothing ahead while the browser is offline', () => {
    const { client, queryClient } = setup();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    prefetchSessionFiles(queryClient, client, ids);
    // A prefetch puts its query in the cache at once, before any request leaves.
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });
});

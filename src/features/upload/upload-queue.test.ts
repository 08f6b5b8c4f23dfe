import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GraphError } from '../../graph/graph-error';
import { hasFailed, isBusy, progressIntervalMs, UploadQueue } from './upload-queue';
import { fakeTransport, file, flush, graphError, statuses } from './upload-queue-test-support';

describe('UploadQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('uploads three at a time and starts the next as one finishes', async () => {
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport);
    queue.add(['a', 'b', 'c', 'd', 'e'].map((name) => ({ file: file(name), alreadyInSession: 0 })));
    await flush();
    expect(calls.map((c) => c.file.name)).toEqual(['a', 'b', 'c']);
    expect(statuses(queue)).toEqual(['a:uploading', 'b:uploading', 'c:uploading', 'd:queued', 'e:queued']);
    calls[1]?.onProgress(4);
    await vi.advanceTimersByTimeAsync(progressIntervalMs);
    expect(queue.getSnapshot()[1]?.sentBytes).toBe(4);
    calls[1]?.resolve();
    await flush();
    expect(calls.map((c) => c.file.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.getSnapshot()[1]).toMatchObject({ status: 'done', sentBytes: 10 });
    for (const call of calls.slice()) call.resolve();
    await flush();
    calls[4]?.resolve();
    await flush();
    expect(statuses(queue)).toEqual(['a:done', 'b:done', 'c:done', 'd:done', 'e:done']);
    // One refresh of what shows the session when the last file is in, not one per file.
    expect(transport.drained).toBe(1);
    expect(isBusy(queue.getSnapshot())).toBe(false);
  });

  it('publishes progress at most once per interval, and every other change at once with the latest progress', async () => {
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport);
    let published = 0;
    queue.subscribe(() => published++);
    queue.add(['a', 'b'].map((name) => ({ file: file(name), alreadyInSession: 0 })));
    await flush();
    published = 0;
    for (const sent of [1, 2, 3]) calls[0]?.onProgress(sent);
    calls[1]?.onProgress(5);
    expect(published).toBe(0);
    expect(queue.getSnapshot().map((item) => item.sentBytes)).toEqual([0, 0]);
    await vi.advanceTimersByTimeAsync(progressIntervalMs - 1);
    expect(published).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(published).toBe(1);
    expect(queue.getSnapshot().map((item) => item.sentBytes)).toEqual([3, 5]);
    // A file that arrives is shown at once, with the other file's latest progress and no publish left pending.
    calls[1]?.onProgress(7);
    calls[0]?.resolve();
    await flush();
    expect(queue.getSnapshot().map((item) => [item.status, item.sentBytes])).toEqual([
      ['done', 10],
      ['uploading', 7],
    ]);
    const afterDone = published;
    await vi.advanceTimersByTimeAsync(progressIntervalMs);
    expect(published).toBe(afterDone);
    // A late report for a finished file changes nothing.
    calls[0]?.onProgress(4);
    await vi.advanceTimersByTimeAsync(progressIntervalMs);
    expect(published).toBe(afterDone);
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'done', sentBytes: 10 });
  });

  it('sends the next file before telling the listeners, once, that the last one arrived; onChange hears of each change at once', async () => {
    const { transport, calls } = fakeTransport();
    const changes: string[] = [];
    const queue = new UploadQueue(transport, { concurrency: 1, onChange: (items) => changes.push(items.map((item) => item.status).join()) });
    const told: string[][] = [];
    queue.subscribe(() => told.push([...statuses(queue), `sent ${calls.length}`]));
    queue.add(['a', 'b'].map((name) => ({ file: file(name), alreadyInSession: 0 })));
    expect(changes).toEqual(['queued,queued']);
    expect(told).toEqual([]);
    await flush();
    expect(told).toEqual([['a:uploading', 'b:queued', 'sent 1']]);
    told.length = 0;
    changes.length = 0;
    calls[0]?.resolve();
    await flush();
    expect(changes).toEqual(['done,queued', 'done,uploading']);
    expect(told).toEqual([['a:done', 'b:uploading', 'sent 2']]);
  });

  it('waits exactly Retry-After on 429, then sends the file again', async () => {
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport, { now: () => Date.now() });
    queue.add([{ file: file('a'), alreadyInSession: 0 }]);
    await flush();
    calls[0]?.reject(graphError(429, 2));
    await flush();
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'waiting', waitReason: 'Graph is busy', retryAt: Date.now() + 2000 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve();
    await flush();
    expect(statuses(queue)).toEqual(['a:done']);
    // Graph answered the 429: the file cannot have arrived, so nothing was counted.
    expect(transport.counted).toEqual([]);
  });

  it('backs off 1 s on 503 without Retry-After, and gives up after the automatic retries', async () => {
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport, { maxAutoRetries: 1 });
    queue.add([{ file: file('a'), alreadyInSession: 0 }]);
    await flush();
    calls[0]?.reject(graphError(503));
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    calls[1]?.reject(graphError(503));
    await flush();
    expect(statuses(queue)).toEqual(['a:failed']);
    expect(hasFailed(queue.getSnapshot())).toBe(true);
  });

  it('fails at once on an error that waiting cannot fix, and sends again when asked', async () => {
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport);
    queue.add([{ file: file('a'), alreadyInSession: 0 }]);
    await flush();
    calls[0]?.reject(new GraphError({ status: 400, code: 'invalidRequest', message: 'bad' }));
    await flush();
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'failed', error: expect.objectContaining({ status: 400 }) });
    queue.retry(1);
    await flush();
    expect(calls).toHaveLength(2);
    expect(transport.counted).toEqual([]);
  });

  it('cancels a running upload and a queued one; the queued one is never sent', async () => {
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport, { concurrency: 1 });
    queue.add([{ file: file('a'), alreadyInSession: 0 }, { file: file('b'), alreadyInSession: 0 }, { file: file('c'), alreadyInSession: 0 }]);
    await flush();
    queue.cancel(2);
    queue.cancel(1);
    await flush();
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(calls.map((c) => c.file.name)).toEqual(['a', 'c']);
    expect(statuses(queue)).toEqual(['a:cancelled', 'b:cancelled', 'c:uploading']);
  });

  it('cancels a file while it waits for Retry-After', async () => {
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport);
    queue.add([{ file: file('a'), alreadyInSession: 0 }]);
    await flush();
    calls[0]?.reject(graphError(429, 30));
    await flush();
    queue.cancel(1);
    await flush();
    expect(statuses(queue)).toEqual(['a:cancelled']);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toHaveLength(1);
  });

  it('after a lost answer, finds the file in the session instead of sending it twice', async () => {
    let inSession = 1;
    const { transport, calls } = fakeTransport(() => inSession);
    const queue = new UploadQueue(transport);
    queue.add([{ file: file('a'), alreadyInSession: 1 }]);
    await flush();
    // The server stored the file, then the connection dropped.
    inSession = 2;
    calls[0]?.reject(graphError(0));
    await flush();
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'waiting', waitReason: 'the connection dropped' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(transport.counted).toEqual(['a']);
    expect(calls).toHaveLength(1);
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'done', note: expect.stringMatching(/arrived/) });
    expect(transport.drained).toBe(1);
  });

  it('after a lost answer, sends again when the file is not in the session', async () => {
    const { transport, calls } = fakeTransport(() => 0);
    const queue = new UploadQueue(transport);
    queue.add([{ file: file('a'), alreadyInSession: 0 }]);
    await flush();
    calls[0]?.reject(graphError(0));
    await vi.advanceTimersByTimeAsync(1000);
    expect(transport.counted).toEqual(['a']);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve();
    await flush();
    expect(statuses(queue)).toEqual(['a:done']);
  });

  it('checks the session before sending again a file cancelled mid-flight', async () => {
    const { transport, calls } = fakeTransport(() => 1);
    const queue = new UploadQueue(transport);
    queue.add([{ file: file('a'), alreadyInSession: 0 }]);
    await flush();
    queue.cancel(1);
    await flush();
    queue.retry(1);
    await flush();
    expect(transport.counted).toEqual(['a']);
    expect(calls).toHaveLength(1);
    expect(statuses(queue)).toEqual(['a:done']);
  });

  it('says so when the session holds more copies than were sent (the browser resent the request)', async () => {
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport);
    queue.add([{ file: file('a'), alreadyInSession: 1 }, { file: file('b'), alreadyInSession: 0 }]);
    await flush();
    calls[0]?.resolve(3);
    calls[1]?.resolve(1);
    await flush();
    expect(queue.getSnapshot().map((item) => item.extraCopies)).toEqual([1, undefined]);
  });

  it('removes only files that are not on their way', async () => {
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport);
    queue.add([{ file: file('a'), alreadyInSession: 0 }]);
    await flush();
    queue.remove(1);
    expect(queue.getSnapshot()).toHaveLength(1);
    calls[0]?.resolve();
    await flush();
    queue.remove(1);
    expect(queue.getSnapshot()).toHaveLength(0);
  });

  it.each([
    [404, 'itemNotFound', /no longer exists/],
    [409, 'conflict', /takes no more files/],
  ])('stops at a %s on the session: the rest stays unsent, says why, and cannot be retried', async (status, code, why) => {
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport);
    queue.add(['a', 'b', 'c', 'd', 'e'].map((name) => ({ file: file(name), alreadyInSession: 0 })));
    await flush();
    calls[0]?.resolve();
    await flush();
    const refused = new GraphError({ status, code, message: 'The session is not active.' });
    calls[1]?.reject(refused);
    await flush();
    expect(statuses(queue)).toEqual(['a:done', 'b:failed', 'c:cancelled', 'd:cancelled', 'e:cancelled']);
    expect(queue.getSnapshot()[3]?.note).toMatch(why);
    expect(transport.closedBy).toEqual([refused]);
    expect(queue.closed).toBe(true);
    queue.retry(2);
    queue.add([{ file: file('f'), alreadyInSession: 0 }]);
    await flush();
    expect(calls).toHaveLength(4);
    expect(statuses(queue)).toEqual(['a:done', 'b:failed', 'c:cancelled', 'd:cancelled', 'e:cancelled']);
    expect(isBusy(queue.getSnapshot())).toBe(false);
  });
});

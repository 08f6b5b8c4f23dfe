import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserConnectivity, waitingForConnection, type UploadGate } from './upload-gate';
import { UploadQueue } from './upload-queue';
import { fakeTransport, file, flush, graphError, statuses } from './upload-queue-test-support';

/** A browser whose connection the test switches, with the `online` event. */
function fakeBrowser() {
  const target = new EventTarget();
  const nav = { onLine: true };
  return {
    gate: browserConnectivity(target as unknown as Window, nav as Navigator),
    set(online: boolean) {
      nav.onLine = online;
      target.dispatchEvent(new Event(online ? 'online' : 'offline'));
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('UploadQueue: the same file is never queued twice', () => {
  it('refuses a file already queued, sending or uploaded, and says why', async () => {
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport, { concurrency: 1 });
    const a = file('a.csv');
    const b = file('b.csv');
    expect(queue.add([{ file: a, alreadyInSession: 0, sha256: 'aa' }, { file: b, alreadyInSession: 0, sha256: 'bb' }])).toEqual([]);
    await flush();
    // The same bytes chosen again (another File object), and the very same File dropped again.
    const again = queue.add([{ file: file('a.csv'), alreadyInSession: 0, sha256: 'aa' }, { file: b, alreadyInSession: 0 }]);
    expect(again.map((r) => [r.file.name, r.reason])).toEqual([
      ['a.csv', 'Already in the queue.'],
      ['b.csv', 'Already in the queue.'],
    ]);
    calls[0]?.resolve();
    await flush();
    expect(queue.add([{ file: file('a.csv'), alreadyInSession: 1, sha256: 'aa' }])[0]?.reason).toBe('Already uploaded in this visit.');
    // Same name and size, other bytes: another file, which the person may send.
    expect(queue.add([{ file: file('a.csv'), alreadyInSession: 1, sha256: 'cc' }])).toEqual([]);
    expect(statuses(queue)).toEqual(['a.csv:done', 'b.csv:uploading', 'a.csv:queued']);
  });

  it('lets a cancelled file be chosen again', async () => {
    const { transport } = fakeTransport();
    const queue = new UploadQueue(transport, { concurrency: 1 });
    const a = file('a.csv');
    queue.add([{ file: file('z.csv'), alreadyInSession: 0 }, { file: a, alreadyInSession: 0 }]);
    queue.cancel(2);
    expect(queue.add([{ file: a, alreadyInSession: 0 }])).toEqual([]);
  });
});

describe('UploadQueue: offline is a state', () => {
  it('holds files while offline, sends nothing, and resumes on the online event', async () => {
    const { transport, calls } = fakeTransport();
    const browser = fakeBrowser();
    browser.set(false);
    const queue = new UploadQueue(transport, { gate: browser.gate });
    queue.add([{ file: file('a.csv'), alreadyInSession: 0 }]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(0);
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'paused', waitReason: waitingForConnection });
    browser.set(true);
    await flush();
    expect(calls).toHaveLength(1);
    expect(statuses(queue)).toEqual(['a.csv:uploading']);
  });

  it('a connection lost mid-upload while offline waits for the online event, spends no retry, and checks before resending', async () => {
    const { transport, calls } = fakeTransport(() => 0);
    const browser = fakeBrowser();
    const queue = new UploadQueue(transport, { gate: browser.gate, maxAutoRetries: 0 });
    queue.add([{ file: file('a.csv'), alreadyInSession: 0 }]);
    await flush();
    browser.set(false);
    calls[0]?.reject(graphError(0));
    await vi.advanceTimersByTimeAsync(60_000);
    // With no retries allowed, a network failure would have failed the file: offline, it waits instead.
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'paused', waitReason: waitingForConnection });
    expect(transport.counted).toEqual([]);
    browser.set(true);
    await flush();
    // The attempt got no answer: the session is asked first, then the file is sent again.
    expect(transport.counted).toEqual(['a.csv']);
    expect(calls).toHaveLength(2);
  });

  it('cancelling a paused file ends its wait', async () => {
    const { transport } = fakeTransport();
    const closed: UploadGate = { closedBecause: () => 'Sign in again to continue.', whenOpen: (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))) };
    const queue = new UploadQueue(transport, { gate: closed });
    queue.add([{ file: file('a.csv'), alreadyInSession: 0 }]);
    await flush();
    expect(queue.getSnapshot()[0]?.waitReason).toBe('Sign in again to continue.');
    queue.cancel(1);
    await flush();
    expect(statuses(queue)).toEqual(['a.csv:cancelled']);
  });
});

describe('UploadQueue: a 403 is not retryable', () => {
  it('fails the file once, sends nothing more, and offers no Retry', async () => {
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport, { concurrency: 1 });
    queue.add(['a', 'b'].map((name) => ({ file: file(name), alreadyInSession: 0 })));
    await flush();
    calls[0]?.reject(graphError(403));
    await flush();
    expect(statuses(queue)).toEqual(['a:failed', 'b:cancelled']);
    expect(queue.getSnapshot().map((item) => item.retryable)).toEqual([false, false]);
    expect(queue.forbidden?.status).toBe(403);
    queue.retry(1);
    expect(queue.add([{ file: file('c'), alreadyInSession: 0 }])).toHaveLength(1);
    await flush();
    expect(calls).toHaveLength(1);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { otherTabUploading, uploadedByOtherTab, webSessionLock, type LockRequester } from './session-lock';
import { UploadQueue } from './upload-queue';
import { fakeTransport, file, flush, statuses } from './upload-queue-test-support';

/** An exclusive lock manager shared by "tabs", with ifAvailable, like the browser's navigator.locks. */
function fakeLockManager() {
  let holder: object | undefined;
  const waiting: (() => void)[] = [];
  const grant = (callback: (lock: Lock | null) => unknown) => {
    const token = {};
    holder = token;
    return Promise.resolve(callback({ name: 'x', mode: 'exclusive' } as Lock)).finally(() => {
      holder = undefined;
      waiting.shift()?.();
    });
  };
  const request = ((_name: string, optionsOrCallback: unknown, maybeCallback?: unknown) => {
    const options = (typeof optionsOrCallback === 'function' ? {} : optionsOrCallback) as LockOptions;
    const callback = (maybeCallback ?? optionsOrCallback) as (lock: Lock | null) => unknown;
    if (!holder) return grant(callback);
    if (options.ifAvailable) return Promise.resolve(callback(null));
    return new Promise<unknown>((resolve, reject) => waiting.push(() => void grant(callback).then(resolve, reject)));
  }) as LockRequester['request'];
  return { locks: { request }, held: () => holder !== undefined, waiting: () => waiting.length };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('webSessionLock', () => {
  it('is held while acquired, shared by every acquire, and let go on release', async () => {
    const manager = fakeLockManager();
    const lock = webSessionLock(manager.locks, 'catalog-upload:s1');
    const signal = new AbortController().signal;
    await expect(Promise.all([lock.acquire(signal, () => undefined), lock.acquire(signal, () => undefined)])).resolves.toEqual([false, false]);
    expect(manager.held()).toBe(true);
    lock.release();
    await flush();
    expect(manager.held()).toBe(false);
  });

  it('says when another tab holds it, and resolves as waited once that tab lets go', async () => {
    const manager = fakeLockManager();
    const first = webSessionLock(manager.locks, 'catalog-upload:s1');
    const second = webSessionLock(manager.locks, 'catalog-upload:s1');
    const signal = new AbortController().signal;
    await first.acquire(signal, () => undefined);
    const onWait = vi.fn();
    const waited = second.acquire(signal, onWait);
    await flush();
    expect(onWait).toHaveBeenCalledTimes(1);
    first.release();
    await expect(waited).resolves.toBe(true);
    expect(manager.held()).toBe(true);
  });

  it('gives a lock back at once when it was released before it came', async () => {
    const manager = fakeLockManager();
    const first = webSessionLock(manager.locks, 'catalog-upload:s1');
    const second = webSessionLock(manager.locks, 'catalog-upload:s1');
    const signal = new AbortController().signal;
    await first.acquire(signal, () => undefined);
    const controller = new AbortController();
    const waited = second.acquire(controller.signal, () => undefined);
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    await expect(waited).rejects.toThrow('Cancelled');
    second.release();
    first.release();
    await flush();
    expect(manager.held()).toBe(false);
  });
});

describe('UploadQueue with a session lock: one uploader per session', () => {
  it('holds the lock while it has files to send and lets it go when drained', async () => {
    const manager = fakeLockManager();
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport, { lock: webSessionLock(manager.locks, 'l') });
    queue.add([{ file: file('a.csv'), alreadyInSession: 0 }]);
    await flush();
    expect(manager.held()).toBe(true);
    calls[0]?.resolve(1);
    await flush();
    expect(statuses(queue)).toEqual(['a.csv:done']);
    expect(manager.held()).toBe(false);
  });

  it('waits for another tab, then marks the file that tab stored as arrived instead of sending it', async () => {
    const manager = fakeLockManager();
    // What the session stores, by name (the sizes are alike).
    const stored: string[] = [];
    const inSession = (f: File) => stored.filter((name) => name === f.name).length;
    const first = fakeTransport(inSession);
    const second = fakeTransport(inSession);
    const tabA = new UploadQueue(first.transport, { lock: webSessionLock(manager.locks, 'l') });
    const tabB = new UploadQueue(second.transport, { lock: webSessionLock(manager.locks, 'l') });
    tabA.add([{ file: file('a.csv'), alreadyInSession: 0, sha256: 'aa' }]);
    await flush();
    tabB.add([{ file: file('a.csv'), alreadyInSession: 0, sha256: 'aa' }, { file: file('b.csv'), alreadyInSession: 0, sha256: 'bb' }]);
    await flush();
    expect(tabB.getSnapshot().map((item) => [item.status, item.waitReason])).toEqual([
      ['paused', otherTabUploading],
      ['paused', otherTabUploading],
    ]);
    expect(second.calls).toHaveLength(0);
    stored.push('a.csv');
    first.calls[0]?.resolve(1);
    await flush();
    expect(statuses(tabB)).toEqual(['a.csv:done', 'b.csv:uploading']);
    expect(tabB.getSnapshot()[0]?.note).toBe(uploadedByOtherTab);
    expect(second.transport.counted).toEqual(['a.csv', 'b.csv']);
    expect(second.calls.map((call) => call.file.name)).toEqual(['b.csv']);
  });

  it('sends the file after the wait when the other tab stored another file with its name and size', async () => {
    const manager = fakeLockManager();
    let stored = 0;
    const first = fakeTransport(() => stored);
    const second = fakeTransport(() => stored);
    second.transport.storedByOtherTab = async ({ sha256 }) => sha256 === 'aa';
    const tabA = new UploadQueue(first.transport, { lock: webSessionLock(manager.locks, 'l') });
    const tabB = new UploadQueue(second.transport, { lock: webSessionLock(manager.locks, 'l') });
    tabA.add([{ file: file('a.csv'), alreadyInSession: 0, sha256: 'aa' }]);
    await flush();
    tabB.add([{ file: file('a.csv'), alreadyInSession: 0, sha256: 'cc' }]);
    await flush();
    stored = 1;
    first.calls[0]?.resolve(1);
    await flush();
    expect(statuses(tabB)).toEqual(['a.csv:uploading']);
    // Graph then holds two: one is the other tab's, so this tab added one copy, not a resend by the browser.
    second.calls[0]?.resolve(2);
    await flush();
    expect(tabB.getSnapshot()[0]).toMatchObject({ status: 'done', extraCopies: undefined });
  });
  it('asks the journal about every queued file once the lock is held, and asks again only after letting it go', async () => {
    const manager = fakeLockManager();
    const { transport, calls } = fakeTransport();
    const asked: string[] = [];
    transport.journalledByOtherTab = async ({ file: chosen }) => {
      asked.push(chosen.name);
      return false;
    };
    const queue = new UploadQueue(transport, { concurrency: 1, lock: webSessionLock(manager.locks, 'l') });
    queue.add(['a', 'b', 'c'].map((name) => ({ file: file(name), alreadyInSession: 0, sha256: name })));
    await flush();
    expect(asked).toEqual(['a', 'b', 'c']);
    expect(calls.map((call) => call.file.name)).toEqual(['a']);
    queue.cancel(3);
    calls[0]?.resolve();
    await flush();
    // b's answer was there already: b is sent without asking again.
    expect(calls.map((call) => call.file.name)).toEqual(['a', 'b']);
    expect(asked).toEqual(['a', 'b', 'c']);
    calls[1]?.resolve();
    await flush();
    expect(manager.held()).toBe(false);
    // Another tab may have uploaded since the lock went: c's answer from before no longer holds.
    queue.retry(3);
    await flush();
    expect(asked).toEqual(['a', 'b', 'c', 'c']);
    expect(statuses(queue)).toEqual(['a:done', 'b:done', 'c:uploading']);
  });

  it('checks before sending a file another tab already sent and let the lock go before this tab asked', async () => {
    const manager = fakeLockManager();
    const stored: string[] = [];
    const inSession = (f: File) => stored.filter((name) => name === f.name).length;
    const first = fakeTransport(inSession);
    const second = fakeTransport(inSession);
    // The shared journal: tab A's entry for a.csv ('aa') is there, nothing for b.csv.
    second.transport.journalledByOtherTab = async ({ sha256 }) => sha256 === 'aa';
    second.transport.storedByOtherTab = async ({ sha256 }) => sha256 === 'aa';
    const tabA = new UploadQueue(first.transport, { lock: webSessionLock(manager.locks, 'l') });
    const tabB = new UploadQueue(second.transport, { lock: webSessionLock(manager.locks, 'l') });
    tabA.add([{ file: file('a.csv'), alreadyInSession: 0, sha256: 'aa' }]);
    await flush();
    stored.push('a.csv');
    first.calls[0]?.resolve(1);
    await flush();
    expect(manager.held()).toBe(false);
    // Tab B chose both files before tab A's upload showed in its file list.
    tabB.add([{ file: file('a.csv'), alreadyInSession: 0, sha256: 'aa' }, { file: file('b.csv'), alreadyInSession: 0, sha256: 'bb' }]);
    await flush();
    expect(statuses(tabB)).toEqual(['a.csv:done', 'b.csv:uploading']);
    expect(tabB.getSnapshot()[0]?.note).toBe(uploadedByOtherTab);
    expect(second.transport.counted).toEqual(['a.csv']);
    expect(second.calls.map((call) => call.file.name)).toEqual(['b.csv']);
  });
});

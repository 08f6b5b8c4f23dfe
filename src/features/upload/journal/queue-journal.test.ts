import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UploadQueue } from '../upload-queue';
import { fakeTransport, file, flush, graphError } from '../upload-queue-test-support';
import { QueueJournal } from './queue-journal';
import { UploadJournal, type JournalEntry, type JournalStorage } from './upload-journal';

function memoryStorage(): JournalStorage & { stored: Map<string, JournalEntry> } {
  const stored = new Map<string, JournalEntry>();
  return {
    stored,
    put: async (entry) => void stored.set(entry.id, structuredClone(entry)),
    list: async () => [...stored.values()],
  };
}

const facts = (name: string) => ({ name, size: 10, sha256: name.repeat(4), rowCount: 2, formatId: 'entra' });

describe('QueueJournal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('journals each queued file and follows its state through the queue', async () => {
    const storage = memoryStorage();
    let n = 0;
    const tracker = new QueueJournal(new UploadJournal(storage, 'acc', 'ses', () => new Date(0), () => `j${++n}`));
    const { transport, calls } = fakeTransport();
    const queue = new UploadQueue(transport, { concurrency: 1 });
    queue.subscribe(() => tracker.sync(queue.getSnapshot()));
    const a = file('a.csv');
    const b = file('b.csv');
    tracker.expect(a, facts('a.csv'));
    tracker.expect(b, facts('b.csv'));
    queue.add([{ file: a, alreadyInSession: 0 }, { file: b, alreadyInSession: 0 }]);
    await flush();
    tracker.startAttempt(a, 'crid-a');
    await tracker.journal.flushed();
    expect([...storage.stored.values()].map((e) => [e.name, e.state, e.attempts.length])).toEqual([
      ['a.csv', 'sending', 1],
      ['b.csv', 'queued', 0],
    ]);
    tracker.endAttempt(a, 'crid-a', { status: 200, requestId: 'r1' });
    calls[0]?.resolve();
    await flush();
    calls[1]?.reject(graphError(400));
    await flush();
    await tracker.journal.flushed();
    expect([...storage.stored.values()].map((e) => [e.name, e.state])).toEqual([
      ['a.csv', 'arrived'],
      ['b.csv', 'failed'],
    ]);
    expect(storage.stored.get('j1')?.attempts[0]).toMatchObject({ clientRequestId: 'crid-a', status: 200, requestId: 'r1' });
  });
});

describe('QueueJournal.sameFileJournalledElsewhere: did another tab store this very file?', () => {
  it('says yes for the same SHA-256 in another tab’s entry, no when that tab’s file had other bytes', async () => {
    // Two tabs journal into one storage, as they share the browser's IndexedDB.
    const storage = memoryStorage();
    let n = 0;
    const newId = () => `j${++n}`;
    const tabA = new QueueJournal(new UploadJournal(storage, 'acc', 'ses', () => new Date(0), newId));
    const tabB = new QueueJournal(new UploadJournal(storage, 'acc', 'ses', () => new Date(0), newId));
    tabA.journal.add({ ...facts('a.csv'), sha256: 'aaaa' });
    await tabA.journal.flushed();
    const chosen = file('a.csv');
    // Tab B's own entry (same name, size and hash) does not count as the other tab's.
    tabB.expect(chosen, { ...facts('a.csv'), sha256: 'aaaa' });
    tabB.sync([{ id: 1, file: chosen, sha256: 'aaaa', status: 'queued', sentBytes: 0 }]);
    await tabB.journal.flushed();
    expect(await tabB.sameFileJournalledElsewhere(chosen, 'aaaa')).toBe(true);
    expect(await tabB.sameFileJournalledElsewhere(chosen, 'cccc')).toBe(false);
    // Nothing journalled with that name and size (another browser uploaded it): Graph's copy is trusted.
    expect(await tabB.sameFileJournalledElsewhere(file('z.csv'), 'zzzz')).toBe(true);
  });
});

describe('QueueJournal.journalledElsewhere: asked about many files at once', () => {
  it('answers the questions of one task from one read of the storage, and reads again for a later one', async () => {
    const storage = memoryStorage();
    let n = 0;
    const newId = () => `j${++n}`;
    const tabA = new QueueJournal(new UploadJournal(storage, 'acc', 'ses', () => new Date(0), newId));
    const tabB = new QueueJournal(new UploadJournal(storage, 'acc', 'ses', () => new Date(0), newId));
    tabA.journal.add({ ...facts('a.csv'), sha256: 'aaaa' });
    await tabA.journal.flushed();
    const list = vi.spyOn(storage, 'list');
    const answers = await Promise.all([
      tabB.journalledElsewhere(file('a.csv'), 'aaaa'),
      tabB.journalledElsewhere(file('a.csv'), 'bbbb'),
      tabB.journalledElsewhere(file('b.csv'), 'bbbb'),
    ]);
    expect(answers).toEqual([true, false, false]);
    expect(list).toHaveBeenCalledTimes(1);
    // Another tab journals a file after that read: a later question sees it.
    tabA.journal.add({ ...facts('b.csv'), sha256: 'bbbb' });
    await tabA.journal.flushed();
    expect(await tabB.journalledElsewhere(file('b.csv'), 'bbbb')).toBe(true);
    expect(list).toHaveBeenCalledTimes(2);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { isUnfinished, UploadJournal, type JournalEntry, type JournalStorage } from './upload-journal';

/** The journal's storage as a Map: the IndexedDB adapter itself is exercised in Chromium (e2e/upload-journal.spec.ts). */
function memoryStorage() {
  const stored = new Map<string, JournalEntry>();
  const storage: JournalStorage & { stored: Map<string, JournalEntry> } = {
    stored,
    put: async (entry) => {
      stored.set(`${entry.accountId}/${entry.sessionId}/${entry.id}`, structuredClone(entry));
    },
    list: async (accountId, sessionId) => [...stored.values()].filter((e) => e.accountId === accountId && e.sessionId === sessionId),
  };
  return storage;
}

const facts = { name: 'a.csv', size: 12, sha256: 'ab'.repeat(32), rowCount: 3, formatId: 'entra' };

function journal(storage: JournalStorage) {
  let tick = 0;
  let id = 0;
  return new UploadJournal(storage, 'account-1', 'session-1', () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)), () => `id-${++id}`);
}

describe('UploadJournal', () => {
  it('stores a queued file with its facts, then its state and attempts, per account and session', async () => {
    const storage = memoryStorage();
    const log = journal(storage);
    const id = log.add(facts);
    log.setState(id, 'sending');
    log.startAttempt(id, 'crid-1');
    log.endAttempt(id, 'crid-1', { status: 200, requestId: 'req-1' });
    log.setState(id, 'arrived');
    await log.flushed();

    const [entry] = await storage.list('account-1', 'session-1');
    expect(entry).toMatchObject({ ...facts, id: 'id-1', state: 'arrived', addedAt: '2026-01-01T00:00:00.000Z' });
    expect(entry?.attempts).toEqual([
      { clientRequestId: 'crid-1', startedAt: '2026-01-01T00:00:02.000Z', endedAt: '2026-01-01T00:00:04.000Z', status: 200, requestId: 'req-1' },
    ]);
    expect(await storage.list('account-2', 'session-1')).toEqual([]);
    expect(await storage.list('account-1', 'session-2')).toEqual([]);
  });

  it('keeps an attempt without an answer open, and closes only the attempt the answer belongs to', async () => {
    const storage = memoryStorage();
    const log = journal(storage);
    const id = log.add(facts);
    log.startAttempt(id, 'crid-1');
    log.startAttempt(id, 'crid-2');
    log.endAttempt(id, 'crid-2', { status: 0 });
    await log.flushed();
    const [entry] = await storage.list('account-1', 'session-1');
    expect(entry?.attempts.map((a) => [a.clientRequestId, a.status, a.endedAt !== undefined])).toEqual([
      ['crid-1', undefined, false],
      ['crid-2', 0, true],
    ]);
    expect(entry && isUnfinished(entry)).toBe(true);
  });

  it('never holds contents or tokens: only the listed facts are stored', async () => {
    const storage = memoryStorage();
    const log = journal(storage);
    log.add(facts);
    await log.flushed();
    const [entry] = await storage.list('account-1', 'session-1');
    expect(Object.keys(entry ?? {}).sort()).toEqual(
      ['accountId', 'addedAt', 'attempts', 'formatId', 'id', 'name', 'rowCount', 'sessionId', 'sha256', 'size', 'state', 'updatedAt'].sort(),
    );
  });

  it('writes the changes made while a write is on its way together, the latest of each entry', async () => {
    const storage = memoryStorage();
    const puts: [string, string, number][] = [];
    let release!: () => void;
    const stored = new Promise<void>((resolve) => (release = resolve));
    const slow: JournalStorage = {
      put: async (entry) => {
        puts.push([entry.id, entry.state, entry.attempts.length]);
        await stored;
        return storage.put(entry);
      },
      list: storage.list,
    };
    const log = journal(slow);
    const a = log.add(facts);
    const b = log.add({ ...facts, name: 'b.csv' });
    // Both files queued at once go out in the first write.
    await vi.waitFor(() => expect(puts).toHaveLength(2));
    log.setState(a, 'sending');
    log.startAttempt(a, 'crid-1');
    log.setState(b, 'sending');
    release();
    await log.flushed();
    expect(puts).toEqual([
      ['id-1', 'queued', 0],
      ['id-2', 'queued', 0],
      ['id-1', 'sending', 1],
      ['id-2', 'sending', 0],
    ]);
    expect((await storage.list('account-1', 'session-1')).map((entry) => [entry.name, entry.state, entry.attempts.length])).toEqual([
      ['a.csv', 'sending', 1],
      ['b.csv', 'sending', 0],
    ]);
  });

  it('a storage that fails keeps the failure and does not stop later writes', async () => {
    const storage = memoryStorage();
    let fail = true;
    const flaky: JournalStorage = {
      put: async (entry) => {
        if (fail) throw new Error('QuotaExceededError');
        return storage.put(entry);
      },
      list: storage.list,
    };
    const log = journal(flaky);
    const id = log.add(facts);
    await log.flushed();
    expect(log.failure).toBeInstanceOf(Error);
    fail = false;
    log.setState(id, 'failed');
    await log.flushed();
    expect((await storage.list('account-1', 'session-1'))[0]?.state).toBe('failed');
  });
});

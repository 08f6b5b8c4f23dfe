import { openDB, type DBSchema } from 'idb';
import type { JournalEntry, JournalStorage } from './upload-journal';

interface JournalDb extends DBSchema {
  files: {
    key: [string, string, string];
    value: JournalEntry;
    indexes: { bySession: [string, string] };
  };
}

const databaseName = 'catalog-upload-journal';

/** The journal in IndexedDB: one record per chosen file, found by account and session. */
export async function openIndexedDbJournalStorage(name = databaseName): Promise<JournalStorage> {
  const db = await openDB<JournalDb>(name, 1, {
    upgrade(database) {
      const files = database.createObjectStore('files', { keyPath: ['accountId', 'sessionId', 'id'] });
      files.createIndex('bySession', ['accountId', 'sessionId']);
    },
  });
  /** The puts asked for together (the journal hands over every change its next write takes at once): one transaction. */
  let batch: { entries: JournalEntry[]; written: Promise<void> } | undefined;
  const write = async (entries: JournalEntry[]) => {
    const transaction = db.transaction('files', 'readwrite');
    await Promise.all([...entries.map((entry) => transaction.store.put(entry)), transaction.done]);
  };
  return {
    put(entry) {
      if (!batch) {
        const entries: JournalEntry[] = [];
        const written = Promise.resolve().then(() => {
          batch = undefined;
          return write(entries);
        });
        batch = { entries, written };
      }
      batch.entries.push(entry);
      return batch.written;
    },
    async list(accountId, sessionId) {
      const entries = await db.getAllFromIndex('files', 'bySession', [accountId, sessionId]);
      return entries.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
    },
  };
}

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
  return {
    async put(entry) {
      await db.put('files', entry);
    },
    async list(accountId, sessionId) {
      const entries = await db.getAllFromIndex('files', 'bySession', [accountId, sessionId]);
      return entries.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
    },
  };
}

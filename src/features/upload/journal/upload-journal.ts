import { openIndexedDbJournalStorage } from './indexeddb-journal-storage';

/**
 * The upload journal: for every file the owner chose for a session, what it was (name, size, SHA-256, rows, format)
 * and what happened to it (state, and each attempt's request ids). Kept in IndexedDB per signed-in account (MSAL's
 * home account id) and session, so that a closed tab, a lost sign-in or another tab never hides what was sent.
 * It holds no file contents and no tokens.
 */

export type JournalFileState = 'queued' | 'sending' | 'arrived' | 'failed' | 'cancelled';

export interface JournalAttempt {
  /** The client-request-id this console sent with the upload. */
  clientRequestId: string;
  /** Graph's request-id, when an answer came. */
  requestId?: string;
  /** ISO time the attempt started. */
  startedAt: string;
  /** ISO time the answer (or the failure) came; missing while it is on its way or when the tab closed first. */
  endedAt?: string;
  /** The HTTP status Graph answered, 0 when the connection failed; missing without an answer. */
  status?: number;
}

export interface JournalEntry {
  accountId: string;
  sessionId: string;
  /** One id per chosen file (a random UUID). */
  id: string;
  name: string;
  size: number;
  /** Lower-case hex SHA-256 of the file's bytes, as the validation worker read them. */
  sha256: string;
  rowCount: number;
  /** The CSV format the file was checked against (csv-formats.ts id). */
  formatId: string;
  state: JournalFileState;
  /** ISO times. */
  addedAt: string;
  updatedAt: string;
  attempts: JournalAttempt[];
}

/** Where the journal keeps its entries: IndexedDB in the app, a Map in unit tests. */
export interface JournalStorage {
  put(entry: JournalEntry): Promise<void>;
  list(accountId: string, sessionId: string): Promise<JournalEntry[]>;
}

/** The facts of a chosen file the journal records when it is queued. */
export interface JournalFileFacts {
  name: string;
  size: number;
  sha256: string;
  rowCount: number;
  formatId: string;
}

/**
 * The journal of one account's session. Writes are applied in order (each waits for the one before), so a state change
 * and an attempt that race never overwrite each other; the changes made while a write waits go out together with it,
 * the latest of each entry (a file's state and its attempt change in the same moment, and ten files are queued at
 * once: one write each cost the page an IndexedDB transaction per change, bench/README.md, issue 15). A failing
 * storage (private mode, quota) never stops an upload: the error is kept for the page to show, and the uploads go on.
 */
export class UploadJournal {
  private readonly entries = new Map<string, JournalEntry>();
  private writes: Promise<void> = Promise.resolve();
  /** Changes no write has taken yet, the latest of each entry: the write that waits takes them all when it starts. */
  private readonly unsaved = new Map<string, JournalEntry>();
  /** The last storage failure, if any. */
  failure?: unknown;

  constructor(
    private readonly storage: JournalStorage,
    readonly accountId: string,
    readonly sessionId: string,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Records a newly queued file; returns its journal id. */
  add(facts: JournalFileFacts): string {
    const time = this.now().toISOString();
    const entry: JournalEntry = {
      accountId: this.accountId,
      sessionId: this.sessionId,
      id: this.newId(),
      ...facts,
      state: 'queued',
      addedAt: time,
      updatedAt: time,
      attempts: [],
    };
    this.entries.set(entry.id, entry);
    this.save(entry);
    return entry.id;
  }

  /** Takes over an entry read back from storage (a resumed session), so later changes update it. */
  adopt(entry: JournalEntry) {
    this.entries.set(entry.id, entry);
  }

  /** Every entry stored for this account's session (earlier visits included). */
  list(): Promise<JournalEntry[]> {
    return this.storage.list(this.accountId, this.sessionId);
  }

  get(id: string): JournalEntry | undefined {
    return this.entries.get(id);
  }

  setState(id: string, state: JournalFileState) {
    const entry = this.entries.get(id);
    if (!entry || entry.state === state) return;
    this.change(entry, { state });
  }

  startAttempt(id: string, clientRequestId: string) {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.change(entry, { attempts: [...entry.attempts, { clientRequestId, startedAt: this.now().toISOString() }] });
  }

  /** The answer (or the failure) of the attempt sent with this client-request-id. */
  endAttempt(id: string, clientRequestId: string, answer: { status: number; requestId?: string }) {
    const entry = this.entries.get(id);
    if (!entry) return;
    const endedAt = this.now().toISOString();
    const attempts = entry.attempts.map((attempt) =>
      attempt.clientRequestId === clientRequestId && attempt.endedAt === undefined ? { ...attempt, ...answer, endedAt } : attempt,
    );
    this.change(entry, { attempts });
  }

  /** Resolves once every change made so far is stored (or failed to be). */
  flushed(): Promise<void> {
    return this.writes;
  }

  private change(entry: JournalEntry, change: Partial<JournalEntry>) {
    const next = { ...entry, ...change, updatedAt: this.now().toISOString() };
    this.entries.set(entry.id, next);
    this.save(next);
  }

  private save(entry: JournalEntry) {
    const writeWaiting = this.unsaved.size > 0;
    this.unsaved.set(entry.id, entry);
    if (writeWaiting) return;
    this.writes = this.writes
      .then(async () => {
        const batch = [...this.unsaved.values()];
        this.unsaved.clear();
        await Promise.all(batch.map((next) => this.storage.put(next)));
      })
      .catch((error: unknown) => {
        this.failure = error;
      });
  }
}

/** A file the journal still expects to finish: chosen, not yet known to have arrived, not given up on. */
export const isUnfinished = (entry: JournalEntry) => entry.state === 'queued' || entry.state === 'sending';

let storage: Promise<JournalStorage> | undefined;

/** The app's one IndexedDB-backed journal storage, opened on first use. */
export function journalStorage(): Promise<JournalStorage> {
  storage ??= openIndexedDbJournalStorage();
  return storage;
}

/** Every file the journal holds for this account's session, oldest first (for the evidence pack and for resuming). */
export async function readJournal(accountId: string, sessionId: string): Promise<JournalEntry[]> {
  return (await journalStorage()).list(accountId, sessionId);
}

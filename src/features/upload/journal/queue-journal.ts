import type { UploadItem, UploadStatus } from '../upload-queue';
import {
  journalStorage,
  UploadJournal,
  type JournalEntry,
  type JournalFileFacts,
  isUnfinished,
  type JournalFileState,
  type JournalStorage,
} from './upload-journal';

/** The journal's word for where a queued file is. Checking whether a file arrived is still "sending": nobody knows yet. */
export function journalState(status: UploadStatus): JournalFileState {
  switch (status) {
    case 'queued':
    case 'waiting':
    case 'paused':
      return 'queued';
    case 'uploading':
    case 'checking':
      return 'sending';
    case 'done':
      return 'arrived';
    case 'failed':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
  }
}

/** The app's IndexedDB storage, opened when the first entry is written or read. */
const lazyStorage: JournalStorage = {
  put: async (entry) => (await journalStorage()).put(entry),
  list: async (accountId, sessionId) => (await journalStorage()).list(accountId, sessionId),
};

/**
 * Keeps the journal in step with one session's upload queue: a file's facts are given before it is queued (`expect`),
 * its entry is written when the queue lists it, and each snapshot of the queue moves the entries' states. Attempts are
 * recorded by the transport, which knows the request ids.
 */
export class QueueJournal {
  /** `resumes`: the entry of an earlier visit this file finishes, instead of a new one. */
  private readonly facts = new Map<File, JournalFileFacts & { resumes?: string }>();
  /** Queue item id → journal id. */
  private readonly ids = new Map<number, string>();
  /** The journal id of the entry a File is queued as now (a File is never queued twice at once). */
  private readonly current = new Map<File, string>();

  /** The storage's entries, read once for every question asked in the same task (entriesNow). */
  private reading?: Promise<JournalEntry[]>;

  constructor(readonly journal: UploadJournal) {}

  static forSession(accountId: string, sessionId: string, storage: JournalStorage = lazyStorage) {
    return new QueueJournal(new UploadJournal(storage, accountId, sessionId));
  }

  /** The facts of a file about to be queued. */
  expect(file: File, facts: JournalFileFacts) {
    this.facts.set(file, facts);
  }

  /** A file chosen again for an entry an earlier visit left unfinished: the queue finishes that entry. */
  expectResumed(file: File, entry: JournalEntry) {
    this.journal.adopt(entry);
    this.facts.set(file, { ...entry, resumes: entry.id });
  }

  /** An earlier visit's entry found in the session: it arrived. */
  markArrived(entry: JournalEntry) {
    this.journal.adopt(entry);
    this.journal.setState(entry.id, 'arrived');
  }

  /** Follows a snapshot of the queue. */
  sync(items: readonly UploadItem[]) {
    for (const item of items) {
      let id = this.ids.get(item.id);
      if (id === undefined) {
        const facts = this.facts.get(item.file);
        if (!facts) continue;
        this.facts.delete(item.file);
        id = facts.resumes ?? this.journal.add(facts);
        this.ids.set(item.id, id);
        this.current.set(item.file, id);
      }
      this.journal.setState(id, journalState(item.status));
    }
  }

  /**
   * Whether a file with this name and size that another tab (or visit) journalled was this very file: false only when
   * every such entry holds another SHA-256; true when one matches or nothing says (Graph's copy is then trusted).
   */
  async sameFileJournalledElsewhere(file: File, sha256: string | undefined): Promise<boolean> {
    if (sha256 === undefined) return true;
    const mine = this.current.get(file);
    const others = (await this.entriesNow()).filter((entry) => entry.id !== mine && entry.name === file.name && entry.size === file.size);
    return others.length === 0 || others.some((entry) => entry.sha256 === sha256);
  }

  /** Another entry (another tab's) holds this very file (name, size and SHA-256), on its way or arrived. */
  async journalledElsewhere(file: File, sha256: string | undefined): Promise<boolean> {
    if (sha256 === undefined) return false;
    const mine = this.current.get(file);
    return (await this.entriesNow()).some(
      (entry) => entry.id !== mine && entry.name === file.name && entry.size === file.size && entry.sha256 === sha256 && (isUnfinished(entry) || entry.state === 'arrived'),
    );
  }

  /**
   * Once it holds the lock, the queue asks about every queued file in one go: one read of the storage answers them all,
   * where a read each made ten IndexedDB transactions before the first upload (bench/README.md, issue 15). Questions
   * asked in a later task read again.
   */
  private entriesNow(): Promise<JournalEntry[]> {
    if (!this.reading) {
      this.reading = this.journal.list();
      queueMicrotask(() => (this.reading = undefined));
    }
    return this.reading;
  }

  startAttempt(file: File, clientRequestId: string) {
    const id = this.current.get(file);
    if (id !== undefined) this.journal.startAttempt(id, clientRequestId);
  }

  endAttempt(file: File, clientRequestId: string, answer: { status: number; requestId?: string }) {
    const id = this.current.get(file);
    if (id !== undefined) this.journal.endAttempt(id, clientRequestId, answer);
  }
}

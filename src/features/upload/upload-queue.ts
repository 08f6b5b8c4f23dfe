import { GraphError } from '../../graph/graph-error';
import { retryableStatuses, retryDelayMs, sleep as defaultSleep } from '../../graph/retry-policy';
import { isSameChosenFile } from './chosen-file';
import { QueuePublisher } from './queue-publisher';
import { openGate, type UploadGate } from './upload-gate';
import { checkingOtherTab, otherTabUploading, uploadedByOtherTab, type SessionLock } from './session-lock';
import { isBusy, isInFlight, type RefusedFile, type UploadItem, type UploadQueueOptions, type UploadTransport } from './upload-item';
import { forbiddenNote, neverAborted, sessionClosedStatuses, type Entry } from './upload-queue-entry';

export * from './upload-item';

/** Two or three uploads at once keep the pipe full without provoking Graph's throttling. */
export const uploadConcurrency = 3;

/**
 * The browser reports upload progress every 50 ms or so per request: each publish re-renders the rows that moved, and
 * that main-thread work delays the answers of the other uploads and so the next starts. At 100 ms the mean gap from an
 * answer to the next start was 56 to 112 ms, at 250 ms 24 to 54 ms, the plain loop's 6 to 8 (bench/README.md, issue 15).
 * Four updates a second still move the bars, which ease between values.
 */
export const progressIntervalMs = 250;

/**
 * Uploads files a few at a time, waits out 429/503 as Graph asks, and never sends a file twice: when an attempt
 * got no answer, it counts the session's files with that name and size before sending again.
 */
export class UploadQueue {
  private entries: Entry[] = [];
  private readonly publisher: QueuePublisher;
  private nextId = 1;
  private active = 0;
  private arrivedSinceDrain = 0;
  /** Why the session takes no more files, once Graph said so: nothing is sent after that. */
  private closedBy?: { error: GraphError; note: string };
  /** Graph refused this account uploads (403): said once by the page, nothing more is sent. */
  private forbiddenBy?: GraphError;
  private readonly concurrency: number;
  private readonly maxAutoRetries: number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private readonly gate: UploadGate;
  private readonly lock?: SessionLock;

  constructor(
    private readonly transport: UploadTransport,
    options: UploadQueueOptions = {},
  ) {
    this.concurrency = options.concurrency ?? uploadConcurrency;
    this.maxAutoRetries = options.maxAutoRetries ?? 5;
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.publisher = new QueuePublisher(() => this.entries.map((entry) => entry.item), options.progressIntervalMs ?? progressIntervalMs, options.onChange);
    this.gate = options.gate ?? openGate;
    this.lock = options.lock;
  }

  /** Listeners hear of changes in a task after them (queue-publisher.ts); getSnapshot is always current. */
  subscribe = (listener: () => void) => this.publisher.subscribe(listener);

  getSnapshot = () => this.publisher.getSnapshot();

  /**
   * `alreadyInSession`: how many files with the same name and size the session held when the person chose to upload.
   * A file already queued, on its way or uploaded (isSameChosenFile) is never queued twice: it is returned, with why.
   */
  add(files: { file: File; alreadyInSession: number; sha256?: string }[]): RefusedFile[] {
    if (this.closedBy) return files.map(({ file }) => ({ file, reason: this.closedBy?.note ?? '' }));
    if (this.forbiddenBy) return files.map(({ file }) => ({ file, reason: forbiddenNote }));
    const refused: RefusedFile[] = [];
    for (const { file, alreadyInSession, sha256 } of files) {
      const reason = this.whyNotQueued({ file, sha256 });
      if (reason) {
        refused.push({ file, reason });
        continue;
      }
      const item: UploadItem = { id: this.nextId++, file, sha256, status: 'queued', sentBytes: 0 };
      this.entries.push({ item, baseline: alreadyInSession, unanswered: false, running: false });
    }
    this.publish();
    this.pump();
    return refused;
  }

  /** Why this file cannot be queued now: the same file is already in the queue or uploaded. */
  whyNotQueued(candidate: { file: File; sha256?: string }): string | undefined {
    const same = this.entries.find(({ item }) => (isInFlight(item) || item.status === 'done') && isSameChosenFile(item, candidate));
    if (!same) return undefined;
    return same.item.status === 'done' ? 'Already uploaded in this visit.' : 'Already in the queue.';
  }

  cancel(id: number) {
    const entry = this.find(id);
    if (!entry) return;
    if (entry.running) entry.controller?.abort(new DOMException('Cancelled', 'AbortError'));
    else if (entry.item.status === 'queued') this.update(entry, { status: 'cancelled' });
  }

  cancelAll() {
    for (const entry of this.entries) this.cancel(entry.item.id);
  }

  /** The session takes no more files (finalized, expired or deleted): no Retry can succeed. */
  get closed() {
    return this.closedBy !== undefined;
  }

  /** Graph answered 403 to an upload: this account may not upload to the session. */
  get forbidden(): GraphError | undefined {
    return this.forbiddenBy;
  }

  retry(id: number) {
    const entry = this.find(id);
    if (this.closedBy || this.forbiddenBy || !entry || (entry.item.status !== 'failed' && entry.item.status !== 'cancelled')) return;
    this.update(entry, { status: 'queued', sentBytes: 0, error: undefined, note: undefined });
    this.pump();
  }

  /** Drops a file that is not on its way (done, failed or cancelled) from the list. */
  remove(id: number) {
    const entry = this.find(id);
    if (!entry || entry.running || entry.item.status === 'queued') return;
    this.entries = this.entries.filter((e) => e !== entry);
    this.publish();
  }

  private find(id: number) {
    return this.entries.find((entry) => entry.item.id === id);
  }

  private update(entry: Entry, change: Partial<UploadItem>) {
    entry.item = { ...entry.item, ...change };
    this.publish();
  }

  /** Progress is kept at once and published with the next change, or after progressIntervalMs at the latest. */
  private progress(entry: Entry, sentBytes: number) {
    // A report that arrives after the attempt ended (cancelled, failed, done) must not overwrite its final state.
    if (entry.item.status !== 'uploading' || entry.item.sentBytes === sentBytes) return;
    entry.item = { ...entry.item, sentBytes };
    this.publisher.publishSoon();
  }

  private publish() {
    this.publisher.publish();
  }

  private pump() {
    for (const entry of this.entries) {
      if (this.active >= this.concurrency) return;
      if (entry.item.status === 'queued' && !entry.running) void this.run(entry);
    }
  }

  private async run(entry: Entry) {
    this.active++;
    entry.running = true;
    const controller = new AbortController();
    entry.controller = controller;
    try {
      await this.attempt(entry, controller.signal);
    } finally {
      entry.running = false;
      entry.controller = undefined;
      this.active--;
      this.pump();
      if (!isBusy(this.getSnapshot())) this.releaseLock();
      if (entry.item.status === 'done') this.arrivedSinceDrain++;
      if (this.arrivedSinceDrain > 0 && !isBusy(this.getSnapshot())) {
        this.arrivedSinceDrain = 0;
        this.transport.onDrained();
      }
    }
  }

  /** Graph refused the session itself: the files not yet sent stay unsent, and say why. */
  private close(error: GraphError) {
    if (this.closedBy) return;
    const note = error.status === 404 ? 'Not sent: the session no longer exists.' : 'Not sent: the session takes no more files.';
    this.closedBy = { error, note };
    for (const entry of this.entries) {
      if (entry.running) entry.controller?.abort(new DOMException('The session closed', 'AbortError'));
      if (entry.item.status === 'queued' || entry.item.status === 'waiting') this.update(entry, { status: 'cancelled', note, retryAt: undefined, waitReason: undefined });
    }
    this.transport.onSessionClosed(error);
  }

  /** Holds the file while a gate is closed (offline, sign-in needed): shown as paused, no attempt spent. */
  private async passGate(entry: Entry, signal: AbortSignal) {
    for (let reason = this.gate.closedBecause(); reason; reason = this.gate.closedBecause()) {
      this.update(entry, { status: 'paused', sentBytes: 0, retryAt: undefined, waitReason: reason });
      await this.gate.whenOpen(signal);
    }
  }

  /** Waits while another tab uploads into the session; after such a wait every file not yet sent is checked first. */
  private async holdLock(entry: Entry, signal: AbortSignal) {
    if (!this.lock) return;
    const waited = await this.lock.acquire(signal, () => this.update(entry, { status: 'paused', sentBytes: 0, waitReason: otherTabUploading }));
    if (waited) {
      for (const other of this.entries) if (isInFlight(other.item)) other.otherTabSent = true;
      return;
    }
    // Another tab may have sent this file and let the lock go before this tab asked: its journal says so.
    const ask = this.transport.journalledByOtherTab;
    if (entry.otherTabAsked || !ask) return;
    // Every file still queued is asked now: while this tab holds the lock, other tabs send nothing, so the answers hold
    // until it goes, and a file whose turn comes does not wait for the journal (IndexedDB) before it is sent
    // (bench/README.md, issue 15).
    for (const other of this.entries) {
      if (other.otherTabAsked || other.otherTabAnswer || !isInFlight(other.item)) continue;
      other.otherTabAnswer = ask({ file: other.item.file, sha256: other.item.sha256 }, neverAborted);
      // Read when the file's turn comes; a failure then fails that file, as before.
      other.otherTabAnswer.catch(() => undefined);
    }
    const answer = entry.otherTabAnswer ?? ask({ file: entry.item.file, sha256: entry.item.sha256 }, signal);
    entry.otherTabAnswer = undefined;
    entry.otherTabAsked = true;
    const sent = await answer;
    signal.throwIfAborted();
    if (sent) entry.otherTabSent = true;
  }

  /** Nothing is left to send: other tabs may upload now, so the journal's answers asked ahead no longer hold. */
  private releaseLock() {
    this.lock?.release();
    for (const entry of this.entries) entry.otherTabAnswer = undefined;
  }

  /** 403: a role problem, not a passing one. Files not yet sent stay unsent and say why; none can be retried. */
  private forbid(error: GraphError) {
    this.forbiddenBy ??= error;
    for (const entry of this.entries) {
      if (entry.item.status === 'failed' || entry.item.status === 'cancelled') this.update(entry, { retryable: false });
      else if (!entry.running && entry.item.status === 'queued') this.update(entry, { status: 'cancelled', note: forbiddenNote, retryable: false });
    }
  }

  private async attempt(entry: Entry, signal: AbortSignal) {
    const { file } = entry.item;
    let retries = 0;
    for (;;) {
      let sending = false;
      try {
        await this.holdLock(entry, signal);
        await this.passGate(entry, signal);
        if (this.forbiddenBy) {
          this.update(entry, { status: 'cancelled', sentBytes: 0, waitReason: undefined, note: forbiddenNote, retryable: false });
          return;
        }
        if (entry.unanswered || entry.otherTabSent) {
          const byOtherTab = !entry.unanswered;
          this.update(entry, { status: 'checking', retryAt: undefined, waitReason: byOtherTab ? checkingOtherTab : undefined });
          const copies = await this.transport.countInSession(file, signal);
          if (copies > entry.baseline && (!byOtherTab || (await this.sentByOtherTab(entry, signal)))) {
            this.update(entry, { status: 'done', sentBytes: file.size, waitReason: undefined, note: byOtherTab ? uploadedByOtherTab : 'It had arrived although Graph’s answer was lost.' });
            return;
          }
          // Copies another tab added are not this tab's: they must not count as the browser sending this file again.
          if (byOtherTab) entry.baseline = Math.max(entry.baseline, copies);
          entry.unanswered = false;
          entry.otherTabSent = false;
        }
        this.update(entry, { status: 'uploading', sentBytes: 0, retryAt: undefined, waitReason: undefined });
        sending = true;
        const copies = await this.transport.upload(file, { signal, onProgress: (sentBytes) => this.progress(entry, sentBytes) });
        // Browsers resend a request whose connection dropped before any answer, below any code of ours: say so.
        const added = copies === undefined ? 1 : copies - entry.baseline;
        this.update(entry, { status: 'done', sentBytes: file.size, extraCopies: added > 1 ? added - 1 : undefined });
        return;
      } catch (error) {
        // A request cut off after it started may still have delivered the file.
        if (sending && (signal.aborted || (error instanceof GraphError && error.status === 0))) entry.unanswered = true;
        if (signal.aborted && this.closedBy) {
          this.update(entry, { status: 'cancelled', sentBytes: 0, retryAt: undefined, waitReason: undefined, note: this.closedBy.note });
          return;
        }
        if (signal.aborted) {
          const note = sending ? 'It may have reached Graph before the cancel: Retry checks the session first.' : undefined;
          this.update(entry, { status: 'cancelled', sentBytes: 0, retryAt: undefined, waitReason: undefined, note });
          return;
        }
        const status = error instanceof GraphError ? error.status : undefined;
        if (error instanceof GraphError && error.status === 403) {
          this.update(entry, { status: 'failed', error, retryable: false });
          this.forbid(error);
          return;
        }
        if (error instanceof GraphError && sessionClosedStatuses.has(error.status)) {
          this.update(entry, { status: 'failed', error });
          this.close(error);
          return;
        }
        // Offline (or a closed gate) is a state, not a failure: the file waits for the gate without spending a retry.
        if (status === 0 && this.gate.closedBecause()) continue;
        const transient = status !== undefined && (status === 0 || retryableStatuses.has(status));
        if (!transient || retries >= this.maxAutoRetries) {
          this.update(entry, { status: 'failed', error });
          return;
        }
        const delayMs = retryDelayMs(retries++, (error as GraphError).retryAfterSeconds);
        const waitReason = status === 0 ? 'the connection dropped' : 'Graph is busy';
        this.update(entry, { status: 'waiting', sentBytes: 0, retryAt: this.now() + delayMs, waitReason, error });
        try {
          await this.sleep(delayMs, signal);
        } catch {
          this.update(entry, { status: 'cancelled', retryAt: undefined, waitReason: undefined });
          return;
        }
      }
    }
  }

  /** Another tab stored a file with this name and size: the shared journal says whether it was this very file (SHA-256). */
  private async sentByOtherTab(entry: Entry, signal: AbortSignal) {
    const { file, sha256 } = entry.item;
    return this.transport.storedByOtherTab ? this.transport.storedByOtherTab({ file, sha256 }, signal) : true;
  }
}

import type { UploadItem } from './upload-item';

/**
 * The upload queue's snapshot and who hears of its changes. The snapshot is always current (getSnapshot), and
 * `onChange` (the journal) hears of every change at once; listeners (React's useSyncExternalStore) hear of changes in a
 * task of their own, coalesced. Told synchronously, React rendered the session page in a microtask of the upload
 * answer's task, before the next upload's chain (lock, gate, token, send) had reached `xhr.send`, and that delayed
 * each next upload (bench/README.md, issue 15). Progress alone is published at most every `progressIntervalMs`.
 */
export class QueuePublisher {
  private snapshot: readonly UploadItem[] = [];
  private readonly listeners = new Set<() => void>();
  /** A publish of progress not yet shown, while one is pending. */
  private progressTimer?: ReturnType<typeof setTimeout>;
  private notifyTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly read: () => readonly UploadItem[],
    private readonly progressIntervalMs: number,
    private readonly onChange?: (items: readonly UploadItem[]) => void,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /**
   * A change the page must show: taken into the snapshot now, told to the listeners in the next task (`now`: in this
   * one, which is already a task of its own: the progress timer's).
   */
  publish(now = false) {
    clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    this.snapshot = this.read();
    this.onChange?.(this.snapshot);
    if (now) this.notify();
    else if (this.listeners.size > 0) this.notifyTimer ??= setTimeout(this.notify, 0);
  }

  /** Progress: published with the next change, or after progressIntervalMs at the latest. */
  publishSoon() {
    this.progressTimer ??= setTimeout(() => this.publish(true), this.progressIntervalMs);
  }

  private notify = () => {
    clearTimeout(this.notifyTimer);
    this.notifyTimer = undefined;
    for (const listener of this.listeners) listener();
  };
}

import type { GraphError } from '../../graph/graph-error';
import type { UploadGate } from './upload-gate';
import type { SessionLock } from './session-lock';

/** What the upload queue holds and shows, and the one "busy" rule of the upload feature. */

/** `paused`: held by a closed gate (offline, sign-in needed), with the reason in waitReason; no attempt is spent. */
export type UploadStatus = 'queued' | 'checking' | 'uploading' | 'waiting' | 'paused' | 'done' | 'failed' | 'cancelled';

export interface UploadItem {
  id: number;
  file: File;
  /** The file's SHA-256 from the CSV checks, when known: what makes it the same file as another. */
  sha256?: string;
  status: UploadStatus;
  sentBytes: number;
  /** While waiting: when the next attempt starts, and why. */
  retryAt?: number;
  waitReason?: string;
  error?: unknown;
  /** Said when a file whose request got no answer turned out to be in the session already. */
  note?: string;
  /** False when no Retry can succeed (Graph answered 403: the account may not upload here). */
  retryable?: false;
  /** Copies of this file (name and size) the upload added, when more than one: the browser sent it again by itself. */
  extraCopies?: number;
}

export interface UploadTransport {
  /** Resolves with how many copies of this file the session holds afterwards, when Graph says. */
  upload(file: File, options: { signal: AbortSignal; onProgress: (sentBytes: number) => void }): Promise<number | undefined>;
  /** How many copies of this file the session holds now. */
  countInSession(file: File, signal: AbortSignal): Promise<number>;
  /** Whether another tab of this browser stored this very file (the shared journal's SHA-256); true when unsure. */
  storedByOtherTab?(chosen: { file: File; sha256?: string }, signal: AbortSignal): Promise<boolean>;
  /** Whether another tab's journal holds this very file (same SHA-256) queued, sending or arrived; false when unsure. */
  journalledByOtherTab?(chosen: { file: File; sha256?: string }, signal: AbortSignal): Promise<boolean>;
  /** Nothing is on its way any more and files arrived since the last call: refresh what shows the session, once. */
  onDrained(): void;
  /** Graph said the session is gone (404) or takes no more files (409): the queue has stopped. */
  onSessionClosed(error: GraphError): void;
}

export interface UploadQueueOptions {
  concurrency?: number;
  /** Automatic retries per file after 429/503 or a lost connection; then the person decides. */
  maxAutoRetries?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Progress of the files on their way reaches the listeners at most this often (ms); any other change at once. */
  progressIntervalMs?: number;
  /** Told of every change synchronously, before the listeners (the journal: its attempts follow its entries). */
  onChange?: (items: readonly UploadItem[]) => void;
  /** What must be open before a file is sent (the connection, a signed-in person). */
  gate?: UploadGate;
  /** Held while files are to be sent, so that one tab at a time uploads into the session. */
  lock?: SessionLock;
}

/** A file `add` did not queue, and why. */
export interface RefusedFile {
  file: File;
  reason: string;
}

/** A file the queue is still working on: it may yet be sent. The one "busy" rule of the upload feature. */
export const isInFlight = (item: UploadItem) =>
  item.status === 'queued' || item.status === 'uploading' || item.status === 'waiting' || item.status === 'paused' || item.status === 'checking';

export const isBusy = (items: readonly UploadItem[]) => items.some(isInFlight);

export const hasFailed = (items: readonly UploadItem[]) => items.some((item) => item.status === 'failed');

import type { UploadItem } from './upload-item';

/** What the upload queue keeps of each file beside what it shows (upload-queue.ts). */
export interface Entry {
  item: UploadItem;
  controller?: AbortController;
  /** Files with this name and size in the session before we sent this one. */
  baseline: number;
  /** An earlier attempt got no answer: the file may have arrived. */
  unanswered: boolean;
  /** Another tab uploaded into the session while this file waited: it may have sent this very file. */
  otherTabSent?: boolean;
  /** The shared journal was asked once whether another tab took this file before this tab held the lock. */
  otherTabAsked?: boolean;
  /** The journal's answer, asked ahead while this tab holds the lock (holdLock); dropped when the lock goes. */
  otherTabAnswer?: Promise<boolean>;
  running: boolean;
}

/** The journal's answers asked ahead belong to no one file's attempt: nothing cancels them (reading it changes nothing). */
export const neverAborted = new AbortController().signal;

export const forbiddenNote = 'Not sent: Graph refused this account uploads to the session (403).';

/** 404: the session was deleted; 409: it is finalized or expired. Either way no file will ever be taken. */
export const sessionClosedStatuses = new Set([404, 409]);

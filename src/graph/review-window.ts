import type { ReviewInstance } from './schemas';

/**
 * Entra accepts custom data while a review instance is Initializing, for two hours from its start
 * (docs/graph-contract.md §5.4). The one window rule: the new-session dialog, the session page and the readiness
 * views all read it from here.
 */
export const uploadWindowMs = 2 * 60 * 60 * 1000;

export type UploadWindow =
  | { open: true; closesAt: number; remainingMs: number }
  | { open: false; reason: string };

const isStatus = (instance: ReviewInstance, status: string) => instance.status?.toLowerCase() === status.toLowerCase();

/** Whether data can still be uploaded for an instance, and until when. */
export function uploadWindowOf(instance: ReviewInstance, now: number): UploadWindow {
  if (isStatus(instance, 'NotStarted')) return { open: false, reason: 'Window not open yet: the review has not started' };
  if (!isStatus(instance, 'Initializing')) return { open: false, reason: 'Window closed: the review is past initializing' };
  const start = Date.parse(instance.startDateTime ?? '');
  if (Number.isNaN(start)) return { open: false, reason: 'Window unknown: Graph gave no start time' };
  const closesAt = start + uploadWindowMs;
  if (closesAt <= now) return { open: false, reason: 'Window closed: two hours have passed since the review started' };
  return { open: true, closesAt, remainingMs: closesAt - now };
}

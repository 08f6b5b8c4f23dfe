import { useEffect, useRef } from 'react';
import { asSentence } from '../../components/format';
import { isBusy, type UploadItem } from './upload-queue';

const reason = (error: unknown) => asSentence(error instanceof Error ? error.message : String(error));

/**
 * What the live region says as the queue moves on: each file that arrived or failed and, when several files were
 * sent and the queue has nothing left to do, how the batch ended. Waiting and retrying pass by on their own, and
 * cancelling is the person's own doing: the list shows those.
 */
export function describeUploadChanges(before: readonly UploadItem[], after: readonly UploadItem[]): string[] {
  const previous = new Map(before.map((item) => [item.id, item.status]));
  const messages: string[] = [];
  for (const item of after) {
    if (previous.get(item.id) === item.status) continue;
    const name = item.file.name;
    if (item.status === 'done') {
      messages.push(item.extraCopies ? `${name} uploaded, but the session now holds it ${item.extraCopies + 1} times.` : `${name} uploaded.`);
    } else if (item.status === 'failed') {
      messages.push(`${name} failed to upload: ${reason(item.error)}`);
    }
  }
  const counted = after.filter((item) => item.status !== 'cancelled');
  if (messages.length > 0 && counted.length > 1 && !isBusy(after)) {
    const done = counted.filter((item) => item.status === 'done').length;
    const failed = counted.length - done;
    messages.push(failed === 0 ? `All ${done} files uploaded.` : `Uploads finished: ${done} uploaded, ${failed} failed.`);
  }
  return messages;
}

/** Announces what `describeUploadChanges` finds between one snapshot of the queue and the next. */
export function useUploadAnnouncements(items: readonly UploadItem[], announce: (message: string) => void) {
  const seen = useRef(items);
  useEffect(() => {
    const messages = describeUploadChanges(seen.current, items);
    seen.current = items;
    if (messages.length > 0) announce(messages.join(' '));
  }, [items, announce]);
}

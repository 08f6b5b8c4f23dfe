import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissRegular, StopRegular } from '@fluentui/react-icons';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { rescueFocus } from '../../../components/focus-rescue';
import { formatBytes } from '../../../components/format';
import { useFocusAfterRemoval } from '../../../components/use-focus-after-removal';
import { GraphError } from '../../../graph/graph-error';
import { isInFlight, type UploadItem, type UploadQueue } from '../upload-queue';
import { useUploadClosed, useUploadItems, useUploadQueue } from './upload-session-provider';
import { DisplayName } from '../../../components/display-name';
import { escapeBidi } from '../../../components/bidi';
import { UploadProgressBar } from './upload-progress-bar';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'grid', gridTemplateColumns: '1fr auto', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS },
});

/** Seconds until a waiting file's next attempt, ticking. */
function useSecondsUntil(at: number | undefined) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [at]);
  return at === undefined ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

function errorText(error: unknown) {
  if (!(error instanceof GraphError)) return error instanceof Error ? error.message : String(error);
  const ids = [
    error.status > 0 && `HTTP ${error.status}`,
    error.code,
    error.requestId && `request ID ${error.requestId}`,
    error.clientRequestId && `client request ID ${error.clientRequestId}`,
    error.date && `time ${error.date}`,
  ];
  return `${error.message} (${ids.filter(Boolean).join(' · ')})`;
}

function statusText(item: UploadItem, seconds: number) {
  const size = item.file.size;
  switch (item.status) {
    case 'queued':
      return 'Waiting for its turn';
    case 'checking':
      if (item.waitReason) return item.waitReason;
      return 'The connection dropped: checking whether the file arrived';
    case 'uploading':
      return `Uploading: ${formatBytes(item.sentBytes)} of ${formatBytes(size)}`;
    case 'waiting':
      return `Waiting ${seconds} s: ${item.waitReason}`;
    case 'paused':
      return item.waitReason ?? 'Paused';
    case 'done':
      if (item.extraCopies) {
        return `Uploaded, but the session now holds it ${item.extraCopies + 1} times: the connection dropped after Graph stored it and the browser sent it again by itself. Delete the session and start over to have it once.`;
      }
      return item.note ? `Uploaded. ${item.note}` : `Uploaded (${formatBytes(size)})`;
    case 'failed':
      return `Failed: ${errorText(item.error)}`;
    case 'cancelled':
      return item.note ? `Cancelled. ${item.note}` : 'Cancelled';
  }
}

interface UploadRowProps {
  item: UploadItem;
  index: number;
  queue: UploadQueue;
  closed: boolean;
  onRemove: (id: number, index: number) => void;
}

/** Memoized, with stable props: a progress update re-renders only the rows whose file moved on. */
const UploadRow = memo(function UploadRow({ item, index, queue, closed, onRemove }: UploadRowProps) {
  const styles = useStyles();
  const seconds = useSecondsUntil(item.status === 'waiting' ? item.retryAt : undefined);
  const name = item.file.name;
  const running = isInFlight(item);
  const value = item.status === 'done' ? 1 : item.file.size > 0 ? item.sentBytes / item.file.size : 0;
  const rowRef = useRef<HTMLLIElement>(null);
  // Cancel goes away once the file stops (cancelled, failed, done): the row's first button left takes the focus.
  useEffect(() => {
    if (!running) rescueFocus(rowRef.current?.querySelector('button'));
  }, [running]);
  return (
    <li className={styles.item} aria-label={escapeBidi(name)} ref={rowRef}>
      <Field
        label={<DisplayName name={name} />}
        validationState={item.status === 'failed' ? 'error' : item.extraCopies ? 'warning' : item.status === 'done' ? 'success' : 'none'}
        validationMessage={statusText(item, seconds)}
      >
        <UploadProgressBar
          value={item.status === 'checking' ? undefined : value}
          color={item.status === 'failed' ? 'error' : item.status === 'done' ? 'success' : 'brand'}
          thickness="large"
        />
      </Field>
      <span className={styles.actions}>
        {running && (
          <Button icon={<StopRegular />} onClick={() => queue.cancel(item.id)} aria-label={`Cancel ${name}`}>
            Cancel
          </Button>
        )}
        {!closed && item.retryable !== false && (item.status === 'failed' || item.status === 'cancelled') && (
          <Button icon={<ArrowClockwiseRegular />} onClick={() => queue.retry(item.id)} aria-label={`Retry ${name}`}>
            Retry
          </Button>
        )}
        {!running && (
          <Button appearance="subtle" icon={<DismissRegular />} onClick={() => onRemove(item.id, index)} aria-label={`Remove ${name} from the list`} />
        )}
      </span>
    </li>
  );
});

/** Every file sent (or on its way) in this visit, with overall and per-file progress. */
export function UploadList() {
  const styles = useStyles();
  const { queue } = useUploadQueue();
  const items = useUploadItems();
  const closed = useUploadClosed();
  const { listRef, removing } = useFocusAfterRemoval<HTMLUListElement>(items.length, 'button[aria-label$=" from the list"]');
  const remove = useCallback(
    (id: number, index: number) => {
      removing(index);
      queue.remove(id);
    },
    [removing, queue],
  );
  if (items.length === 0) return null;
  const counted = items.filter((item) => item.status !== 'cancelled');
  const total = counted.reduce((sum, item) => sum + item.file.size, 0);
  const sent = counted.reduce((sum, item) => sum + (item.status === 'done' ? item.file.size : item.sentBytes), 0);
  const done = counted.filter((item) => item.status === 'done').length;
  return (
    <>
      <Field
        label="Overall progress"
        validationState="none"
        validationMessage={`${done} of ${counted.length} files uploaded · ${formatBytes(sent)} of ${formatBytes(total)} sent`}
      >
        <UploadProgressBar value={total > 0 ? sent / total : 0} thickness="large" />
      </Field>
      <ul className={styles.list} aria-label="Uploads" ref={listRef}>
        {items.map((item, index) => (
          <UploadRow key={item.id} item={item} index={index} queue={queue} closed={closed} onRemove={remove} />
        ))}
      </ul>
    </>
  );
}

import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { formatDateTime, formatDuration } from '../../../components/format';
import type { UploadSession } from '../../../graph/schemas';
import { isActiveSession } from '../../../graph/session-status';
import { useReviewInstances } from '../review-queries';
import { uploadWindowOf } from '../../../graph/review-window';
import { useNow } from '../../../components/use-now';

/** Under 30 minutes left the countdown is a warning, under 10 an error: time to finalize, not to start. */
export function windowUrgency(remainingMs: number): 'info' | 'warning' | 'error' {
  if (remainingMs < 10 * 60_000) return 'error';
  return remainingMs < 30 * 60_000 ? 'warning' : 'info';
}

/** On an active session: how long its review instance still takes data, counting down. */
export function UploadWindowNotice({ session }: { session: UploadSession }) {
  const now = useNow();
  const active = isActiveSession(session);
  const instances = useReviewInstances(active ? (session.data?.reviewDefinitionId ?? undefined) : undefined);
  const instanceId = session.data?.reviewInstanceId ?? session.referenceId;
  const instance = instances.data?.find((candidate) => candidate.id === instanceId);
  // Without the instance (no access to access reviews, say) there is nothing reliable to count down.
  if (!active || !instance) return null;

  const upload = uploadWindowOf(instance, now);
  if (!upload.open) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The upload window has closed</MessageBarTitle>
          {upload.reason}. The review instance takes no more data.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent={windowUrgency(upload.remainingMs)} layout="multiline" data-urgency={windowUrgency(upload.remainingMs)}>
      <MessageBarBody>
        <MessageBarTitle>Upload window: {formatDuration(upload.remainingMs)} left</MessageBarTitle>
        Upload and finalize before {formatDateTime(new Date(upload.closesAt).toISOString())}; after that the session
        expires and the review goes on without it.
      </MessageBarBody>
    </MessageBar>
  );
}

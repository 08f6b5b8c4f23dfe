import { Caption1, Card, makeStyles, tokens } from '@fluentui/react-components';
import { formatDateTime, formatRelative } from '../../../components/format';
import { SessionStatusBadge } from '../../../components/session-status-badge';
import type { UploadSession } from '../../../graph/schemas';
import type { ReviewInstanceName } from '../review-instance-names';
import { CopyableId } from './copy-button';
import { DisplayName } from '../../../components/display-name';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'center',
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

function IdValue({ id, label }: { id: string | null | undefined; label: string }) {
  const styles = useStyles();
  if (!id) return <span className={styles.muted}>Not given</span>;
  return <CopyableId value={id} label={label} />;
}

/** Status, created, the review it belongs to (with ids to copy into the Entra admin center), finalized. */
export function SessionFacts({ session, reviewName }: { session: UploadSession; reviewName?: ReviewInstanceName }) {
  const styles = useStyles();
  const definitionId = session.data?.reviewDefinitionId ?? reviewName?.definitionId;
  const instanceId = session.data?.reviewInstanceId ?? session.referenceId;
  return (
    <Card role="group" aria-label="Session details">
      <dl className={styles.list}>
        <dt className={styles.term}>Status</dt>
        <dd className={styles.value}>
          <SessionStatusBadge status={session.status} />
        </dd>
        <dt className={styles.term}>Created</dt>
        <dd className={styles.value}>
          {session.createdDateTime ? (
            <>
              {formatDateTime(session.createdDateTime)}
              <Caption1 className={styles.muted}>{formatRelative(session.createdDateTime)}</Caption1>
            </>
          ) : (
            <span className={styles.muted}>Unknown</span>
          )}
        </dd>
        {reviewName && (
          <>
            <dt className={styles.term}>Review</dt>
            <dd className={styles.value}>
              <DisplayName name={reviewName.reviewName} />
              <Caption1 className={styles.muted}>
                instance {reviewName.instanceNumber}
                {reviewName.startDateTime && `, started ${formatDateTime(reviewName.startDateTime)}`}
              </Caption1>
            </dd>
          </>
        )}
        <dt className={styles.term}>Review definition ID</dt>
        <dd className={styles.value}>
          <IdValue id={definitionId} label="Copy review definition ID" />
        </dd>
        <dt className={styles.term}>Review instance ID</dt>
        <dd className={styles.value}>
          <IdValue id={instanceId} label="Copy review instance ID" />
        </dd>
        <dt className={styles.term}>Finalized</dt>
        <dd className={styles.value}>{session.isUploadDone ? 'Yes' : 'No'}</dd>
      </dl>
    </Card>
  );
}

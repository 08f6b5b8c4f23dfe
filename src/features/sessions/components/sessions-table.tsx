import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { narrowScreen, wideScreen } from '../../../components/breakpoints';
import { formatBytes, formatDate, formatDateTime, formatExactBytes, formatNumber, formatRelative } from '../../../components/format';
import { RouterLink as Link } from '../../../components/router-link';
import { SessionStatusBadge } from '../../../components/session-status-badge';
import type { UploadSession } from '../../../graph/schemas';
import type { ReviewInstanceName } from '../review-instance-names';
import { DisplayName } from '../../../components/display-name';

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  updating: { opacity: 0.6 },
  stacked: { display: 'flex', flexDirection: 'column', minWidth: 0, paddingBlock: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, wordBreak: 'break-all' },
  // On a phone the review and the figures move under the date, so the date keeps the width.
  stackedOnly: { [wideScreen]: { display: 'none' } },
  status: { width: '120px', [narrowScreen]: { width: '96px' } },
  created: { width: '210px', [narrowScreen]: { width: 'auto' } },
  count: { width: '80px', [narrowScreen]: { display: 'none' } },
  size: { width: '110px', [narrowScreen]: { display: 'none' } },
  finalized: { width: '100px', [narrowScreen]: { display: 'none' } },
  review: { [narrowScreen]: { display: 'none' } },
});

interface SessionsTableProps {
  catalogId: string;
  resourceId: string;
  sessions: UploadSession[];
  reviewNames: Map<string, ReviewInstanceName>;
  sort: 'asc' | 'desc';
  onSortChange: (sort: 'asc' | 'desc') => void;
  /** The rows are a previous view while the next one loads. */
  updating: boolean;
}

/** The review once, in plain text; which instance and when it started beneath, quieter; its id only as a tooltip. */
function ReviewInstanceCell({ referenceId, name }: { referenceId?: string | null; name?: ReviewInstanceName }) {
  const styles = useStyles();
  if (!referenceId) return <span className={styles.muted}>No review instance</span>;
  if (!name) return <span className={styles.id}>{referenceId}</span>;
  return (
    <span className={styles.stacked} title={referenceId}>
      <DisplayName name={name.reviewName} />
      <Caption1 className={styles.muted}>
        {`Instance ${name.instanceNumber}`}
        {name.startDateTime && ` · started ${formatDate(name.startDateTime)}`}
      </Caption1>
    </span>
  );
}

/** "4 files · 1.2 MB · finalized": a session's figures in one line, for the phone layout. */
function sessionFigures(session: UploadSession) {
  const figures = session.stats
    ? [`${formatNumber(session.stats.filesUploaded)} ${session.stats.filesUploaded === 1 ? 'file' : 'files'}`, formatBytes(session.stats.totalBytesUploaded)]
    : [];
  return [...figures, session.isUploadDone ? 'finalized' : 'not finalized'].join(' · ');
}

/** A page of upload sessions; Graph sorts them by created date, the only order it offers (docs/graph-contract.md §1.1). */
export function SessionsTable({ catalogId, resourceId, sessions, reviewNames, sort, onSortChange, updating }: SessionsTableProps) {
  const styles = useStyles();
  return (
    <Table aria-label="Upload sessions" aria-busy={updating} className={updating ? styles.updating : styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.status}>Status</TableHeaderCell>
          <TableHeaderCell
            className={styles.created}
            sortable
            sortDirection={sort === 'asc' ? 'ascending' : 'descending'}
            onClick={() => onSortChange(sort === 'asc' ? 'desc' : 'asc')}
          >
            Created
          </TableHeaderCell>
          <TableHeaderCell className={styles.review}>Review instance</TableHeaderCell>
          <TableHeaderCell className={styles.count}>Files</TableHeaderCell>
          <TableHeaderCell className={styles.size}>Total size</TableHeaderCell>
          <TableHeaderCell className={styles.finalized}>Finalized</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {sessions.map((session) => {
          const review = (
            <ReviewInstanceCell
              referenceId={session.referenceId}
              name={session.referenceId ? reviewNames.get(session.referenceId) : undefined}
            />
          );
          return (
            <TableRow key={session.id}>
              <TableCell>
                <SessionStatusBadge status={session.status} />
              </TableCell>
              <TableCell>
                <span className={styles.stacked}>
                  <Link
                    to="/catalogs/$catalogId/resources/$resourceId/sessions/$sessionId"
                    params={{ catalogId, resourceId, sessionId: session.id }}
                  >
                    {session.createdDateTime ? formatDateTime(session.createdDateTime) : session.id}
                  </Link>
                  {session.createdDateTime && (
                    <Caption1 className={styles.muted}>{formatRelative(session.createdDateTime)}</Caption1>
                  )}
                  <span className={mergeClasses(styles.stacked, styles.stackedOnly)}>
                    {review}
                    <Caption1 className={styles.muted}>{sessionFigures(session)}</Caption1>
                  </span>
                </span>
              </TableCell>
              <TableCell className={styles.review}>{review}</TableCell>
              <TableCell className={styles.count}>{session.stats ? formatNumber(session.stats.filesUploaded) : '—'}</TableCell>
              <TableCell className={styles.size}>
                {session.stats ? (
                  <span title={formatExactBytes(session.stats.totalBytesUploaded)}>
                    {formatBytes(session.stats.totalBytesUploaded)}
                  </span>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell className={styles.finalized}>{session.isUploadDone ? 'Yes' : 'No'}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatBytes, formatDateTime, formatExactBytes, formatNumber, formatRelative } from '../../../components/format';
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
  id: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground3,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  status: { width: '120px' },
  created: { width: '210px' },
  count: { width: '80px' },
  size: { width: '110px' },
  finalized: { width: '100px' },
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

function ReviewInstanceCell({ referenceId, name }: { referenceId?: string | null; name?: ReviewInstanceName }) {
  const styles = useStyles();
  if (!referenceId) return <span className={styles.muted}>None</span>;
  if (!name) return <span className={styles.id}>{referenceId}</span>;
  return (
    <span className={styles.stacked}>
      <DisplayName name={name.reviewName} />
      <Caption1 className={styles.id} title={referenceId}>
        {name.startDateTime && `started ${formatDateTime(name.startDateTime)} · `}
        {referenceId}
      </Caption1>
    </span>
  );
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
          <TableHeaderCell>Review instance</TableHeaderCell>
          <TableHeaderCell className={styles.count}>Files</TableHeaderCell>
          <TableHeaderCell className={styles.size}>Total size</TableHeaderCell>
          <TableHeaderCell className={styles.finalized}>Finalized</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {sessions.map((session) => (
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
              </span>
            </TableCell>
            <TableCell>
              <ReviewInstanceCell
                referenceId={session.referenceId}
                name={session.referenceId ? reviewNames.get(session.referenceId) : undefined}
              />
            </TableCell>
            <TableCell>{session.stats ? formatNumber(session.stats.filesUploaded) : '—'}</TableCell>
            <TableCell>
              {session.stats ? (
                <span title={formatExactBytes(session.stats.totalBytesUploaded)}>
                  {formatBytes(session.stats.totalBytesUploaded)}
                </span>
              ) : (
                '—'
              )}
            </TableCell>
            <TableCell>{session.isUploadDone ? 'Yes' : 'No'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

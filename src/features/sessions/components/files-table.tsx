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
import { narrowScreen, wideScreen } from '../../../components/breakpoints';
import { formatBytes, formatDateTime, formatExactBytes } from '../../../components/format';
import type { UploadedFile } from '../../../graph/schemas';
import type { FileSortKey } from '../../../graph/session-files';
import { DisplayName } from '../../../components/display-name';

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  updating: { opacity: 0.6 },
  name: { wordBreak: 'break-word', paddingBlock: tokens.spacingVerticalXS },
  nameStack: { display: 'flex', flexDirection: 'column' },
  // On a phone the upload time moves under the name, so the name keeps the width.
  stackedOnly: { color: tokens.colorNeutralForeground3, [wideScreen]: { display: 'none' } },
  size: { width: '140px', [narrowScreen]: { width: '84px' } },
  uploaded: { width: '240px', [narrowScreen]: { display: 'none' } },
});

const columns: { key: FileSortKey; label: string; width?: 'size' | 'uploaded' }[] = [
  { key: 'name', label: 'Name' },
  { key: 'size', label: 'Size', width: 'size' },
  { key: 'uploadedDateTime', label: 'Uploaded', width: 'uploaded' },
];

interface FilesTableProps {
  /** The rows of the current page only, so thousands of files never reach the DOM at once. */
  files: UploadedFile[];
  sort: { key: FileSortKey; direction: 'asc' | 'desc' };
  onSortChange: (sort: { key: FileSortKey; direction: 'asc' | 'desc' }) => void;
  updating: boolean;
}

/** Files of a session; clicking a header asks Graph for that order (`$expand=files($orderby=…)`). */
export function FilesTable({ files, sort, onSortChange, updating }: FilesTableProps) {
  const styles = useStyles();
  const toggle = (key: FileSortKey) =>
    onSortChange({ key, direction: sort.key === key && sort.direction === 'asc' ? 'desc' : 'asc' });
  return (
    <Table aria-label="Files" aria-busy={updating} className={updating ? styles.updating : styles.table}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell
              key={column.key}
              className={column.width && styles[column.width]}
              sortable
              sortDirection={sort.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              onClick={() => toggle(column.key)}
            >
              {column.label}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {files.map((file) => (
          <TableRow key={file.id}>
            <TableCell className={styles.name}>
              <span className={styles.nameStack}>
                <DisplayName name={file.name} />
                <Caption1 className={styles.stackedOnly}>
                  Uploaded <time dateTime={file.uploadedDateTime}>{formatDateTime(file.uploadedDateTime)}</time>
                </Caption1>
              </span>
            </TableCell>
            <TableCell className={styles.size}>
              <span title={formatExactBytes(file.size)}>{formatBytes(file.size)}</span>
            </TableCell>
            <TableCell className={styles.uploaded}>
              <time dateTime={file.uploadedDateTime} title={file.uploadedDateTime}>
                {formatDateTime(file.uploadedDateTime)}
              </time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

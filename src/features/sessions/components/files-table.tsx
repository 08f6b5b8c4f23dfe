import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatBytes, formatDateTime, formatExactBytes } from '../../../components/format';
import type { UploadedFile } from '../../../graph/schemas';
import type { FileSortKey } from '../../../graph/session-files';
import { DisplayName } from '../../../components/display-name';

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  updating: { opacity: 0.6 },
  name: { wordBreak: 'break-word' },
  size: { width: '140px' },
  uploaded: { width: '240px' },
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
              <DisplayName name={file.name} />
            </TableCell>
            <TableCell>
              <span title={formatExactBytes(file.size)}>{formatBytes(file.size)}</span>
            </TableCell>
            <TableCell>
              <span title={file.uploadedDateTime}>{formatDateTime(file.uploadedDateTime)}</span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatBytes, formatExactBytes, formatNumber } from '../../../components/format';
import type { UploadSession } from '../../../graph/schemas';
import { FileSizeChart } from './file-size-chart';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalXXL },
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXL, margin: 0 },
  figure: { display: 'flex', flexDirection: 'column-reverse', margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  chart: { flex: '1 1 280px', maxWidth: '400px' },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** Below this, the files table itself is the overview. */
const chartMinimumFiles = 6;

/** "Files uploaded" and "Total size" as figures, and the sizes of the files at a glance. */
interface SessionStatsProps {
  session: UploadSession;
  /** The sizes of the files the page shows, once they are loaded. */
  sizes?: number[];
  /** The files are those matching the page's filters, not all of the session's. */
  filtered: boolean;
}

export function SessionStats({ session, sizes, filtered }: SessionStatsProps) {
  const styles = useStyles();
  const files = session.stats?.filesUploaded ?? 0;
  const bytes = session.stats?.totalBytesUploaded ?? 0;
  // A large "0 / 0 B" card says nothing a line cannot.
  if (files === 0 && bytes === 0) {
    return (
      <div role="group" aria-label="Session statistics">
        <Text className={styles.empty}>No files uploaded yet: the file count, total size and size chart appear with the first file.</Text>
      </div>
    );
  }
  return (
    <Card role="group" aria-label="Session statistics">
      <div className={styles.root}>
        <dl className={styles.figures}>
          <div className={styles.figure}>
            <dt className={styles.term}>Files uploaded</dt>
            <dd className={styles.value}>
              <Text size={800} weight="semibold">
                {formatNumber(files)}
              </Text>
            </dd>
          </div>
          <div className={styles.figure}>
            <dt className={styles.term}>Total size</dt>
            <dd className={styles.value}>
              <Text size={800} weight="semibold" title={formatExactBytes(bytes)}>
                {formatBytes(bytes)}
              </Text>
            </dd>
          </div>
        </dl>
        {sizes && sizes.length >= chartMinimumFiles && (
          <div className={styles.chart}>
            <FileSizeChart sizes={sizes} filtered={filtered} />
          </div>
        )}
      </div>
    </Card>
  );
}

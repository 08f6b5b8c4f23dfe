import {
  Badge,
  Caption1,
  Skeleton,
  SkeletonItem,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { narrowScreen, wideScreen } from '../../../components/breakpoints';
import { formatDateTime, formatRelative } from '../../../components/format';
import { RouterLink as Link } from '../../../components/router-link';
import type { CatalogResource } from '../../../graph/schemas';
import { useUploadSessionSummary } from '../catalog-queries';
import { DisplayName } from '../../../components/display-name';

const useStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, paddingBlock: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  when: { display: 'flex', flexDirection: 'column' },
  cell: { paddingBlock: tokens.spacingVerticalS },
  // Two lines at most; the whole text stays in the tooltip.
  description: {
    color: tokens.colorNeutralForeground2,
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 2,
    overflow: 'hidden',
  },
  // On a phone the description moves under the name and the newest session's date is left to the resource page.
  wideOnly: { [narrowScreen]: { display: 'none' } },
  stackedOnly: { marginTop: tokens.spacingVerticalXS, [wideScreen]: { display: 'none' } },
});

function SessionSummaryCells({ catalogId, resourceId }: { catalogId: string; resourceId: string }) {
  const styles = useStyles();
  const summary = useUploadSessionSummary({ catalogId, resourceId });
  if (summary.isPending) {
    return (
      <>
        <TableCell>
          <Skeleton aria-label="Loading sessions">
            <SkeletonItem size={16} />
          </Skeleton>
        </TableCell>
        <TableCell className={styles.wideOnly} />
      </>
    );
  }
  if (summary.isError) {
    return (
      <TableCell colSpan={2}>
        <Text className={styles.muted}>Sessions could not be counted ({(summary.error as { code?: string }).code ?? 'error'})</Text>
      </TableCell>
    );
  }
  const { active, complete, expired, other, newestCreated } = summary.data;
  return (
    <>
      <TableCell>
        <span className={styles.badges}>
          <Badge appearance="tint" color="brand">{`${active} active`}</Badge>
          <Badge appearance="tint" color="success">{`${complete} complete`}</Badge>
          <Badge appearance="tint" color="warning">{`${expired} expired`}</Badge>
          {other > 0 && <Badge appearance="tint" color="informative">{`${other} other`}</Badge>}
        </span>
      </TableCell>
      <TableCell className={styles.wideOnly}>
        {newestCreated ? (
          // Both in plain text, not the exact time in a hover tooltip that keyboard users cannot reach.
          <time dateTime={newestCreated} className={styles.when}>
            <Text>{formatRelative(newestCreated)}</Text>
            <Caption1 className={styles.muted}>{formatDateTime(newestCreated)}</Caption1>
          </time>
        ) : (
          <Text className={styles.muted}>No sessions yet</Text>
        )}
      </TableCell>
    </>
  );
}

/** The catalog's custom data provided resources, each with a summary of its upload sessions. */
export function ResourcesTable({ catalogId, resources }: { catalogId: string; resources: CatalogResource[] }) {
  const styles = useStyles();
  return (
    <Table aria-label="Custom data provided resources">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell className={styles.wideOnly}>Description</TableHeaderCell>
          <TableHeaderCell>Upload sessions</TableHeaderCell>
          <TableHeaderCell className={styles.wideOnly}>Newest session</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {resources.map((resource) => (
          <TableRow key={resource.id}>
            <TableCell className={styles.cell}>
              <Link to="/catalogs/$catalogId/resources/$resourceId" params={{ catalogId, resourceId: resource.id }}>
                <DisplayName name={resource.displayName || resource.id} />
              </Link>
              {resource.description && (
                <Text className={mergeClasses(styles.description, styles.stackedOnly)} title={resource.description}>
                  {resource.description}
                </Text>
              )}
            </TableCell>
            <TableCell className={mergeClasses(styles.cell, styles.wideOnly)}>
              <Text className={styles.description} title={resource.description ?? undefined}>
                {resource.description}
              </Text>
            </TableCell>
            <SessionSummaryCells catalogId={catalogId} resourceId={resource.id} />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

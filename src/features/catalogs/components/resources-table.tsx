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
  tokens,
} from '@fluentui/react-components';
import { formatDateTime, formatRelative } from '../../../components/format';
import { RouterLink as Link } from '../../../components/router-link';
import type { CatalogResource } from '../../../graph/schemas';
import { useUploadSessionSummary } from '../catalog-queries';
import { DisplayName } from '../../../components/display-name';

const useStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  when: { display: 'flex', flexDirection: 'column' },
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
        <TableCell />
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
      <TableCell>
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
  return (
    <Table aria-label="Custom data provided resources">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Description</TableHeaderCell>
          <TableHeaderCell>Upload sessions</TableHeaderCell>
          <TableHeaderCell>Newest session</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {resources.map((resource) => (
          <TableRow key={resource.id}>
            <TableCell>
              <Link to="/catalogs/$catalogId/resources/$resourceId" params={{ catalogId, resourceId: resource.id }}>
                <DisplayName name={resource.displayName || resource.id} />
              </Link>
            </TableCell>
            <TableCell>{resource.description}</TableCell>
            <SessionSummaryCells catalogId={catalogId} resourceId={resource.id} />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

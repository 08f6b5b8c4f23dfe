import {
  Badge,
  Caption1,
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
import { enumLabel } from '../../../components/enum-labels';
import { RouterLink as Link } from '../../../components/router-link';
import type { Catalog } from '../../../graph/schemas';
import { DisplayName } from '../../../components/display-name';

const useStyles = makeStyles({
  // Column widths from their content: short names and one-word values stay narrow, the description takes the rest.
  table: { tableLayout: 'auto' },
  cell: { paddingBlock: tokens.spacingVerticalS, verticalAlign: 'top' },
  nameColumn: { width: '28%', minWidth: '10rem' },
  name: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // Two lines at most; the whole text stays in the tooltip.
  description: {
    color: tokens.colorNeutralForeground2,
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 2,
    overflow: 'hidden',
  },
  enumColumn: { width: '1%', whiteSpace: 'nowrap', [narrowScreen]: { display: 'none' } },
  descriptionColumn: { [narrowScreen]: { display: 'none' } },
  // On a phone the description, state and type move under the name.
  stackedOnly: { display: 'flex', flexDirection: 'column', marginTop: tokens.spacingVerticalXS, [wideScreen]: { display: 'none' } },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Catalogs with name, description, state and type; recently opened ones are marked. */
export function CatalogsTable({ catalogs, recent }: { catalogs: Catalog[]; recent: Set<string> }) {
  const styles = useStyles();
  return (
    <Table aria-label="Catalogs" className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.nameColumn}>Name</TableHeaderCell>
          <TableHeaderCell className={styles.descriptionColumn}>Description</TableHeaderCell>
          <TableHeaderCell className={styles.enumColumn}>State</TableHeaderCell>
          <TableHeaderCell className={styles.enumColumn}>Type</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {catalogs.map((catalog) => (
          <TableRow key={catalog.id}>
            <TableCell className={styles.cell}>
              <span className={styles.name}>
                <Link to="/catalogs/$catalogId" params={{ catalogId: catalog.id }}>
                  <DisplayName name={catalog.displayName || catalog.id} />
                </Link>
                {recent.has(catalog.id) && (
                  <Badge appearance="tint" color="informative" size="small">
                    Recent
                  </Badge>
                )}
              </span>
              <span className={styles.stackedOnly}>
                {catalog.description && (
                  <Text className={styles.description} title={catalog.description}>
                    {catalog.description}
                  </Text>
                )}
                <Caption1 className={styles.muted}>
                  {enumLabel(catalog.state)} · {enumLabel(catalog.catalogType)}
                </Caption1>
              </span>
            </TableCell>
            <TableCell className={mergeClasses(styles.cell, styles.descriptionColumn)}>
              <Text className={styles.description} title={catalog.description ?? undefined}>
                {catalog.description}
              </Text>
            </TableCell>
            <TableCell className={mergeClasses(styles.cell, styles.enumColumn)}>{enumLabel(catalog.state)}</TableCell>
            <TableCell className={mergeClasses(styles.cell, styles.enumColumn)}>{enumLabel(catalog.catalogType)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

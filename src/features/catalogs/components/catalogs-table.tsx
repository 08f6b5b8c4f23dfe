import {
  Badge,
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
import { RouterLink as Link } from '../../../components/router-link';
import type { Catalog } from '../../../graph/schemas';
import { DisplayName } from '../../../components/display-name';

const useStyles = makeStyles({
  name: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  description: { color: tokens.colorNeutralForeground2 },
});

/** Catalogs with name, description, state and type; recently opened ones are marked. */
export function CatalogsTable({ catalogs, recent }: { catalogs: Catalog[]; recent: Set<string> }) {
  const styles = useStyles();
  return (
    <Table aria-label="Catalogs">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Description</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell>Type</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {catalogs.map((catalog) => (
          <TableRow key={catalog.id}>
            <TableCell>
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
            </TableCell>
            <TableCell>
              <Text className={styles.description}>{catalog.description}</Text>
            </TableCell>
            <TableCell>{catalog.state ?? '—'}</TableCell>
            <TableCell>{catalog.catalogType ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import { Body1, Button, Card, CardHeader, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { RouterLink as Link } from '../../../components/router-link';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadingRows } from '../../../components/loading-rows';
import { PageHeader } from '../../../components/page-header';
import { useCatalogs } from '../api/list-catalogs';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalM, listStyle: 'none', padding: 0, margin: 0 },
});

/** `/`: the catalogs the signed-in person can see. */
export function CatalogsPage() {
  const styles = useStyles();
  const catalogs = useCatalogs();

  return (
    <>
      <PageHeader
        title="Catalogs"
        actions={
          <Button icon={<ArrowClockwiseRegular />} onClick={() => void catalogs.refetch()} disabled={catalogs.isFetching}>
            Refresh
          </Button>
        }
      />
      {catalogs.isPending && <LoadingRows label="Loading catalogs" />}
      {catalogs.isError && (
        <ErrorMessage title="The catalogs could not be loaded" error={catalogs.error} onRetry={() => void catalogs.refetch()} />
      )}
      {catalogs.isSuccess && catalogs.data.length === 0 && (
        <EmptyState title="No catalogs to show">
          You hold no role on any catalog. Ask an Identity Governance Administrator to make you a catalog owner (to
          upload) or catalog reader (to look).
        </EmptyState>
      )}
      {catalogs.isSuccess && catalogs.data.length > 0 && (
        <ul className={styles.list} aria-label="Catalogs">
          {catalogs.data.map((catalog) => (
            <li key={catalog.id}>
              <Card>
                <CardHeader
                  header={
                    <Link to="/catalogs/$catalogId" params={{ catalogId: catalog.id }}>
                      {catalog.displayName || catalog.id}
                    </Link>
                  }
                  description={<Caption1>{catalog.description}</Caption1>}
                />
                <Body1>{[catalog.state, catalog.catalogType].filter(Boolean).join(' · ')}</Body1>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

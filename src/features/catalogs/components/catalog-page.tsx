import { Body1, Button, Card, CardHeader, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { RouterLink as Link } from '../../../components/router-link';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadingRows } from '../../../components/loading-rows';
import { PageHeader } from '../../../components/page-header';
import type { GraphError } from '../../../graph/graph-error';
import { useCatalog } from '../api/get-catalog';
import { useCustomDataResources } from '../api/list-custom-data-resources';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalM, listStyle: 'none', padding: 0, margin: 0 },
  section: { marginTop: tokens.spacingVerticalXL },
});

export const explainCatalogError = (error: GraphError) =>
  error.status === 403 ? 'You are not an owner or reader of this catalog.' : undefined;

/** `/catalogs/{catalogId}`: the catalog and its custom data provided resources. */
export function CatalogPage({ catalogId }: { catalogId: string }) {
  const styles = useStyles();
  const catalog = useCatalog(catalogId);
  const resources = useCustomDataResources(catalogId);
  const refresh = () => {
    void catalog.refetch();
    void resources.refetch();
  };

  if (catalog.isError) {
    return (
      <ErrorMessage
        title="This catalog could not be opened"
        error={catalog.error}
        explain={explainCatalogError}
        onRetry={refresh}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={catalog.data?.displayName ?? 'Catalog'}
        actions={
          <Button icon={<ArrowClockwiseRegular />} onClick={refresh} disabled={catalog.isFetching || resources.isFetching}>
            Refresh
          </Button>
        }
      />
      {catalog.isPending ? <LoadingRows label="Loading catalog" rows={2} /> : <Body1>{catalog.data.description}</Body1>}
      <section className={styles.section} aria-labelledby="custom-resources-heading">
        <h2 id="custom-resources-heading">Custom data provided resources</h2>
        {resources.isPending && <LoadingRows label="Loading resources" />}
        {resources.isError && (
          <ErrorMessage title="The resources could not be loaded" error={resources.error} onRetry={() => void resources.refetch()} />
        )}
        {resources.isSuccess && resources.data.length === 0 && (
          <EmptyState title="No custom data provided resources">
            Add a custom data provided resource to this catalog in the Microsoft Entra admin center (Identity
            Governance, Catalogs, Resources) to upload access data for its reviews.
          </EmptyState>
        )}
        {resources.isSuccess && resources.data.length > 0 && (
          <ul className={styles.list} aria-label="Custom data provided resources">
            {resources.data.map((resource) => (
              <li key={resource.id}>
                <Card>
                  <CardHeader
                    header={
                      <Link
                        to="/catalogs/$catalogId/resources/$resourceId"
                        params={{ catalogId, resourceId: resource.id }}
                      >
                        {resource.displayName || resource.id}
                      </Link>
                    }
                    description={<Caption1>{resource.description}</Caption1>}
                  />
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

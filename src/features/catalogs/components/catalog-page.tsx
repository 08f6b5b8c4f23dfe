import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useAccountId } from '../../../auth/use-account-id';
import { isAccessDenied, NoAccessMessage, notOwnerOrReader, RoleBadge } from '../../../components/catalog-access';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadingRows } from '../../../components/loading-rows';
import { PageHeader } from '../../../components/page-header';
import { PageTitle } from '../../../components/use-page-title';
import type { CatalogAccess } from '../../../graph/catalog-roles';
import { GraphError } from '../../../graph/graph-error';
import { queryKeys } from '../../../graph/query-keys';
import { useCatalog, useCatalogResourceCount, useCustomDataResources } from '../catalog-queries';
import { rememberCatalog } from '../recent-catalogs';
import { CatalogDetails } from './catalog-details';
import { ResourcesTable } from './resources-table';
import { DisplayName } from '../../../components/display-name';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL },
  note: { display: 'block', marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3 },
});

export const explainCatalogError = (error: GraphError) =>
  error.status === 403
    ? notOwnerOrReader
    : error.status === 404
      ? 'There is no catalog with this ID. Check the address, or open the catalog from the catalogs list.'
      : undefined;

interface CatalogPageProps {
  catalogId: string;
  /** The signed-in person's role on the catalog, for the header's badge. */
  access?: CatalogAccess;
  /** What the app shows between the catalog's details and its resources (the review readiness), given its name. */
  renderReadiness?: (catalogName: string | undefined) => ReactNode;
}

/** `/catalogs/{catalogId}`: the catalog and its custom data provided resources. */
export function CatalogPage({ catalogId, access = 'unknown', renderReadiness }: CatalogPageProps) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const accountId = useAccountId();
  const catalog = useCatalog(catalogId);
  const resources = useCustomDataResources(catalogId);
  const resourceCount = useCatalogResourceCount(catalogId);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.catalog(catalogId) });

  useEffect(() => {
    if (catalog.isSuccess) rememberCatalog(accountId, catalogId);
  }, [catalog.isSuccess, accountId, catalogId]);

  if (catalog.isError) {
    const denied = isAccessDenied(catalog.error);
    return (
      <>
        <PageTitle name={denied ? 'No access' : catalog.error instanceof GraphError && catalog.error.status === 404 ? 'Catalog not found' : 'Catalog'} />
        <PageHeader title="Catalog" badge={<RoleBadge access={access} denied={denied} />} />
        {denied ? (
          <NoAccessMessage title="This catalog could not be opened" error={catalog.error} />
        ) : (
          <ErrorMessage title="This catalog could not be opened" error={catalog.error} explain={explainCatalogError} onRetry={refresh} />
        )}
      </>
    );
  }

  const leftOut = resources.isSuccess && resourceCount.isSuccess ? resourceCount.data - resources.data.length : undefined;

  return (
    <>
      <PageHeader
        title={<DisplayName name={catalog.data?.displayName ?? 'Catalog'} />}
        badge={<RoleBadge access={access} />}
        actions={
          <Button icon={<ArrowClockwiseRegular />} onClick={refresh} disabled={catalog.isFetching || resources.isFetching}>
            Refresh
          </Button>
        }
      />
      {catalog.isPending ? <LoadingRows label="Loading catalog" rows={2} /> : <CatalogDetails catalog={catalog.data} />}
      {renderReadiness?.(catalog.data?.displayName ?? undefined)}
      <section className={styles.section} aria-labelledby="custom-resources-heading">
        <h2 id="custom-resources-heading">Custom data provided resources</h2>
        {resources.isPending && <LoadingRows label="Loading resources" />}
        {resources.isError && (
          <ErrorMessage
            title="The resources could not be loaded"
            error={resources.error}
            explain={explainCatalogError}
            onRetry={() => void resources.refetch()}
          />
        )}
        {resources.isSuccess && resources.data.length === 0 && (
          <EmptyState title="No custom data provided resources">
            Add a custom data provided resource to this catalog in the Microsoft Entra admin center (Identity
            Governance, Catalogs, this catalog, Resources) to upload access data for its reviews.
          </EmptyState>
        )}
        {resources.isSuccess && resources.data.length > 0 && <ResourcesTable catalogId={catalogId} resources={resources.data} />}
        {leftOut !== undefined && leftOut > 0 && (
          <Text className={styles.note}>
            {leftOut === 1
              ? '1 other resource (a group, application or site) is not listed: only custom data provided resources take uploads.'
              : `${leftOut} other resources (groups, applications or sites) are not listed: only custom data provided resources take uploads.`}
          </Text>
        )}
      </section>
    </>
  );
}

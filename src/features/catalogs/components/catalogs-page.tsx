import { Button, Field, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useMemo, type ReactNode } from 'react';
import { useAccountId } from '../../../auth/use-account-id';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadingRows } from '../../../components/loading-rows';
import { PageHeader } from '../../../components/page-header';
import { useCatalogs } from '../catalog-queries';
import type { CatalogsSearch } from '../catalogs-search';
import { orderCatalogs, readRecentCatalogs } from '../recent-catalogs';
import { CatalogsTable } from './catalogs-table';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
});

interface CatalogsPageProps {
  search: CatalogsSearch;
  onSearchChange: (next: CatalogsSearch) => void;
  /** What the app shows above the catalogs (the open upload windows across them). */
  readiness?: ReactNode;
}

/** `/`: the catalogs the signed-in person can see, recently opened first. */
export function CatalogsPage({ search, onSearchChange, readiness }: CatalogsPageProps) {
  const styles = useStyles();
  const catalogs = useCatalogs();
  const accountId = useAccountId();
  const query = search.q ?? '';

  const recentIds = useMemo(() => readRecentCatalogs(accountId), [accountId]);
  const recent = useMemo(() => new Set(recentIds), [recentIds]);
  const shown = useMemo(() => {
    if (!catalogs.data) return [];
    const needle = query.trim().toLocaleLowerCase();
    const matching = catalogs.data.filter((catalog) => (catalog.displayName ?? '').toLocaleLowerCase().includes(needle));
    return orderCatalogs(matching, recentIds);
  }, [catalogs.data, query, recentIds]);

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
      {readiness}
      {catalogs.isPending && <LoadingRows label="Loading catalogs" />}
      {catalogs.isError && (
        <ErrorMessage title="The catalogs could not be loaded" error={catalogs.error} onRetry={() => void catalogs.refetch()} />
      )}
      {catalogs.isSuccess && catalogs.data.length === 0 && (
        <EmptyState title="No catalogs to show">
          You hold no role on any catalog. Catalog owners upload access data for their catalog&apos;s reviews; catalog
          readers can look. Ask an Identity Governance Administrator to add you as a catalog owner in the Microsoft
          Entra admin center (Identity Governance, Catalogs, your catalog, Roles and administrators).
        </EmptyState>
      )}
      {catalogs.isSuccess && catalogs.data.length > 0 && (
        <>
          <div className={styles.toolbar}>
            <Field label="Search catalogs by name">
              <SearchBox
                value={query}
                onChange={(_, data) => onSearchChange({ ...search, q: data.value || undefined })}
                placeholder="Catalog name"
              />
            </Field>
            <Text role="status">
              {shown.length} of {catalogs.data.length} catalogs
            </Text>
          </div>
          {shown.length === 0 ? (
            <EmptyState title="No catalog matches">No catalog name contains “{query}”. Clear the search to see all.</EmptyState>
          ) : (
            <CatalogsTable catalogs={shown} recent={recent} />
          )}
        </>
      )}
    </>
  );
}

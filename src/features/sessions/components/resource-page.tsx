import type { ReactNode } from 'react';
import { Body1, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { isAccessDenied, NoAccessMessage, RoleBadge } from '../../../components/catalog-access';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadingRows } from '../../../components/loading-rows';
import { PageHeader } from '../../../components/page-header';
import { usePageTitle } from '../../../components/use-page-title';
import type { CatalogAccess } from '../../../graph/catalog-roles';
import { GraphError } from '../../../graph/graph-error';
import { queryKeys } from '../../../graph/query-keys';
import type { ResourceSearch } from '../resource-search';
import { useReviewInstanceNames } from '../review-instance-names';
import { useResource, useUploadSessions } from '../session-queries';
import { sessionsQueryFromSearch } from '../sessions-query';
import { Pager } from './pager';
import { SessionsTable } from './sessions-table';
import { SessionsToolbar } from './sessions-toolbar';
import { DisplayName } from '../../../components/display-name';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  emptyActions: { marginTop: tokens.spacingVerticalS },
});

/** `/catalogs/{catalogId}/resources/{resourceId}`: a custom data provided resource and its upload sessions. */
interface ResourcePageProps {
  catalogId: string;
  resourceId: string;
  search: ResourceSearch;
  onSearchChange: (next: ResourceSearch) => void;
  /** Actions other features add (the app composes them): "New upload session". */
  actions?: ReactNode;
  /** The signed-in person's role on the catalog, for the header's badge. */
  access?: CatalogAccess;
}

/** The tab's name: the resource's, or what went wrong. */
function resourceTitle(name: string | null | undefined, error: unknown, denied: boolean) {
  if (denied) return 'No access';
  if (error instanceof GraphError && error.status === 404) return 'Resource not found';
  return name ?? 'Resource';
}

export function ResourcePage({ catalogId, resourceId, search, onSearchChange, actions, access = 'unknown' }: ResourcePageProps) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const ids = { catalogId, resourceId };
  const resource = useResource(ids);
  const params = sessionsQueryFromSearch(search);
  const sessions = useUploadSessions(ids, params);
  const { names: reviewNames } = useReviewInstanceNames(catalogId);
  const filtered = search.status !== 'all' || search.review !== undefined;

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.resource(ids) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.reviewDefinitions() });
  };
  const clearFilters = () => onSearchChange({ ...search, status: 'all', review: undefined, page: 1 });
  // No role on the catalog: Graph refuses the resource and its sessions alike. Said once, like the catalog page does.
  const deniedBy = [resource.error, sessions.error].find(isAccessDenied);
  usePageTitle(resourceTitle(resource.data?.displayName, resource.error, deniedBy !== undefined));

  if (deniedBy) {
    return (
      <>
        <PageHeader title={resource.data?.displayName ?? 'Resource'} badge={<RoleBadge access={access} denied />} />
        <NoAccessMessage title="This resource could not be opened" error={deniedBy} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={<DisplayName name={resource.data?.displayName ?? 'Resource'} />}
        badge={<RoleBadge access={access} />}
        actions={
          <>
            {actions}
            <Button icon={<ArrowClockwiseRegular />} onClick={refresh} disabled={sessions.isFetching}>
              Refresh
            </Button>
          </>
        }
      />
      {resource.isError && (
        <ErrorMessage title="This resource could not be opened" error={resource.error} onRetry={() => void resource.refetch()} />
      )}
      {resource.isSuccess && resource.data.description && <Body1>{resource.data.description}</Body1>}

      <section className={styles.section} aria-labelledby="upload-sessions-heading">
        <div className={styles.heading}>
          <h2 id="upload-sessions-heading">Upload sessions</h2>
          {sessions.isFetching && !sessions.isPending && <Spinner size="tiny" label="Updating…" />}
        </div>
        <SessionsToolbar search={search} reviewNames={reviewNames} onSearchChange={onSearchChange} />
        {sessions.isPending && <LoadingRows label="Loading upload sessions" />}
        {sessions.isError && (
          <ErrorMessage
            title="The upload sessions could not be loaded"
            error={sessions.error}
            onRetry={() => void sessions.refetch()}
          />
        )}
        {sessions.isSuccess && sessions.data.items.length === 0 && (
          <EmptyState title={emptyTitle(filtered, params.skip)}>
            {params.skip > 0 ? (
              <Button className={styles.emptyActions} onClick={() => onSearchChange({ ...search, page: 1 })}>
                Go to the first page
              </Button>
            ) : filtered ? (
              <>
                No session of this resource has that status or review instance.{' '}
                <Button className={styles.emptyActions} onClick={clearFilters}>
                  Clear filters
                </Button>
              </>
            ) : (
              'Create an upload session for a review instance of this catalog while it is initializing, then upload its CSV files.'
            )}
          </EmptyState>
        )}
        {sessions.isSuccess && sessions.data.items.length > 0 && (
          <>
            <SessionsTable
              catalogId={catalogId}
              resourceId={resourceId}
              sessions={sessions.data.items}
              reviewNames={reviewNames}
              sort={search.sort}
              onSortChange={(sort) => onSearchChange({ ...search, sort, page: 1 })}
              updating={sessions.isPlaceholderData}
            />
            <Pager
              label="Upload sessions pages"
              noun="sessions"
              offset={params.skip}
              shown={sessions.data.items.length}
              total={sessions.data.count}
              hasNext={sessions.data.nextLink !== undefined}
              onPrevious={() => onSearchChange({ ...search, page: Math.max(1, search.page - 1) })}
              onNext={() => onSearchChange({ ...search, page: search.page + 1 })}
            />
          </>
        )}
      </section>
    </>
  );
}

function emptyTitle(filtered: boolean, skip: number) {
  if (skip > 0) return 'There is nothing on this page';
  return filtered ? 'No upload sessions match these filters' : 'No upload sessions yet';
}

import type { ReactNode } from 'react';
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { RouterLink as Link } from '../../../components/router-link';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadingRows } from '../../../components/loading-rows';
import { PageHeader } from '../../../components/page-header';
import { useResource } from '../api/get-resource';
import { useUploadSessions } from '../api/list-upload-sessions';
import type { ResourceSearch } from '../resource-search';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalS, paddingLeft: '20px' },
});

/** `/catalogs/{catalogId}/resources/{resourceId}`: a custom data provided resource and its upload sessions. */
interface ResourcePageProps {
  catalogId: string;
  resourceId: string;
  search: ResourceSearch;
  onSearchChange: (next: ResourceSearch) => void;
  /** Actions other features add (the app composes them): "New upload session". */
  actions?: ReactNode;
}

export function ResourcePage({ catalogId, resourceId, actions }: ResourcePageProps) {
  const styles = useStyles();
  const resource = useResource(catalogId, resourceId);
  const sessions = useUploadSessions(catalogId, resourceId);

  return (
    <>
      <PageHeader
        title={resource.data?.displayName ?? 'Resource'}
        actions={
          <>
            {actions}
            <Button icon={<ArrowClockwiseRegular />} onClick={() => void sessions.refetch()} disabled={sessions.isFetching}>
              Refresh
            </Button>
          </>
        }
      />
      {resource.isError && <ErrorMessage title="This resource could not be opened" error={resource.error} />}
      {resource.isSuccess && <Body1>{resource.data.description}</Body1>}
      <h2>Upload sessions</h2>
      {sessions.isPending && <LoadingRows label="Loading upload sessions" />}
      {sessions.isError && (
        <ErrorMessage title="The upload sessions could not be loaded" error={sessions.error} onRetry={() => void sessions.refetch()} />
      )}
      {sessions.isSuccess && sessions.data.items.length === 0 && (
        <EmptyState title="No upload sessions yet">Create one for a review instance that is initializing.</EmptyState>
      )}
      {sessions.isSuccess && sessions.data.items.length > 0 && (
        <ul className={styles.list} aria-label="Upload sessions">
          {sessions.data.items.map((session) => (
            <li key={session.id}>
              <Link
                to="/catalogs/$catalogId/resources/$resourceId/sessions/$sessionId"
                params={{ catalogId, resourceId, sessionId: session.id }}
              >
                {session.createdDateTime ?? session.id}
              </Link>{' '}
              {session.status}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import type { ReactNode } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { isAccessDenied, NoAccessMessage, RoleBadge } from '../../../components/catalog-access';
import { ErrorMessage } from '../../../components/error-message';
import { LoadingRows } from '../../../components/loading-rows';
import { PageHeader } from '../../../components/page-header';
import { sessionStatusLabel } from '../../../components/session-status-badge';
import { titleSeparator, usePageTitle } from '../../../components/use-page-title';
import type { CatalogAccess } from '../../../graph/catalog-roles';
import { GraphError } from '../../../graph/graph-error';
import { queryKeys } from '../../../graph/query-keys';
import type { UploadSession } from '../../../graph/schemas';
import { sessionStatusOf } from '../../../graph/session-status';
import { activeFilterCount, filesQueryFromSearch } from '../files-query';
import { useReviewInstanceNames, type ReviewInstanceName } from '../review-instance-names';
import { useResource, useSessionFilesView, useUploadSession } from '../session-queries';
import type { SessionSearch } from '../session-search';
import { SessionFacts } from './session-facts';
import { SessionFiles } from './session-files';
import { SessionStats } from './session-stats';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** `/catalogs/{catalogId}/resources/{resourceId}/sessions/{sessionId}`: one upload session. */
interface SessionPageProps {
  catalogId: string;
  resourceId: string;
  sessionId: string;
  search: SessionSearch;
  onSearchChange: (next: SessionSearch) => void;
  /** What other features add to the page (the app composes them): finalize and delete buttons, the upload panel. */
  renderActions?: (session: UploadSession) => ReactNode;
  /** `gone`: the session was deleted while the page was open; the panel only lists what this visit sent. */
  renderUploadPanel?: (session: UploadSession, state: { gone: boolean }) => ReactNode;
  /** The signed-in person's role on the catalog, for the header's badge. */
  access?: CatalogAccess;
}

/** "Quarterly review · Instance 2": the session's heading, once its review instance has a name. */
export const sessionHeading = (name: ReviewInstanceName | undefined) =>
  name ? `${name.reviewName} · Instance ${name.instanceNumber}` : 'Upload session';

/** "Quarterly review · Instance 2 · Active — Badge Access Data": the tab's name (the app's name follows). */
export function sessionTitle(heading: string, status: string | null | undefined, resourceName: string | null | undefined) {
  return [`${heading} · ${sessionStatusLabel(status)}`, resourceName].filter(Boolean).join(titleSeparator);
}

/** Said plainly on a session that can no longer change; old capitalised values read the same. */
function ReadOnlyBanner({ status }: { status: string | undefined }) {
  const normalized = sessionStatusOf(status);
  if (normalized === 'active') return null;
  if (normalized === 'complete') {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This session is finalized and read-only</MessageBarTitle>
          Its files were handed to the review. A finalized session can never be reopened, and no other session can be
          created for the same review instance and resource.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (normalized === 'expired') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This session expired and is read-only</MessageBarTitle>
          Its upload window closed before it was finalized, so the review did not receive these files.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>This session is read-only</MessageBarTitle>
        Microsoft Graph reports a status this console does not know ({status || 'none'}). Only active sessions take files.
      </MessageBarBody>
    </MessageBar>
  );
}

const explainSessionError = (error: GraphError) =>
  error.status === 404
    ? 'Microsoft Graph has no session with this ID in this resource: it was deleted (perhaps from another tab or by another owner), or the address is wrong. Open the resource to see its sessions.'
    : undefined;

export function SessionPage({
  catalogId,
  resourceId,
  sessionId,
  search,
  onSearchChange,
  renderActions,
  renderUploadPanel,
  access = 'unknown',
}: SessionPageProps) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const ids = { catalogId, resourceId, sessionId };
  const session = useUploadSession(ids);
  const filesQuery = filesQueryFromSearch(search);
  // One request for the files of this view: the table, its count and the size chart all read it.
  const files = useSessionFilesView(ids, filesQuery);
  const { names } = useReviewInstanceNames(catalogId);
  const resource = useResource({ catalogId, resourceId });
  const deleted = session.error instanceof GraphError && session.error.status === 404;
  const instanceId = session.data?.data?.reviewInstanceId ?? session.data?.referenceId;
  const reviewName = instanceId ? names.get(instanceId) : undefined;
  const heading = sessionHeading(reviewName);
  // The session's key is the prefix of its files' keys: one invalidation refreshes both.
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.uploadSession(ids) });
  // No role on the catalog: said once, like the catalog page does, not once per refused request.
  const deniedBy = [session.error, files.error].find(isAccessDenied);
  usePageTitle(
    deniedBy
      ? 'No access'
      : deleted
        ? 'Upload session not found'
        : session.data
          ? sessionTitle(heading, session.data.status, resource.data?.displayName)
          : 'Upload session',
  );

  if (deniedBy) {
    return (
      <>
        <PageHeader title="Upload session" badge={<RoleBadge access={access} denied />} />
        <NoAccessMessage title="This upload session could not be opened" error={deniedBy} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={heading}
        badge={<RoleBadge access={access} />}
        actions={
          <>
            {session.isSuccess && renderActions?.(session.data)}
            <Button icon={<ArrowClockwiseRegular />} onClick={refresh} disabled={session.isFetching}>
              Refresh
            </Button>
          </>
        }
      />
      {session.isPending && <LoadingRows label="Loading upload session" />}
      {session.isError && (
        <ErrorMessage
          title={deleted ? 'This upload session no longer exists' : 'This upload session could not be opened'}
          error={session.error}
          explain={explainSessionError}
          onRetry={() => void session.refetch()}
        />
      )}
      {/* Deleted while open: what this visit sent stays listed (the upload panel says which files did not go). */}
      {deleted && session.data && renderUploadPanel?.(session.data, { gone: true })}
      {session.isSuccess && (
        <div className={styles.stack}>
          <ReadOnlyBanner status={session.data.status} />
          <SessionFacts session={session.data} reviewName={reviewName} />
          <SessionStats
            session={session.data}
            sizes={files.data?.files.map((file) => file.size)}
            filtered={activeFilterCount(filesQuery) > 0}
          />
          {renderUploadPanel?.(session.data, { gone: false })}
          <SessionFiles
            files={files}
            query={filesQuery}
            search={search}
            onSearchChange={onSearchChange}
            totalFiles={session.data.stats?.filesUploaded}
          />
        </div>
      )}
    </>
  );
}

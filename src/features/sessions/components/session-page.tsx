import type { ReactNode } from 'react';
import { Body1, Button } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { ErrorMessage } from '../../../components/error-message';
import { LoadingRows } from '../../../components/loading-rows';
import { PageHeader } from '../../../components/page-header';
import type { UploadSession } from '../../../graph/schemas';
import { useUploadSession } from '../api/get-upload-session';
import type { SessionSearch } from '../session-search';

/** `/catalogs/{catalogId}/resources/{resourceId}/sessions/{sessionId}`: one upload session. */
interface SessionPageProps {
  catalogId: string;
  resourceId: string;
  sessionId: string;
  search: SessionSearch;
  onSearchChange: (next: SessionSearch) => void;
  /** What other features add to the page (the app composes them): finalize and delete buttons, the upload panel. */
  renderActions?: (session: UploadSession) => ReactNode;
  renderUploadPanel?: (session: UploadSession) => ReactNode;
}

export function SessionPage({ catalogId, resourceId, sessionId, renderActions, renderUploadPanel }: SessionPageProps) {
  const session = useUploadSession({ catalogId, resourceId, sessionId });
  return (
    <>
      <PageHeader
        title="Upload session"
        actions={
          <>
            {session.isSuccess && renderActions?.(session.data)}
            <Button icon={<ArrowClockwiseRegular />} onClick={() => void session.refetch()} disabled={session.isFetching}>
              Refresh
            </Button>
          </>
        }
      />
      {session.isPending && <LoadingRows label="Loading upload session" />}
      {session.isError && (
        <ErrorMessage title="This upload session could not be opened" error={session.error} onRetry={() => void session.refetch()} />
      )}
      {session.isSuccess && (
        <Body1>
          Status {session.data.status}; {session.data.stats?.filesUploaded ?? 0} files
        </Body1>
      )}
      {session.isSuccess && renderUploadPanel?.(session.data)}
    </>
  );
}

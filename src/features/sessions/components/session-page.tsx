import { Body1, Button } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { ErrorMessage } from '../../../components/error-message';
import { LoadingRows } from '../../../components/loading-rows';
import { PageHeader } from '../../../components/page-header';
import { useUploadSession } from '../api/get-upload-session';

/** `/catalogs/{catalogId}/resources/{resourceId}/sessions/{sessionId}`: one upload session. */
export function SessionPage(ids: { catalogId: string; resourceId: string; sessionId: string }) {
  const session = useUploadSession(ids);
  return (
    <>
      <PageHeader
        title="Upload session"
        actions={
          <Button icon={<ArrowClockwiseRegular />} onClick={() => void session.refetch()} disabled={session.isFetching}>
            Refresh
          </Button>
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
    </>
  );
}

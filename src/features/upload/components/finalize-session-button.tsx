import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { explainActionDenied, isAccessDenied } from '../../../components/catalog-access';
import { ErrorMessage } from '../../../components/error-message';
import { formatBytes, formatNumber } from '../../../components/format';
import { LoadingRows } from '../../../components/loading-rows';
import type { UploadedFile, UploadSession } from '../../../graph/schemas';
import { storedFileKey } from '../../../graph/file-identity';
import { queryKeys } from '../../../graph/query-keys';
import { useAllSessionFiles, useFinalizeUploadSession } from '../upload-queries';
import { useUploadBusy, useUploadFailed, useUploadQueue } from './upload-session-provider';
import { DisplayName } from '../../../components/display-name';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  files: { maxHeight: '200px', overflowY: 'auto', margin: 0 },
});

/** Names of files that are in the session more than once (same name and size). */
function repeatedFiles(files: UploadedFile[]) {
  const counts = new Map<string, { name: string; count: number }>();
  for (const file of files) {
    const key = storedFileKey(file);
    counts.set(key, { name: file.name, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return [...counts.values()].filter((entry) => entry.count > 1);
}

/** Why finalizing is not possible yet, or undefined when it is. */
function blockedReason(session: UploadSession, busy: boolean, failed: boolean) {
  if (busy) return 'Wait until every upload has finished.';
  if (failed) return 'A file failed to upload: retry it or remove it from the list first.';
  if ((session.stats?.filesUploaded ?? 0) === 0) return 'Upload at least one file first.';
  return undefined;
}

/** "Finalize session": PATCH isUploadDone after a confirmation that says what cannot be undone. */
export function FinalizeSessionButton({ session }: { session: UploadSession }) {
  const styles = useStyles();
  const { ids, notify, reportRefusal } = useUploadQueue();
  const busy = useUploadBusy();
  const failed = useUploadFailed();
  const [open, setOpen] = useState(false);
  const files = useAllSessionFiles(ids, open);
  const queryClient = useQueryClient();
  const definitionId = session.data?.reviewDefinitionId;
  const finalize = useFinalizeUploadSession(ids, {
    onDone: () => {
      notify('Session finalized: the review has its data.');
      // The review moves on once it has its data: the new-session dialog and the notices must not show it as before.
      if (definitionId) void queryClient.invalidateQueries({ queryKey: queryKeys.reviewInstances(definitionId) });
    },
    onSessionClosed: (error) =>
      reportRefusal(
        error.status === 404 ? 'Not finalized: the session no longer exists' : 'Not finalized: the session was already finalized or has expired',
        error,
      ),
  });
  const reason = blockedReason(session, busy, failed);
  const totalBytes = files.data?.reduce((sum, file) => sum + file.size, 0) ?? 0;
  const repeated = repeatedFiles(files.data ?? []);

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (data.open) finalize.reset();
      }}
    >
      <Tooltip content={reason ?? 'Tell Microsoft Entra that this review instance’s data is complete.'} relationship="description">
        <DialogTrigger disableButtonEnhancement>
          <Button appearance="primary" icon={<CheckmarkCircleRegular />} disabledFocusable={reason !== undefined}>
            Finalize session
          </Button>
        </DialogTrigger>
      </Tooltip>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Finalize this upload session?</DialogTitle>
          <DialogContent className={styles.content}>
            <span>Finalizing cannot be undone:</span>
            <ul>
              <li>No further files can be uploaded to this session, and it cannot be reopened.</li>
              <li>No new session can be created for this review instance: its data is what you send now.</li>
              <li>The review moves on: it leaves Initializing, and reviewers start deciding on this data.</li>
            </ul>
            {files.isPending && <LoadingRows label="Loading the session's files" rows={2} />}
            {files.isError && <ErrorMessage title="The files could not be listed" error={files.error} onRetry={() => void files.refetch()} />}
            {files.isSuccess && (
              <>
                <strong>
                  {formatNumber(files.data.length)} {files.data.length === 1 ? 'file' : 'files'}, {formatBytes(totalBytes)} in total:
                </strong>
                <ul className={styles.files} aria-label="Files to finalize">
                  {files.data.map((file) => (
                    <li key={file.id}>
                      <DisplayName name={file.name} /> ({formatBytes(file.size)})
                    </li>
                  ))}
                </ul>
              </>
            )}
            {repeated.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  {repeated.map((entry) => `${entry.name} is in the session ${entry.count} times`).join('; ')}. The review
                  will get those rows more than once; to avoid that, delete the session and start over instead.
                </MessageBarBody>
              </MessageBar>
            )}
            {finalize.isError && <ErrorMessage title="The session could not be finalized" error={finalize.error} explain={explainActionDenied} />}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              // After a 403 another try meets the same refusal.
              disabled={finalize.isPending || !files.isSuccess || isAccessDenied(finalize.error)}
              onClick={() =>
                finalize.mutate(undefined, { onSuccess: () => setOpen(false) })
              }
            >
              {finalize.isPending ? <Spinner size="tiny" label="Finalizing…" /> : 'Finalize session'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

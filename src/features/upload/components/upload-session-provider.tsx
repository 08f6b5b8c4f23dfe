import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Toast,
  ToastTitle,
  Toaster,
  useId,
  useToastController,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useBlocker } from '@tanstack/react-router';
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useGraphClient } from '../../../graph/graph-client-context';
import { queryKeys } from '../../../graph/query-keys';
import { uploadFile } from '../../../graph/upload-file';
import { getSessionFiles, type SessionIds } from '../api/get-session-files';
import { hasFailed, isBusy, UploadQueue, type UploadItem } from '../upload-queue';

interface UploadSessionContextValue {
  ids: SessionIds;
  queue: UploadQueue;
  items: readonly UploadItem[];
  /** Files are queued or on their way. */
  busy: boolean;
  failed: boolean;
  notify: (title: string) => void;
}

const UploadSessionContext = createContext<UploadSessionContextValue | null>(null);

export function useUploadSession(): UploadSessionContextValue {
  const value = useContext(UploadSessionContext);
  if (!value) throw new Error('useUploadSession must be used inside UploadSessionProvider');
  return value;
}

/**
 * The upload queue of one session, shared by the upload panel and the finalize button (they sit in different
 * slots of the session page). While files are on their way, leaving the page asks first.
 */
export function UploadSessionProvider({ ids, children }: { ids: SessionIds; children: ReactNode }) {
  const client = useGraphClient();
  const queryClient = useQueryClient();
  const toasterId = useId('upload-toaster');
  const { dispatchToast } = useToastController(toasterId);
  const [queue] = useState(
    () =>
      new UploadQueue({
        upload: async (file, { signal, onProgress }) => {
          const session = await uploadFile(client, { ...ids, file, signal, onProgress });
          return session.files?.filter((stored) => stored.name === file.name && stored.size === file.size).length;
        },
        countInSession: async (file, signal) =>
          (await getSessionFiles(client, ids, file.name, signal)).filter((stored) => stored.size === file.size).length,
        onUploaded: () => void queryClient.invalidateQueries({ queryKey: queryKeys.uploadSessions(ids.catalogId, ids.resourceId) }),
      }),
  );
  const items = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const busy = isBusy(items);
  const failed = hasFailed(items);

  // Uploads belong to this page: leaving it for good stops them.
  useEffect(() => () => queue.cancelAll(), [queue]);

  const blocker = useBlocker({
    // Sorting or filtering the files changes only the search: that is not leaving.
    shouldBlockFn: ({ current, next }) => busy && current.pathname !== next.pathname,
    enableBeforeUnload: busy,
    withResolver: true,
  });

  const value = useMemo(
    () => ({
      ids,
      queue,
      items,
      busy,
      failed,
      notify: (title: string) =>
        dispatchToast(
          <Toast>
            <ToastTitle>{title}</ToastTitle>
          </Toast>,
          { intent: 'success' },
        ),
    }),
    [ids, queue, items, busy, failed, dispatchToast],
  );

  return (
    <UploadSessionContext.Provider value={value}>
      {children}
      <Toaster toasterId={toasterId} position="bottom-end" />
      <Dialog open={blocker.status === 'blocked'} onOpenChange={(_, data) => !data.open && blocker.reset?.()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Leave while files are uploading?</DialogTitle>
            <DialogContent>
              Files are still on their way to this session. If you leave, the uploads stop, and files not yet sent will
              be missing from the session.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => blocker.reset?.()}>
                Stay
              </Button>
              <Button
                onClick={() => {
                  queue.cancelAll();
                  blocker.proceed?.();
                }}
              >
                Leave and stop uploads
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </UploadSessionContext.Provider>
  );
}

import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Toast,
  ToastBody,
  ToastTitle,
  Toaster,
  useId,
  useToastController,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useBlocker } from '@tanstack/react-router';
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { GraphErrorDetails } from '../../../components/error-message';
import { copiesInSession } from '../../../graph/file-identity';
import { GraphError } from '../../../graph/graph-error';
import { useGraphClient } from '../../../graph/graph-client-context';
import { findStoredCopies } from '../../../graph/session-files';
import { uploadFile } from '../../../graph/upload-file';
import type { SessionIds } from '../../../graph/upload-sessions';
import { refreshAfterUploads, refreshIfSessionClosed, throttledUploadAnswers } from '../upload-queries';
import { useSignInAgain } from '../../../auth/sign-in-again-context';
import { useAccountId } from '../../../auth/use-account-id';
import { QueueJournal } from '../journal/queue-journal';
import type { JournalEntry } from '../journal/upload-journal';
import { allGates, browserConnectivity, signInGate } from '../upload-gate';
import { browserSessionLock } from '../session-lock';
import { hasFailed, isBusy, UploadQueue, type RefusedFile, type UploadItem } from '../upload-queue';

/** A file to queue, with what the journal records of it. */
export interface FileToQueue {
  file: File;
  alreadyInSession: number;
  sha256?: string;
  rowCount: number;
  formatId: string;
  /** The entry of an earlier visit this file finishes (matched by name, size and SHA-256). */
  resumes?: JournalEntry;
}

interface UploadSessionContextValue {
  ids: SessionIds;
  queue: UploadQueue;
  /** This account's journal of the session (undefined without an account). */
  journal?: QueueJournal;
  /** Queues files and journals them; returns those refused (already queued or uploaded), with why. */
  enqueue: (files: FileToQueue[]) => RefusedFile[];
  notify: (title: string) => void;
  /** A refusal that outlives the control that caused it (the session closed under it): a toast that stays. */
  reportRefusal: (title: string, error: unknown) => void;
}

const UploadSessionContext = createContext<UploadSessionContextValue | null>(null);

/**
 * The session's queue and what acts on it: the same value for the page's whole visit. What the queue holds is read
 * through the hooks below, each re-rendering only what reads it: one value that changed with every queue change
 * re-rendered the upload panel and the finalize and delete buttons with every status change (bench/README.md, issue 15).
 */
export function useUploadQueue(): UploadSessionContextValue {
  const value = useContext(UploadSessionContext);
  if (!value) throw new Error('useUploadQueue must be used inside UploadSessionProvider');
  return value;
}

/** Every file of the queue, for the list that shows them. */
export function useUploadItems(): readonly UploadItem[] {
  const { queue } = useUploadQueue();
  return useSyncExternalStore(queue.subscribe, queue.getSnapshot);
}

/** A value derived from the queue: a primitive, so that a component re-renders only when it changes. */
export function useUploadQueueValue<T extends string | number | boolean>(select: (queue: UploadQueue) => T): T {
  const { queue } = useUploadQueue();
  return useSyncExternalStore(queue.subscribe, () => select(queue));
}

const busyQueue = (queue: UploadQueue) => isBusy(queue.getSnapshot());

/** Files are queued or on their way. */
export const useUploadBusy = () => useUploadQueueValue(busyQueue);

export const useUploadFailed = () => useUploadQueueValue((queue) => hasFailed(queue.getSnapshot()));

/** Graph said the session takes no more files (deleted, finalized or expired elsewhere). */
export const useUploadClosed = () => useUploadQueueValue((queue) => queue.closed);

/**
 * The upload queue of one session, shared by the upload panel and the finalize button (they sit in different
 * slots of the session page). While files are on their way, leaving the page asks first.
 */
export function UploadSessionProvider({ ids, children }: { ids: SessionIds; children: ReactNode }) {
  const client = useGraphClient();
  const queryClient = useQueryClient();
  const toasterId = useId('upload-toaster');
  const { dispatchToast } = useToastController(toasterId);
  const accountId = useAccountId();
  const signInAgain = useSignInAgain();
  const [journal] = useState(() => (accountId ? QueueJournal.forSession(accountId, ids.sessionId) : undefined));
  const [queue] = useState(() => {
    const answers = throttledUploadAnswers(queryClient, ids);
    return new UploadQueue(
      {
        upload: async (file, { signal, onProgress }) => {
          const clientRequestId = client.newClientRequestId();
          journal?.startAttempt(file, clientRequestId);
          // A 401 is renewed and sent again inside uploadFile: the journal keeps the answer that decided.
          const onAnswer = (answer: { status: number; requestId?: string }) => answer.status !== 401 && journal?.endAttempt(file, clientRequestId, answer);
          try {
            const session = await uploadFile(client, { ...ids, file, signal, onProgress, clientRequestId, onAnswer });
            answers.add(session);
            return session.files ? copiesInSession(file, session.files) : undefined;
          } catch (error) {
            if (error instanceof GraphError && error.status === 0) journal?.endAttempt(file, clientRequestId, { status: 0 });
            throw error;
          }
        },
        countInSession: async (file, signal) => copiesInSession(file, await findStoredCopies(client, ids, file.name, signal)),
        storedByOtherTab: async ({ file, sha256 }) => (journal ? journal.sameFileJournalledElsewhere(file, sha256) : true),
        journalledByOtherTab: async ({ file, sha256 }) => (journal ? journal.journalledElsewhere(file, sha256) : false),
      onDrained: () => {
        answers.flush();
        void refreshAfterUploads(queryClient, ids);
      },
        onSessionClosed: (error) => refreshIfSessionClosed(queryClient, ids, error),
      },
      {
        gate: signInAgain ? allGates(browserConnectivity(), signInGate(signInAgain)) : browserConnectivity(),
        lock: browserSessionLock(ids.sessionId),
        onChange: journal && ((current) => journal.sync(current)),
      },
    );
  });
  const busy = useSyncExternalStore(queue.subscribe, () => busyQueue(queue));

  // While files are on their way, a lost sign-in pauses them and asks, instead of redirecting away from them.
  useEffect(() => (busy && signInAgain ? signInAgain.hold() : undefined), [busy, signInAgain]);

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
      journal,
      enqueue: (files: FileToQueue[]) => {
        for (const { file, sha256, rowCount, formatId, resumes } of files) {
          if (journal && resumes) journal.expectResumed(file, resumes);
          else if (journal && sha256) journal.expect(file, { name: file.name, size: file.size, sha256, rowCount, formatId });
        }
        return queue.add(files);
      },
      notify: (title: string) =>
        dispatchToast(
          <Toast>
            <ToastTitle>{title}</ToastTitle>
          </Toast>,
          { intent: 'success' },
        ),
      reportRefusal: (title: string, error: unknown) =>
        dispatchToast(
          <Toast>
            <ToastTitle>{title}</ToastTitle>
            <ToastBody>
              {error instanceof GraphError ? <GraphErrorDetails error={error} /> : error instanceof Error ? error.message : String(error)}
            </ToastBody>
          </Toast>,
          { intent: 'error', timeout: -1 },
        ),
    }),
    [ids, queue, journal, dispatchToast],
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

import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { GraphClient } from '../../graph/graph-client';
import { useGraphClient } from '../../graph/graph-client-context';
import { GraphError } from '../../graph/graph-error';
import { queryKeys } from '../../graph/query-keys';
import type { UploadSession } from '../../graph/schemas';
import { allSessionFilesQueryOptions, type SessionFilesView } from '../../graph/session-files';
import { deleteUploadSession, finalizeUploadSession, withoutFiles, type SessionIds } from '../../graph/upload-sessions';

/** Every file of the session, asked for when a decision is made on it (finalize these? upload again?). */
export function useAllSessionFiles(ids: SessionIds, enabled: boolean) {
  return useQuery({ ...allSessionFilesQueryOptions(useGraphClient(), ids), enabled, select: filesOf });
}

const filesOf = (view: SessionFilesView) => view.files;

/**
 * How old the session's files, read when files were chosen, may be at the Upload click and still decide what is sent
 * ("upload again?", how many copies the session held) without asking Graph again. Safe: that answer already ages while
 * the queue sends (the last file of a long queue goes out minutes after the click, on the same answer); this browser's
 * other tabs are kept from sending the same file by the journal and the Web Lock, whatever its age; and an upload
 * answer in this tab marks it stale (applyUploadAnswer), so it is read again. 15 s covers checking a few large files.
 */
export const chosenFilesLookupMaxAgeMs = 15_000;

/**
 * Files were chosen: the session's files are read while they are checked (which takes longer), so that the Upload
 * click finds the answer there instead of waiting for it before the first upload (bench/README.md, issue 15).
 */
export function prefetchSessionFiles(queryClient: QueryClient, client: GraphClient, ids: SessionIds) {
  // Offline, Upload waits for the connection and reads them then.
  if (navigator.onLine) void queryClient.prefetchQuery(allSessionFilesQueryOptions(client, ids));
}

/**
 * The session's files at the Upload click: the answer read when the files were chosen (or still on its way) while it
 * is younger than `maxAgeMs`, else a new read. A failed read is read again, and its error is the click's.
 */
export const sessionFilesForUpload = (queryClient: QueryClient, client: GraphClient, ids: SessionIds, maxAgeMs = chosenFilesLookupMaxAgeMs) =>
  queryClient.fetchQuery({ ...allSessionFilesQueryOptions(client, ids), staleTime: maxAgeMs });

/**
 * The answer sessionFilesForUpload would reuse, at once (undefined when it would read): the click can then queue the
 * files before the page re-renders, so the queue's first steps (its Web Lock, the journal) start at the click.
 */
export function recentSessionFiles(queryClient: QueryClient, client: GraphClient, ids: SessionIds): SessionFilesView | undefined {
  const query = queryClient.getQueryCache().find<SessionFilesView>({ queryKey: allSessionFilesQueryOptions(client, ids).queryKey, exact: true });
  return query && !query.isStaleByTime(chosenFilesLookupMaxAgeMs) ? query.state.data : undefined;
}

/**
 * After a file arrived: the session as `uploadFile` answered it (stats) goes straight into the cache, and the file lists
 * are only marked stale; they are fetched again once, when the queue has drained (refreshAfterUploads).
 */
export function applyUploadAnswer(queryClient: QueryClient, ids: SessionIds, session: UploadSession) {
  queryClient.setQueryData(queryKeys.uploadSession(ids), withoutFiles(session));
  void queryClient.invalidateQueries({ queryKey: queryKeys.uploadSessions(ids), refetchType: 'none' });
}

/** How often the session's stats follow the uploads, at most, while files arrive. */
export const uploadAnswerIntervalMs = 1000;

/**
 * applyUploadAnswer for a queue: the latest answer is written at most once per uploadAnswerIntervalMs, and at once on
 * flush() (when the queue drains). Writing every answer re-rendered the session page between one upload's end and the
 * next one's start, which delayed the next upload (bench/README.md, issue 15).
 */
export function throttledUploadAnswers(queryClient: QueryClient, ids: SessionIds, intervalMs = uploadAnswerIntervalMs) {
  let latest: UploadSession | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (latest) applyUploadAnswer(queryClient, ids, latest);
    latest = undefined;
  };
  return {
    add(session: UploadSession) {
      latest = session;
      timer ??= setTimeout(flush, intervalMs);
    },
    flush,
  };
}

/** Once the queue is idle: one refresh of everything that shows this resource's sessions and this session's files. */
export const refreshAfterUploads = (queryClient: QueryClient, ids: SessionIds) =>
  queryClient.invalidateQueries({ queryKey: queryKeys.uploadSessions(ids) });

const closesTheSession = (error: unknown): error is GraphError => error instanceof GraphError && (error.status === 404 || error.status === 409);

/** 404 (deleted elsewhere) or 409 (finalized or expired elsewhere): the page must show the session as it is now. */
export function refreshIfSessionClosed(queryClient: QueryClient, ids: SessionIds, error: unknown) {
  if (closesTheSession(error)) void queryClient.invalidateQueries({ queryKey: queryKeys.uploadSessions(ids) });
}

interface SessionMutationCallbacks {
  onDone: () => void;
  /**
   * Graph refused because the session is gone or closed: the page turns read-only (or "no longer exists") at once,
   * taking the dialog and its error with it, so the refusal is reported where it outlives them.
   */
  onSessionClosed: (error: GraphError) => void;
}

/**
 * The callbacks run with the mutation, not with the button: the answer turns the session read-only at once, which
 * unmounts the button (and any callback given to `mutate`) before the owner is told.
 */
export function useFinalizeUploadSession(ids: SessionIds, { onDone, onSessionClosed }: SessionMutationCallbacks) {
  const client = useGraphClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => finalizeUploadSession(client, ids),
    onSuccess: (session) => {
      queryClient.setQueryData(queryKeys.uploadSession(ids), withoutFiles(session));
      onDone();
    },
    onError: (error) => {
      refreshIfSessionClosed(queryClient, ids, error);
      if (closesTheSession(error)) onSessionClosed(error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.uploadSessions(ids) }),
  });
}

/** `leave` takes the person away from the session's page before its queries are dropped. */
export function useDeleteUploadSession(ids: SessionIds, leave: () => Promise<void> | void, onSessionClosed: (error: GraphError) => void) {
  const client = useGraphClient();
  const queryClient = useQueryClient();
  const sessionKey = queryKeys.uploadSession(ids);
  return useMutation({
    mutationFn: () => deleteUploadSession(client, ids),
    onSuccess: async () => {
      await leave();
      // The deleted session's own queries would only fetch a 404: drop them, refresh the rest.
      queryClient.removeQueries({ queryKey: sessionKey });
      return queryClient.invalidateQueries({
        queryKey: queryKeys.uploadSessions(ids),
        predicate: (query) => !sessionKey.every((part, index) => query.queryKey[index] === part),
      });
    },
    onError: (error) => {
      refreshIfSessionClosed(queryClient, ids, error);
      if (closesTheSession(error)) onSessionClosed(error);
    },
  });
}

import { Body1, Button, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUploadRegular, TableEditRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { copiesInSession, looksLikeSameName } from '../../../graph/file-identity';
import { useGraphClient } from '../../../graph/graph-client-context';
import type { UploadedFile, UploadSession } from '../../../graph/schemas';
import { isActiveSession } from '../../../graph/session-status';
import { csvFormatList, csvFormats, defaultCsvFormatId, isCsvFormatId, type CsvFormatId } from '../csv/csv-formats';
import { PrepareDialog } from '../prepare/prepare-dialog';
import { useUploadAnnouncements } from '../upload-announcements';
import { missingEntryFor, whyNotTheMissingFile } from '../journal/resume';
import { waitForEvent, waitingForConnection } from '../upload-gate';
import { otherTabUploading } from '../session-lock';
import { useUnfinishedFiles } from '../use-unfinished-files';
import { useOnline } from '../use-online';
import { isUploadable, useCheckedFiles, type CheckedFile } from '../use-checked-files';
import { prefetchSessionFiles, recentSessionFiles, sessionFilesForUpload } from '../upload-queries';
import { CheckedFileList } from './checked-file-list';
import { CsvDropzone } from './csv-dropzone';
import { LiveMessage, useAnnouncerStore } from './live-message';
import { downloadTemplate } from './template-download';
import { SignInAgainBar } from './sign-in-again-bar';
import { UnfinishedFilesNotice } from './unfinished-files';
import { TemplateHelp } from './template-help';
import { UploadAgainDialog } from './upload-again-dialog';
import { UploadList } from './upload-list';
import { isInFlight, type UploadQueue } from '../upload-queue';
import { useUploadClosed, useUploadItems, useUploadQueue, useUploadQueueValue } from './upload-session-provider';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalXL },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  format: { minWidth: '280px' },
});

/** The files queued, on their way or uploaded, and which: what decides whether a checked file may still be queued. */
const queuedKey = (queue: UploadQueue) =>
  queue
    .getSnapshot()
    .filter((item) => isInFlight(item) || item.status === 'done')
    .map((item) => `${item.id}${item.status === 'done' ? 'd' : 'q'}`)
    .join();
const nothingQueued = () => '';
const hasItems = (queue: UploadQueue) => queue.getSnapshot().length > 0;
const waitsFor = (reason: string) => (queue: UploadQueue) => queue.getSnapshot().some((item) => item.waitReason === reason);
const waitsForConnection = waitsFor(waitingForConnection);
const waitsForOtherTab = waitsFor(otherTabUploading);

/**
 * The live region's messages about the queue, read apart from the panel: the panel re-renders only when one is said,
 * not with every change of the queue (bench/README.md, issue 15).
 */
function UploadAnnouncements({ announce }: { announce: (message: string) => void }) {
  useUploadAnnouncements(useUploadItems(), announce);
  return null;
}

interface PendingUpload {
  entries: CheckedFile[];
  stored: UploadedFile[];
  conflicts: string[];
}

/** The upload part of an active session's page: choose a format, drop files, see them checked, send the good ones. */
export function UploadPanel({ session }: { session: UploadSession }) {
  const styles = useStyles();
  const client = useGraphClient();
  const queryClient = useQueryClient();
  const { ids, queue, journal, enqueue: enqueueFiles } = useUploadQueue();
  const closed = useUploadClosed();
  const listed = useUploadQueueValue(hasItems);
  const waitingOnline = useUploadQueueValue(waitsForConnection);
  const waitingOtherTab = useUploadQueueValue(waitsForOtherTab);
  const unfinished = useUnfinishedFiles(journal, ids).data;
  /** Journal ids of an earlier visit's missing files chosen again and queued. */
  const [resumed, setResumed] = useState<ReadonlySet<string>>(new Set());
  const online = useOnline();
  /** An Upload click is being started (reading the session's files, or waiting for the connection to do so). */
  const [starting, setStarting] = useState(false);
  const announcer = useAnnouncerStore();
  const { announce } = announcer;
  const checked = useCheckedFiles(announce);
  // Only checked files not sent yet need to know what the queue holds: without them, its changes re-render nothing here.
  const queued = useUploadQueueValue(checked.files.length > 0 ? queuedKey : nothingQueued);
  const [formatId, setFormatId] = useState<CsvFormatId>(defaultCsvFormatId);
  const [pending, setPending] = useState<PendingUpload>();
  const [readError, setReadError] = useState<unknown>();
  /** The prepare flow: for a checked file that did not pass (its entry is replaced), or for a file chosen in it (null). */
  const [preparing, setPreparing] = useState<{ file: File | null; entryId?: number }>();
  /** The earlier visit's missing file a checked file stands for (same name and size), if not queued again yet. */
  const missingFor = useCallback(
    (file: File) => missingEntryFor(unfinished?.missing.filter((entry) => !resumed.has(entry.id)) ?? [], file),
    [unfinished, resumed],
  );

  // A checked file already queued or uploaded stays listed, with why it is not sent again; so does one that looks like
  // a missing file of an earlier visit but has other bytes.
  const blocked = useMemo(() => {
    const reasons = new Map<number, string>();
    for (const entry of checked.files) {
      const sha256 = entry.result?.sha256;
      const missing = missingFor(entry.file);
      const reason =
        (queued ? queue.whyNotQueued({ file: entry.file, sha256 }) : undefined) ??
        (missing && whyNotTheMissingFile(missing, { name: entry.file.name, size: entry.file.size, sha256 }));
      if (reason) reasons.set(entry.id, reason);
    }
    return reasons;
  }, [checked.files, queued, queue, missingFor]);
  const uploadable = checked.files.filter((entry) => isUploadable(entry) && !blocked.has(entry.id));

  const enqueue = useCallback(
    (entries: CheckedFile[], stored: UploadedFile[]) => {
      const refused = enqueueFiles(
        entries.map(({ file, result }) => ({
          file,
          alreadyInSession: copiesInSession(file, stored),
          sha256: result?.sha256,
          rowCount: result?.rowCount ?? 0,
          formatId,
          resumes: missingFor(file),
        })),
      );
      const queued = entries.filter((entry) => !refused.some((r) => r.file === entry.file));
      const resumedNow = queued.map((entry) => missingFor(entry.file)?.id).filter((id) => id !== undefined);
      if (resumedNow.length > 0) setResumed((current) => new Set([...current, ...resumedNow]));
      checked.remove(queued.map((entry) => entry.id));
      const messages = [`${queued.length} ${queued.length === 1 ? 'file' : 'files'} queued for upload.`];
      for (const { file, reason } of refused) messages.push(`${file.name} not queued: ${reason}`);
      announce(messages.join(' '));
    },
    [enqueueFiles, checked, announce, formatId, missingFor],
  );

  /** Queues the uploadable files on what the session holds, or asks first about those it seems to hold already. */
  const decide = (stored: UploadedFile[]) => {
    const known = [...stored.map((file) => file.name), ...queue.getSnapshot().filter((item) => item.status !== 'cancelled').map((item) => item.file.name)];
    const conflicts = uploadable.map((entry) => entry.file.name).filter((name) => known.some((other) => looksLikeSameName(name, other)));
    if (conflicts.length > 0) setPending({ entries: uploadable, stored, conflicts });
    else enqueue(uploadable, stored);
  };

  const startUpload = async () => {
    if (starting) return;
    setReadError(undefined);
    // Online with a recent answer (read while the files were checked), the files are queued in the click itself.
    const recent = navigator.onLine ? recentSessionFiles(queryClient, client, ids) : undefined;
    if (recent) return decide(recent.files);
    setStarting(true);
    let stored: UploadedFile[];
    try {
      const wasOffline = !navigator.onLine;
      // Offline, the session's files cannot be read: wait for the connection rather than fail or send blind.
      await waitForEvent(window, 'online', new AbortController().signal, () => navigator.onLine);
      // What the session holds now, not what the page showed a while ago: the answer read while the files were checked
      // if it is recent, and a new one once the connection is back.
      stored = (await sessionFilesForUpload(queryClient, client, ids, wasOffline ? 0 : undefined)).files;
    } catch (error) {
      setReadError(error);
      return;
    } finally {
      setStarting(false);
    }
    decide(stored);
  };

  // The session page says why a session is read-only; what was sent this visit stays listed, without Retry.
  if (closed || !isActiveSession(session)) {
    if (!listed) return null;
    return (
      <section className={styles.root} aria-labelledby="upload-heading">
        <h2 id="upload-heading">Uploads</h2>
        <Body1>This session no longer takes files. The list says which of the files you chose arrived and which did not.</Body1>
        <UploadList />
      </section>
    );
  }

  const addFiles = (files: File[]) => {
    if (files.length > 0) prefetchSessionFiles(queryClient, client, ids);
    checked.add(files, formatId);
  };

  const format = csvFormats[formatId];
  return (
    <section className={styles.root} aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload files</h2>
      <div className={styles.toolbar}>
        <Field label="CSV format" hint={format.description} className={styles.format}>
          <Select
            value={formatId}
            onChange={(_, data) => {
              if (!isCsvFormatId(data.value)) return;
              setFormatId(data.value);
              checked.recheck(data.value);
            }}
          >
            {csvFormatList.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<ArrowDownloadRegular />} onClick={() => downloadTemplate(format)}>
          Download template
        </Button>
        <Button icon={<TableEditRegular />} onClick={() => setPreparing({ file: null })}>
          Prepare data
        </Button>
      </div>
      <TemplateHelp format={format} />
      <CsvDropzone onFiles={addFiles} />
      {checked.notice && <Body1>{checked.notice}</Body1>}
      <SignInAgainBar />
      {unfinished && <UnfinishedFilesNotice unfinished={unfinished} resumed={resumed} />}
      {queue.forbidden && (
        <ErrorMessage
          title="This account may not upload to this session"
          error={queue.forbidden}
          explain={() =>
            'Graph refused the upload (403): your role in this catalog lets you read its sessions but not add files. Nothing more is sent, and Retry would be refused the same way: ask a catalog owner for the owner role, or to upload the files.'
          }
        />
      )}
      {(!online || waitingOnline) && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {waitingForConnection} The browser is offline: nothing is sent, and no file is lost or sent twice. The uploads go on by
            themselves when the connection is back.
          </MessageBarBody>
        </MessageBar>
      )}
      {waitingOtherTab && (
        <MessageBar intent="info">
          <MessageBarBody>
            {otherTabUploading} Once it is done, this tab checks the session first and sends only the files the other tab
            did not store.
          </MessageBarBody>
        </MessageBar>
      )}
      <CheckedFileList
        files={checked.files}
        blocked={blocked}
        onRemove={(id) => checked.remove([id])}
        onPrepare={(entry) => setPreparing({ file: entry.file, entryId: entry.id })}
      />
      {checked.files.length > 0 && (
        <div>
          {/* Focusable while disabled: the focus stays here when the files it would send have gone to the queue. */}
          <Button
            appearance="primary"
            icon={<ArrowUploadRegular />}
            disabledFocusable={uploadable.length === 0 || starting}
            onClick={() => void startUpload()}
          >
            {starting
              ? online
                ? 'Starting the upload…'
                : waitingForConnection
              : uploadable.length === 0
                ? 'No file ready to upload'
                : `Upload ${uploadable.length} ${uploadable.length === 1 ? 'file' : 'files'}`}
          </Button>
        </div>
      )}
      {readError !== undefined && (
        <ErrorMessage title="The session's files could not be read, so nothing was sent" error={readError} onRetry={() => void startUpload()} />
      )}
      <UploadList />
      <UploadAnnouncements announce={announce} />
      <LiveMessage announcer={announcer} />
      <PrepareDialog
        file={preparing?.file}
        format={format}
        resourceId={ids.resourceId}
        onClose={() => setPreparing(undefined)}
        onPrepared={(files) => {
          if (preparing?.entryId !== undefined) checked.remove([preparing.entryId]);
          addFiles(files);
        }}
      />
      <UploadAgainDialog
        names={pending?.conflicts ?? []}
        onCancel={() => setPending(undefined)}
        onUploadAgain={() => {
          if (pending) enqueue(pending.entries, pending.stored);
          setPending(undefined);
        }}
        onSkip={() => {
          if (pending) {
            const rest = pending.entries.filter((entry) => !pending.conflicts.includes(entry.file.name));
            if (rest.length > 0) enqueue(rest, pending.stored);
          }
          setPending(undefined);
        }}
      />
    </section>
  );
}

import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Spinner,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { explainActionDenied, isAccessDenied } from '../../../components/catalog-access';
import { ErrorMessage } from '../../../components/error-message';
import { formatDateTime, formatNumber } from '../../../components/format';
import type { UploadSession } from '../../../graph/schemas';
import { useReviewInstanceLabel } from '../review-instance-label';
import { useDeleteUploadSession } from '../upload-queries';
import { useUploadBusy, useUploadQueue } from './upload-session-provider';

interface DeleteSessionButtonProps {
  session: UploadSession;
  /** Takes the person back to the resource page. */
  onDeleted: () => Promise<void> | void;
}

/** "Delete session": throws an active session away, to start over for its review instance. */
export function DeleteSessionButton({ session, onDeleted }: DeleteSessionButtonProps) {
  const { ids, reportRefusal } = useUploadQueue();
  const busy = useUploadBusy();
  const [open, setOpen] = useState(false);
  const remove = useDeleteUploadSession(ids, onDeleted, (error) =>
    reportRefusal(
      error.status === 404 ? 'Not deleted: the session no longer exists' : 'Not deleted: the session was finalized or has expired',
      error,
    ),
  );
  const created = session.createdDateTime ? formatDateTime(session.createdDateTime) : 'at an unknown time';
  const instance = session.data?.reviewInstanceId ?? session.referenceId ?? 'unknown';
  const files = session.stats?.filesUploaded ?? 0;
  const review = useReviewInstanceLabel(session);

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (data.open) remove.reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<DeleteRegular />} disabledFocusable={busy}>
          Delete session
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete this upload session?</DialogTitle>
          <DialogContent>
            <p>
              The session created {created} for {review ? <strong>{review}</strong> : 'review instance'} (instance ID{' '}
              <code>{instance}</code>) will be deleted, with its {formatNumber(files)} uploaded {files === 1 ? 'file' : 'files'}.
            </p>
            <p>While the review instance is still initializing you can then create a new session for it and start over.</p>
            {remove.isError && <ErrorMessage title="The session could not be deleted" error={remove.error} explain={explainActionDenied} />}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={remove.isPending || isAccessDenied(remove.error)} onClick={() => remove.mutate()}>
              {remove.isPending ? <Spinner size="tiny" label="Deleting…" /> : 'Delete session'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

import { Button, Dialog, DialogTrigger } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ReaderBlockedButton, readerCannot } from '../../../components/catalog-access';
import type { CreateAccess } from '../../../graph/catalog-roles';
import type { ResourceIds } from '../../../graph/resources';
import type { OpenedSession } from '../../../graph/upload-sessions';
import { NewSessionDialog } from './new-session-dialog';
import type { PickedReview } from './review-instance-picker';

interface NewSessionButtonProps extends ResourceIds {
  /** Where the app takes the person once the session exists (or was found). */
  onOpenSession: (opened: OpenedSession) => void;
  /** A review instance the address asks for (`?create=…&createReview=…`): the dialog opens with it chosen. */
  requested?: PickedReview;
  /** The dialog closed without a session: the address should stop asking for it. */
  onDismissRequest?: () => void;
  /** Hidden while the person's role loads; disabled, saying why, for a catalog reader. */
  access?: CreateAccess;
}

/** "New upload session" on the resource page. */
export function NewSessionButton({ access = 'allowed', ...props }: NewSessionButtonProps) {
  if (access === 'checking') return null;
  if (access === 'reader') {
    return (
      <ReaderBlockedButton appearance="primary" icon={<AddRegular />} reason={readerCannot('create upload sessions')}>
        New upload session
      </ReaderBlockedButton>
    );
  }
  return <NewSessionDialogButton {...props} />;
}

function NewSessionDialogButton({ catalogId, resourceId, onOpenSession, requested, onDismissRequest }: Omit<NewSessionButtonProps, 'access'>) {
  const [open, setOpen] = useState(Boolean(requested?.instanceId));
  // A fresh form every time the dialog opens.
  const [opened, setOpened] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (data.open) setOpened((count) => count + 1);
        else onDismissRequest?.();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<AddRegular />}>
          New upload session
        </Button>
      </DialogTrigger>
      <NewSessionDialog
        key={opened}
        catalogId={catalogId}
        resourceId={resourceId}
        initial={requested}
        onCancel={() => {
          setOpen(false);
          onDismissRequest?.();
        }}
        onDone={(session) => {
          setOpen(false);
          onOpenSession(session);
        }}
      />
    </Dialog>
  );
}

import { CheckmarkCircleRegular, DeleteRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { ReaderBlockedButton, readerCannot } from '../../../components/catalog-access';
import { rescueFocusToPageHeading } from '../../../components/focus-rescue';
import type { CreateAccess } from '../../../graph/catalog-roles';
import type { UploadSession } from '../../../graph/schemas';
import { isActiveSession } from '../../../graph/session-status';
import { DeleteSessionButton } from './delete-session-button';
import { FinalizeSessionButton } from './finalize-session-button';

interface SessionActionsProps {
  session: UploadSession;
  onDeleted: () => Promise<void> | void;
  /** Hidden while the person's role loads; disabled, saying why, for a catalog reader. */
  access?: CreateAccess;
}

/** The session page's actions: only an active session can be finalized or deleted, and only by an owner. */
export function SessionActions({ session, onDeleted, access = 'allowed' }: SessionActionsProps) {
  const active = isActiveSession(session);
  // Once finalized, the buttons go away with the focus: the page's heading takes it, not <body> (nor the toast after it).
  useEffect(() => {
    if (!active) rescueFocusToPageHeading();
  }, [active]);
  if (!active || access === 'checking') return null;
  if (access === 'reader') {
    return (
      <>
        <ReaderBlockedButton appearance="primary" icon={<CheckmarkCircleRegular />} reason={readerCannot('finalize sessions')}>
          Finalize session
        </ReaderBlockedButton>
        <ReaderBlockedButton icon={<DeleteRegular />} reason={readerCannot('delete sessions')}>
          Delete session
        </ReaderBlockedButton>
      </>
    );
  }
  return (
    <>
      <FinalizeSessionButton session={session} />
      <DeleteSessionButton session={session} onDeleted={onDeleted} />
    </>
  );
}

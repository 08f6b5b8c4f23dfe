import { useEffect } from 'react';
import { rescueFocusToPageHeading } from '../../../components/focus-rescue';
import type { UploadSession } from '../../../graph/schemas';
import { isActiveSession } from '../../../graph/session-status';
import { DeleteSessionButton } from './delete-session-button';
import { FinalizeSessionButton } from './finalize-session-button';

/** The session page's actions: only an active session can be finalized or deleted. */
export function SessionActions({ session, onDeleted }: { session: UploadSession; onDeleted: () => Promise<void> | void }) {
  const active = isActiveSession(session);
  // Once finalized, the buttons go away with the focus: the page's heading takes it, not <body> (nor the toast after it).
  useEffect(() => {
    if (!active) rescueFocusToPageHeading();
  }, [active]);
  if (!active) return null;
  return (
    <>
      <FinalizeSessionButton session={session} />
      <DeleteSessionButton session={session} onDeleted={onDeleted} />
    </>
  );
}

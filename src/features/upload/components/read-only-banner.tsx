import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { UploadSession } from '../../../graph/schemas';

function explain(status: string) {
  switch (status.toLowerCase()) {
    case 'complete':
      return {
        title: 'This session is complete',
        body: 'Its files went to the review. It is read-only: it cannot be reopened, and no new session can be created for its review instance.',
      };
    case 'expired':
      return {
        title: 'This session expired',
        body: 'The review instance’s upload window closed before the session was finalized. It is read-only.',
      };
    default:
      return { title: `This session is ${status || 'in an unknown state'}`, body: 'Only active sessions take files. It is read-only.' };
  }
}

/** Said plainly on a session that can no longer change. */
export function ReadOnlyBanner({ session }: { session: UploadSession }) {
  const { title, body } = explain(session.status ?? '');
  return (
    <MessageBar intent={session.status?.toLowerCase() === 'complete' ? 'success' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
    </MessageBar>
  );
}

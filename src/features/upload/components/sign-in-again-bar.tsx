import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { AuthError } from '@azure/msal-browser';
import { useSignInAgain, useSignInAgainState } from '../../../auth/sign-in-again-context';

/** Shown while uploads wait for the person to sign in again: the page, its queue and its progress all stay. */
export function SignInAgainBar() {
  const signInAgain = useSignInAgain();
  const { needed, signingIn, error } = useSignInAgainState(signInAgain);
  if (!signInAgain || !needed) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Your sign-in has ended</MessageBarTitle>
        The uploads are paused: nothing is lost, and no file is sent twice. They go on once you have signed in again.
        {error !== undefined && (
          <div>
            The sign-in did not finish ({error instanceof AuthError ? error.errorCode : error instanceof Error ? error.message : String(error)}).
            Try again.
          </div>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" disabled={signingIn} onClick={() => void signInAgain.signIn()}>
          Sign in again to continue
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

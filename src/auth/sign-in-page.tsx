import { Body1, Button, Card, Spinner, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorMessage } from '../components/error-message';
import { describeSignInFailure, takeRedirectFailure } from './sign-in-error';
import { useSignIn } from './use-sign-in';

const useStyles = makeStyles({
  root: { display: 'flex', justifyContent: 'center', paddingTop: '10vh' },
  card: { maxWidth: '520px', padding: tokens.spacingHorizontalXXL, gap: tokens.spacingVerticalL },
});

/** The anonymous landing page: what the console is for, and one button. */
export function SignInPage() {
  const styles = useStyles();
  const signIn = useSignIn();
  // A redirect that came back with an error shows it here, before anything else is tried.
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>(() => ({ busy: false, error: takeRedirectFailure() }));
  const failure = state.error === undefined ? undefined : describeSignInFailure(state.error);

  const onSignIn = () => {
    setState({ busy: true });
    signIn().catch((error: unknown) => setState({ busy: false, error }));
  };

  return (
    <div className={styles.root}>
      <Card className={styles.card}>
        <Title1 as="h1">Catalog Upload Console</Title1>
        <Body1>
          Bring custom access data into your catalog access reviews: see every upload session of your custom data
          provided resources, validate CSV files before they are sent, upload them with progress, and finalize each
          session deliberately.
        </Body1>
        <Body1>Sign in with your Microsoft Entra work account. You need the catalog owner or reader role on a catalog.</Body1>
        {failure && <ErrorMessage title="Sign-in did not complete" error={new Error(failure.message)} facts={failure.facts} />}
        <div>
          <Button appearance="primary" size="large" onClick={onSignIn} disabled={state.busy}>
            {state.busy ? <Spinner size="tiny" label="Signing in…" /> : 'Sign in'}
          </Button>
        </div>
      </Card>
    </div>
  );
}

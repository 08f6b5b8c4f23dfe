import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import { GraphError } from '../graph/graph-error';

const useStyles = makeStyles({
  details: { display: 'block', marginTop: '4px', fontFamily: 'monospace', fontSize: '12px', wordBreak: 'break-all' },
});

interface ErrorMessageProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  /** Plain words for a status the page understands better than Graph's message does. */
  explain?: (error: GraphError) => string | undefined;
}

/** Graph's status, code, request id and date, for the support ticket (the message too, unless it is shown already). */
export function GraphErrorDetails({ error, shownMessage }: { error: GraphError; shownMessage?: string }) {
  const styles = useStyles();
  return (
    <span className={styles.details}>
      {error.status > 0 && <>HTTP {error.status} · </>}
      Code: {error.code}
      {error.message !== shownMessage && <> · {error.message}</>}
      {error.requestId && <> · Request ID: {error.requestId}</>}
      {error.date && <> · Date: {error.date}</>}
    </span>
  );
}

/** A failure in plain words, with Graph's code and request id for the support ticket, and a retry. */
export function ErrorMessage({ title, error, onRetry, explain }: ErrorMessageProps) {
  const graphError = error instanceof GraphError ? error : undefined;
  const message = (graphError && explain?.(graphError)) ?? (error instanceof Error ? error.message : String(error));
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
        {graphError && <GraphErrorDetails error={graphError} shownMessage={message} />}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Retry</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

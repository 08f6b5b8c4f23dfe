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

/** A failure in plain words, with Graph's code and request id for the support ticket, and a retry. */
export function ErrorMessage({ title, error, onRetry, explain }: ErrorMessageProps) {
  const styles = useStyles();
  const graphError = error instanceof GraphError ? error : undefined;
  const message = (graphError && explain?.(graphError)) ?? (error instanceof Error ? error.message : String(error));
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
        {graphError && (
          <span className={styles.details}>
            {graphError.status > 0 && <>HTTP {graphError.status} · </>}
            Code: {graphError.code}
            {graphError.message !== message && <> · {graphError.message}</>}
            {graphError.requestId && <> · Request ID: {graphError.requestId}</>}
            {graphError.date && <> · Date: {graphError.date}</>}
          </span>
        )}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Retry</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

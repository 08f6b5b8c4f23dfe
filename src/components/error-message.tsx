import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import { GraphError } from '../graph/graph-error';

const useStyles = makeStyles({
  details: { display: 'block', marginTop: '4px', fontFamily: 'monospace', fontSize: '12px', wordBreak: 'break-all' },
});

/**
 * What a support ticket needs of any failure, in one shape for Graph's errors and sign-in's: the HTTP status, the
 * service's code, its ids (request id, client-request-id; trace and correlation ids for sign-in) and the time.
 */
export interface ErrorFacts {
  status?: number;
  code: string;
  message?: string;
  ids: { label: string; value: string }[];
  time?: string;
}

export function graphErrorFacts(error: GraphError): ErrorFacts {
  const ids = [
    { label: 'Request ID', value: error.requestId },
    { label: 'Client request ID', value: error.clientRequestId },
  ].filter((id): id is { label: string; value: string } => Boolean(id.value));
  return { status: error.status > 0 ? error.status : undefined, code: error.code, message: error.message, ids, time: error.date };
}

/** The facts on one line: "HTTP 403 · Code: accessDenied · message · Request ID: … · Client request ID: … · Time: …". */
export function ErrorDetails({ facts, shownMessage }: { facts: ErrorFacts; shownMessage?: string }) {
  const styles = useStyles();
  return (
    <span className={styles.details}>
      {facts.status !== undefined && <>HTTP {facts.status} · </>}
      Code: {facts.code}
      {facts.message && facts.message !== shownMessage && <> · {facts.message}</>}
      {facts.ids.map((id) => (
        <span key={id.label}>
          {' '}
          · {id.label}: {id.value}
        </span>
      ))}
      {facts.time && <> · Time: {facts.time}</>}
    </span>
  );
}

/** Graph's status, code, ids and time, for the support ticket (the message too, unless it is shown already). */
export function GraphErrorDetails({ error, shownMessage }: { error: GraphError; shownMessage?: string }) {
  return <ErrorDetails facts={graphErrorFacts(error)} shownMessage={shownMessage} />;
}

interface ErrorMessageProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  /** Plain words for a status the page understands better than Graph's message does. */
  explain?: (error: GraphError) => string | undefined;
  /** The facts of a failure that is not Graph's (sign-in): shown in the same shape. */
  facts?: ErrorFacts;
}

/** A failure in plain words, with its code, ids and time for the support ticket, and a retry. */
export function ErrorMessage({ title, error, onRetry, explain, facts }: ErrorMessageProps) {
  const graphError = error instanceof GraphError ? error : undefined;
  const message = (graphError && explain?.(graphError)) ?? (error instanceof Error ? error.message : String(error));
  const shownFacts = facts ?? (graphError && graphErrorFacts(graphError));
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
        {shownFacts && <ErrorDetails facts={shownFacts} shownMessage={message} />}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Retry</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

import { z } from 'zod';

/** Every failure of a Graph call, whatever its cause, so the UI has one thing to show. */
export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly date?: string;
  /** Seconds Graph asked us to wait (429/503), when it said. */
  readonly retryAfterSeconds?: number;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    requestId?: string;
    clientRequestId?: string;
    date?: string;
    retryAfterSeconds?: number;
  }) {
    super(init.message);
    this.name = 'GraphError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.date = init.date;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** Graph nests `innerError` (and sometimes `innererror`) and its ids vary by service: parse defensively. */
const innerErrorSchema = z.looseObject({
  'request-id': z.string().optional(),
  'client-request-id': z.string().optional(),
  date: z.string().optional(),
});

const graphErrorBodySchema = z.object({
  error: z.looseObject({
    code: z.string().optional(),
    message: z.string().optional(),
    innerError: innerErrorSchema.optional(),
    innererror: innerErrorSchema.optional(),
  }),
});

/** Retry-After is seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, (at - now) / 1000);
}

function defaultCode(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'accessDenied';
  if (status === 404) return 'itemNotFound';
  if (status === 429) return 'tooManyRequests';
  if (status >= 500) return 'serviceNotAvailable';
  return 'invalidRequest';
}

/** Builds a GraphError from a failed response, reading the Graph error body when there is one. */
export async function graphErrorFromResponse(response: Response): Promise<GraphError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return graphErrorFromParts({ status: response.status, statusText: response.statusText, body, header: (name) => response.headers.get(name) });
}

/** The same, for transports that are not fetch (the XHR upload): the body as text, headers by name. */
export function graphErrorFromText(init: { status: number; statusText: string; text: string; header: (name: string) => string | null }) {
  let body: unknown;
  try {
    body = JSON.parse(init.text);
  } catch {
    body = undefined;
  }
  return graphErrorFromParts({ ...init, body });
}

function graphErrorFromParts(init: { status: number; statusText: string; body: unknown; header: (name: string) => string | null }) {
  const parsed = graphErrorBodySchema.safeParse(init.body);
  const error = parsed.success ? parsed.data.error : undefined;
  const inner = error?.innerError ?? error?.innererror;
  return new GraphError({
    status: init.status,
    code: error?.code ?? defaultCode(init.status),
    message: error?.message || `Microsoft Graph answered ${init.status} ${init.statusText}`.trim(),
    requestId: inner?.['request-id'] ?? init.header('request-id') ?? undefined,
    clientRequestId: inner?.['client-request-id'] ?? init.header('client-request-id') ?? undefined,
    date: inner?.date ?? init.header('date') ?? undefined,
    retryAfterSeconds: parseRetryAfter(init.header('retry-after')),
  });
}

export function networkError(cause: unknown, clientRequestId: string): GraphError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new GraphError({
    status: 0,
    code: 'networkError',
    message: `Microsoft Graph could not be reached (${detail}). Check your connection and try again.`,
    clientRequestId,
    // No answer, so no Date header: the time it failed here, in the header's form, for the support ticket.
    date: new Date().toUTCString(),
  });
}

/**
 * The error with the ids this console sent filled in where Graph's answer did not carry them (a proxy's 502, an
 * error body without innerError, a CORS-hidden header): a support ticket always has the client-request-id and a time.
 */
export function withSentIds(error: GraphError, clientRequestId: string): GraphError {
  if (error.clientRequestId && error.date) return error;
  return new GraphError({
    status: error.status,
    code: error.code,
    message: error.message,
    requestId: error.requestId,
    clientRequestId: error.clientRequestId ?? clientRequestId,
    date: error.date ?? new Date().toUTCString(),
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

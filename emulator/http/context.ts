import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { GraphError } from './errors';

export type FaultKind = 'status' | 'delay' | 'reset';

/** What the request log records beyond method, path and status. */
export interface RequestNotes {
  username?: string;
  grantType?: string;
  fault?: FaultKind;
}

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  /** Still percent-encoded, without the query. */
  readonly pathname: string;
  readonly rawQuery: string;
  /** Origin the client used (from Host), for @odata.context, nextLink and the issuer. */
  readonly origin: string;
  readonly requestId: string;
  readonly clientRequestId: string;
  readonly receivedAt: Date;
  readonly notes: RequestNotes;
  /** Set by a `reset` fault: the handler runs, then the connection is dropped instead of answering. */
  dropResponse: boolean;
  answered: boolean;
  readonly onAnswered: (status: number) => void;
}

export function createContext(
  req: IncomingMessage,
  res: ServerResponse,
  receivedAt: Date,
  onAnswered: (status: number) => void,
): RequestContext {
  const url = req.url ?? '/';
  const queryStart = url.indexOf('?');
  const header = req.headers['client-request-id'];
  const requestId = randomUUID();
  return {
    req,
    res,
    method: (req.method ?? 'GET').toUpperCase(),
    pathname: queryStart < 0 ? url : url.slice(0, queryStart),
    rawQuery: queryStart < 0 ? '' : url.slice(queryStart + 1),
    origin: `http://${req.headers.host ?? 'localhost'}`,
    requestId,
    clientRequestId: typeof header === 'string' && header !== '' ? header : requestId,
    receivedAt,
    notes: {},
    dropResponse: false,
    answered: false,
    onAnswered,
  };
}

export const exposedHeaders = 'Retry-After, request-id, client-request-id, WWW-Authenticate, Location';

/** Headers on every answer: correlation ids like Graph and Entra, and CORS for any origin (bearer tokens, no cookies). */
function commonHeaders(ctx: RequestContext): OutgoingHttpHeaders {
  const origin = ctx.req.headers.origin;
  return {
    'request-id': ctx.requestId,
    'client-request-id': ctx.clientRequestId,
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': exposedHeaders,
    Vary: 'Origin',
  };
}

export function send(ctx: RequestContext, status: number, body?: string | Buffer, headers: OutgoingHttpHeaders = {}): void {
  if (ctx.answered) return;
  ctx.answered = true;
  ctx.onAnswered(status);
  if (ctx.dropResponse) {
    // A status line, then nothing: the answer is lost, but a browser that got no byte at all on a reused
    // keep-alive connection would silently send the request again, which is not the fault being simulated.
    ctx.req.socket.end('HTTP/1.1 200 OK\r\n');
    return;
  }
  ctx.res.writeHead(status, { ...commonHeaders(ctx), ...headers });
  ctx.res.end(body);
}

export const graphJsonType = 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';

export function sendJson(ctx: RequestContext, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void {
  send(ctx, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
}

export function sendGraph(ctx: RequestContext, status: number, value: unknown): void {
  send(ctx, status, JSON.stringify(value), { 'Content-Type': graphJsonType, 'Cache-Control': 'no-store' });
}

/** The ids an error body carries: a request context, or what the HTTP parser's error handler makes up. */
export interface ErrorIds {
  readonly receivedAt: Date;
  readonly requestId: string;
  readonly clientRequestId: string;
}

export function graphErrorBody(ids: ErrorIds, code: string, message: string) {
  return {
    error: {
      code,
      message,
      innerError: {
        date: ids.receivedAt.toISOString().slice(0, 19),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

export function sendGraphError(ctx: RequestContext, error: GraphError): void {
  send(ctx, error.status, JSON.stringify(graphErrorBody(ctx, error.code, error.message)), {
    'Content-Type': graphJsonType,
    'Cache-Control': 'no-store',
    ...error.headers,
  });
}

export function sendHtml(ctx: RequestContext, status: number, html: string, headers: OutgoingHttpHeaders = {}): void {
  send(ctx, status, html, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
}

export function redirect(ctx: RequestContext, location: string, headers: OutgoingHttpHeaders = {}): void {
  send(ctx, 302, undefined, { Location: location, 'Cache-Control': 'no-store', ...headers });
}

/** CORS preflight: the methods and headers the console sends; browsers cache the answer. */
export function answerPreflight(ctx: RequestContext): void {
  const requested = ctx.req.headers['access-control-request-headers'];
  send(ctx, 204, undefined, {
    'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, PUT, OPTIONS',
    'Access-Control-Allow-Headers':
      requested ?? 'Authorization, Content-Type, client-request-id, return-client-request-id, ConsistencyLevel, Prefer',
    'Access-Control-Max-Age': '86400',
  });
}

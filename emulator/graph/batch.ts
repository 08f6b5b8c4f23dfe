import { z } from 'zod';
import type { EmulatorState } from '../emulator-state';
import { readJsonBody } from '../http/body';
import type { RequestContext } from '../http/context';
import { graphErrorBody, sendGraph } from '../http/context';
import { badQuery } from '../http/errors';
import type { RouteRequest } from './router';

/**
 * POST /$batch, JSON batching (docs/graph-contract.md §9.2): up to 20 requests in one, each answered with its own
 * status, headers and body. Each inner request is sent to this same server over loopback HTTP, with the batch's
 * Authorization header, so it is authorised, routed, faulted and logged exactly like a direct one; only the latency
 * is not waited again (the batch waited once).
 */
export const maxBatchRequests = 20;

/** Marks a $batch's inner request: it skips the latency, and the request log records it as part of a batch. */
const innerHeader = 'x-emulator-batch-request';

export const isInnerBatchRequest = (ctx: RequestContext) => ctx.req.headers[innerHeader] !== undefined;

const innerSchema = z.strictObject({
  id: z.string().min(1),
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
  url: z.string().min(1).max(16_384),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});
const batchSchema = z.strictObject({ requests: z.array(innerSchema).min(1) });
type InnerRequest = z.infer<typeof innerSchema>;

interface InnerResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** The answer headers Graph passes on inside a batch. */
const passedHeaders = ['content-type', 'retry-after', 'location', 'request-id', 'client-request-id'];

/** Relative to the version, like Graph: "/catalogs?…" or "catalogs?…"; never another version, origin or path outside it. */
function innerPath(url: string): string | undefined {
  const path = url.startsWith('/') ? url : `/${url}`;
  const pathname = path.split('?')[0] ?? '';
  if (!/^\/[A-Za-z]/.test(pathname) || /^\/(v1\.0|beta)(\/|$)/.test(pathname)) return undefined;
  // Dot segments (also percent-encoded) would climb out of the version; a nested $batch is not allowed.
  const segments = pathname.split('/').map((segment) => segment.toLowerCase());
  if (segments.some((segment) => ['.', '..', '%2e', '%2e%2e', '.%2e', '%2e.', '$batch'].includes(segment))) return undefined;
  if (/[#\\]/.test(path)) return undefined;
  // Spaces are fine, as in Graph's own batch examples ("$filter=importance eq 'high'"): sent percent-encoded.
  return path.replaceAll(' ', '%20');
}

function errorResponse(ctx: RequestContext, id: string, status: number, code: string, message: string): InnerResponse {
  return { id, status, headers: { 'Content-Type': 'application/json' }, body: graphErrorBody(ctx, code, message) };
}

/** Headers an inner request may not set: the batch's own authorization and transport are used. */
const droppedHeaders = new Set(['authorization', 'host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect', innerHeader]);
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The inner request's headers, lower-cased, or the reason they cannot be sent. */
function innerHeaders(given: Record<string, string> | undefined): Record<string, string> | string {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(given ?? {})) {
    if (!headerName.test(name)) return `The header name '${name.slice(0, 100)}' is not valid.`;
    // Header values are Latin-1 text without control characters (a CR or LF would split the request).
    if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) return `The value of header '${name.slice(0, 100)}' is not valid.`;
    const lower = name.toLowerCase();
    if (!droppedHeaders.has(lower)) headers[lower] = value;
  }
  return headers;
}

async function sendInner(ctx: RequestContext, state: EmulatorState, version: string, request: InnerRequest): Promise<InnerResponse> {
  const path = innerPath(request.url);
  if (!path) return errorResponse(ctx, request.id, 400, 'BadRequest', `The url '${request.url.slice(0, 200)}' must be relative to the version, like '/me'.`);
  const given = innerHeaders(request.headers);
  if (typeof given === 'string') return errorResponse(ctx, request.id, 400, 'BadRequest', given);
  const headers: Record<string, string> = { ...given, [innerHeader]: ctx.requestId };
  const authorization = ctx.req.headers.authorization;
  if (authorization !== undefined) headers.authorization = authorization;
  let body: string | undefined;
  if (request.body !== undefined && request.method !== 'GET') {
    // Graph: an inner request with a body must say what it is.
    if (headers['content-type'] === undefined) {
      return errorResponse(ctx, request.id, 400, 'BadRequest', 'The Content-Type header is required in an inner request with a body.');
    }
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  }
  try {
    const response = await fetch(`${state.selfUrl}/${version}${path}`, { method: request.method, headers, body, redirect: 'manual' });
    const text = await response.text();
    const answerHeaders: Record<string, string> = {};
    for (const name of passedHeaders) {
      const value = response.headers.get(name);
      if (value !== null) answerHeaders[name === 'content-type' ? 'Content-Type' : name === 'retry-after' ? 'Retry-After' : name] = value;
    }
    let parsed: unknown = text === '' ? undefined : text;
    if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON after all: passed on as text.
      }
    }
    return { id: request.id, status: response.status, headers: answerHeaders, ...(parsed === undefined ? {} : { body: parsed }) };
  } catch {
    // The inner answer was lost (a `reset` fault): Graph would report the inner request as failed.
    return errorResponse(ctx, request.id, 503, 'serviceNotAvailable', 'The inner request got no answer.');
  }
}

export async function batch(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const parsed = batchSchema.safeParse(await readJsonBody(ctx));
  if (!parsed.success) throw badQuery(`Invalid batch request: ${z.prettifyError(parsed.error)}`);
  const requests = parsed.data.requests;
  if (requests.length > maxBatchRequests) {
    throw badQuery(`The batch holds ${requests.length} requests; the limit is ${maxBatchRequests}.`);
  }
  const ids = new Set<string>();
  for (const request of requests) {
    if (ids.has(request.id)) throw badQuery(`The request id '${request.id}' appears twice in the batch.`);
    // A dependency must come earlier in the list: that also rules out cycles.
    const unknown = request.dependsOn?.find((id) => !ids.has(id));
    if (unknown !== undefined) throw badQuery(`Request '${request.id}' depends on '${unknown}', which is not an earlier request of the batch.`);
    ids.add(request.id);
  }
  const answers = new Map<string, Promise<InnerResponse>>();
  for (const request of requests) {
    const dependencies = (request.dependsOn ?? []).map((id) => answers.get(id) as Promise<InnerResponse>);
    answers.set(
      request.id,
      Promise.all(dependencies).then((done) => {
        const failed = done.find((answer) => answer.status >= 400);
        if (failed) return errorResponse(ctx, request.id, 424, 'failedDependency', `The request it depends on ('${failed.id}') failed.`);
        return sendInner(ctx, state, route.version, request);
      }),
    );
  }
  sendGraph(ctx, 200, { responses: await Promise.all(answers.values()) });
}

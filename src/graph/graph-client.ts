import type { z } from 'zod';
import type { AppConfig } from '../config/app-config';
import { apiPaths } from './api-paths';
import { batchAnswerSchema, createBatcher, innerResponse } from './batch';
import { GraphError, graphErrorFromResponse, networkError, withSentIds } from './graph-error';
import { retryableStatuses, retryDelayMs, sleep as defaultSleep } from './retry-policy';
import { collectionSchema } from './schemas';

/** `scopes`: a token for these instead of the sign-in's (permissions asked for when needed: src/auth/consent.ts). */
export type AccessTokenProvider = (options?: { forceRefresh?: boolean; scopes?: string[] }) => Promise<string>;

export interface GraphClientOptions {
  baseUrl: string;
  apiVersion: AppConfig['graphApiVersion'];
  getAccessToken: AccessTokenProvider;
  maxRetries?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  newClientRequestId?: () => string;
}

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  error: GraphError;
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A query string as built by odata-query (`?$filter=…`), or empty. */
  query?: string;
  body?: unknown;
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
  /** A GET that may go in a JSON batch with the others asked for in the same task (`batch.ts`). */
  batch?: boolean;
}

export interface Page<T> {
  items: T[];
  count?: number;
  nextLink?: string;
}

/**
 * The only code that talks to Graph: base URL and version, bearer tokens, client-request-id,
 * retries after Retry-After, paging and the Graph error shape.
 */
export function createGraphClient(options: GraphClientOptions) {
  const maxRetries = options.maxRetries ?? 4;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? defaultSleep;
  const newClientRequestId = options.newClientRequestId ?? (() => crypto.randomUUID());
  const versionRoot = `${options.baseUrl}/${options.apiVersion}`;
  const baseOrigin = new URL(options.baseUrl).origin;

  function url(path: string, query = ''): string {
    return `${versionRoot}${path}${query}`;
  }

  const batcher = createBatcher({
    postBatch: (requests) => send(`${versionRoot}/$batch`, { method: 'POST', body: { requests }, schema: batchAnswerSchema }),
    maxRetries,
    sleep,
  });

  /** A GET through a batch, read like a direct answer; a lone one, or a 401 (to renew the token), goes directly. */
  async function sendBatched<T>(target: string, request: RequestOptions<T>): Promise<T> {
    const answer = await batcher.load(target.slice(versionRoot.length), request.signal);
    if (answer.direct || answer.status === 401) return send(target, { ...request, batch: false });
    const response = innerResponse(answer);
    if (response.ok) return parseBody(response, request.schema);
    throw await graphErrorFromResponse(response);
  }

  async function send<T>(target: string, request: RequestOptions<T>): Promise<T> {
    const method = request.method ?? 'GET';
    if (request.batch && method === 'GET' && target.startsWith(`${versionRoot}/`)) return sendBatched(target, request);
    // One id for every attempt of this call, so Graph's logs can tie the retries together.
    const clientRequestId = newClientRequestId();
    let forceRefresh = false;
    for (let attempt = 0; ; attempt++) {
      const token = await options.getAccessToken({ forceRefresh });
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        'client-request-id': clientRequestId,
        'return-client-request-id': 'true',
        Accept: 'application/json',
      };
      if (request.body !== undefined) headers['Content-Type'] = 'application/json';

      let response: Response;
      try {
        response = await doFetch(target, {
          method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: request.signal,
        });
      } catch (cause) {
        if (request.signal?.aborted) throw request.signal.reason;
        const error = networkError(cause, clientRequestId);
        // Only reads are safe to repeat when we never saw an answer.
        if (method !== 'GET' || attempt >= maxRetries) throw error;
        await waitBeforeRetry(attempt, error, request);
        continue;
      }

      if (response.ok) return parseBody(response, request.schema, clientRequestId);

      const error = withSentIds(await graphErrorFromResponse(response), clientRequestId);
      if (response.status === 401 && !forceRefresh) {
        // The token may have expired between MSAL's check and Graph's: renew once and repeat.
        forceRefresh = true;
        continue;
      }
      if (!retryableStatuses.has(response.status) || attempt >= maxRetries) throw error;
      await waitBeforeRetry(attempt, error, request);
    }
  }

  async function waitBeforeRetry<T>(attempt: number, error: GraphError, request: RequestOptions<T>) {
    const delayMs = retryDelayMs(attempt, error.retryAfterSeconds);
    request.onRetry?.({ attempt: attempt + 1, delayMs, error });
    await sleep(delayMs, request.signal);
  }

  async function parseBody<T>(response: Response, schema: z.ZodType<T> | undefined, clientRequestId?: string): Promise<T> {
    if (response.status === 204 || !schema) return undefined as T;
    const json: unknown = await response.json();
    const result = schema.safeParse(json);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    throw new GraphError({
      status: response.status,
      code: 'unexpectedResponse',
      message: `Microsoft Graph sent a response this console does not understand (${issue?.path.join('.') || 'body'}: ${issue?.message}).`,
      requestId: response.headers.get('request-id') ?? undefined,
      clientRequestId: response.headers.get('client-request-id') ?? clientRequestId,
      date: response.headers.get('date') ?? new Date().toUTCString(),
    });
  }

  /** Follows `@odata.nextLink` only on Graph's own origin, so a token never goes elsewhere. */
  function assertGraphUrl(link: string) {
    if (new URL(link).origin !== baseOrigin) {
      throw new GraphError({ status: 0, code: 'unexpectedResponse', message: `Refused to follow a next link to ${new URL(link).origin}.` });
    }
  }

  async function listPage<T>(target: string, itemSchema: z.ZodType<T>, request: RequestOptions<Page<T>>): Promise<Page<T>> {
    const body = await send(target, { ...request, schema: collectionSchema(itemSchema) });
    return { items: body.value, count: body['@odata.count'], nextLink: body['@odata.nextLink'] };
  }

  const client = {
    paths: apiPaths(options.apiVersion),
    url,
    /** For transports the client does not own (the XHR upload, for its progress events). */
    getAccessToken: options.getAccessToken,
    newClientRequestId,

    request<T>(path: string, request: RequestOptions<T> = {}): Promise<T> {
      return send(url(path, request.query), request);
    },

    /** One page of a collection; pass `nextLink` from a previous page to get the next one. */
    listPage<T>(path: string, itemSchema: z.ZodType<T>, request: RequestOptions<Page<T>> & { nextLink?: string } = {}) {
      if (request.nextLink) {
        assertGraphUrl(request.nextLink);
        return listPage(request.nextLink, itemSchema, request);
      }
      return listPage(url(path, request.query), itemSchema, request);
    },

    /** Every item of a collection, following `@odata.nextLink` verbatim until Graph stops sending one. */
    async listAll<T>(path: string, itemSchema: z.ZodType<T>, request: RequestOptions<Page<T>> = {}): Promise<Page<T>> {
      let page = await listPage(url(path, request.query), itemSchema, request);
      const items = [...page.items];
      const count = page.count;
      while (page.nextLink) {
        assertGraphUrl(page.nextLink);
        page = await listPage(page.nextLink, itemSchema, request);
        items.push(...page.items);
      }
      return { items, count };
    },
  };
  clientOptions.set(client, options);
  return client;
}

export type GraphClient = ReturnType<typeof createGraphClient>;

const clientOptions = new WeakMap<object, GraphClientOptions>();
const scopedClients = new WeakMap<object, Map<string, GraphClient>>();

/**
 * The same client with tokens for `scopes` (people lookups need User.Read.All, which sign-in does not ask for). One per
 * client and set of scopes, so what is cached per client (people looked up) lives as long as the sign-in.
 */
export function withScopes(client: GraphClient, scopes: string[]): GraphClient {
  const options = clientOptions.get(client);
  if (!options) throw new Error('withScopes needs a client made by createGraphClient.');
  const byScopes = scopedClients.get(client) ?? new Map<string, GraphClient>();
  scopedClients.set(client, byScopes);
  const key = [...scopes].sort().join(' ');
  let scoped = byScopes.get(key);
  if (!scoped) {
    scoped = createGraphClient({ ...options, getAccessToken: (token) => options.getAccessToken({ ...token, scopes }) });
    byScopes.set(key, scoped);
  }
  return scoped;
}

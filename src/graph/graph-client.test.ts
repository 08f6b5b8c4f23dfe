import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createGraphClient, type GraphClientOptions } from './graph-client';
import { GraphError } from './graph-error';

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });

const graphError = (status: number, code: string, headers: Record<string, string> = {}) =>
  json({ error: { code, message: `${code} happened`, innerError: { 'request-id': `req-${status}` } } }, { status, headers });

const itemSchema = z.object({ id: z.string() });

function setup(responses: (Response | Error)[], options: Partial<GraphClientOptions> = {}) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  });
  const getAccessToken = vi.fn(async ({ forceRefresh = false } = {}) => (forceRefresh ? 'fresh-token' : 'token'));
  let ids = 0;
  const client = createGraphClient({
    baseUrl: 'https://graph.example',
    apiVersion: 'v1.0',
    getAccessToken,
    fetch: fetchMock,
    newClientRequestId: () => `client-${++ids}`,
    ...options,
  });
  const headersOf = (call: number) => fetchMock.mock.calls[call]?.[1]?.headers as Record<string, string>;
  return { client, fetchMock, getAccessToken, headersOf };
}

describe('graph client', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the bearer token and a client-request-id to the versioned URL', async () => {
    const { client, fetchMock, headersOf } = setup([json({ id: 'a' })]);
    await expect(client.request('/things/a', { schema: itemSchema, query: '?$select=id' })).resolves.toEqual({ id: 'a' });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('https://graph.example/v1.0/things/a?$select=id');
    expect(headersOf(0)).toMatchObject({ Authorization: 'Bearer token', 'client-request-id': 'client-1' });
  });

  it('waits exactly Retry-After seconds on 429, then retries with the same client-request-id', async () => {
    const { client, fetchMock, headersOf } = setup([graphError(429, 'tooManyRequests', { 'Retry-After': '2' }), json({ id: 'a' })]);
    const onRetry = vi.fn();
    const result = client.request('/things/a', { schema: itemSchema, onRetry });
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ id: 'a' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(headersOf(1)['client-request-id']).toBe('client-1');
    expect(onRetry).toHaveBeenCalledWith(expect.objectContaining({ attempt: 1, delayMs: 2000 }));
  });

  it('backs off 1 s then 2 s on 503 without Retry-After, and gives up after maxRetries', async () => {
    const { client, fetchMock } = setup(
      [graphError(503, 'serviceNotAvailable'), graphError(503, 'serviceNotAvailable'), graphError(503, 'serviceNotAvailable')],
      { maxRetries: 2 },
    );
    const result = client.request('/things', { schema: itemSchema });
    const failure = expect(result).rejects.toMatchObject({ status: 503, code: 'serviceNotAvailable', requestId: 'req-503' });
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    await failure;
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('does not retry other errors', async () => {
    const { client, fetchMock } = setup([graphError(403, 'accessDenied')]);
    await expect(client.request('/things')).rejects.toBeInstanceOf(GraphError);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('renews the token once on 401 and repeats the call', async () => {
    const { client, getAccessToken, headersOf } = setup([graphError(401, 'InvalidAuthenticationToken'), json({ id: 'a' })]);
    await expect(client.request('/things/a', { schema: itemSchema })).resolves.toEqual({ id: 'a' });
    expect(getAccessToken).toHaveBeenLastCalledWith({ forceRefresh: true });
    expect(headersOf(1).Authorization).toBe('Bearer fresh-token');
  });

  it('retries a read that got no answer, but never a write', async () => {
    const read = setup([new TypeError('Failed to fetch'), json({ id: 'a' })]);
    const readResult = read.client.request('/things/a', { schema: itemSchema });
    await vi.advanceTimersByTimeAsync(1000);
    await expect(readResult).resolves.toEqual({ id: 'a' });

    const write = setup([new TypeError('Failed to fetch')]);
    await expect(write.client.request('/things', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 0,
      code: 'networkError',
    });
    expect(write.fetchMock).toHaveBeenCalledTimes(1);
  });

  it('keeps the client-request-id it sent, and the time, on a connection that failed or was aborted', async () => {
    vi.setSystemTime(new Date('2026-12-02T04:05:06Z'));
    const { client, headersOf } = setup([new TypeError('Failed to fetch')]);
    const failure = client.request('/things', { method: 'POST', body: {} });
    await expect(failure).rejects.toBeInstanceOf(GraphError);
    await expect(failure).rejects.toMatchObject({ status: 0, code: 'networkError', clientRequestId: 'client-1', date: 'Wed, 02 Dec 2026 04:05:06 GMT' });
    expect(headersOf(0)['client-request-id']).toBe('client-1');
  });

  it('fills in the client-request-id sent and the time when an error answer carries neither', async () => {
    vi.setSystemTime(new Date('2026-12-02T04:05:06Z'));
    const { client } = setup([new Response('Bad gateway', { status: 502 })], { maxRetries: 0 });
    await expect(client.request('/things')).rejects.toMatchObject({ status: 502, clientRequestId: 'client-1', date: 'Wed, 02 Dec 2026 04:05:06 GMT' });
    const withIds = setup([graphError(403, 'accessDenied', { 'client-request-id': 'echoed', date: 'Tue, 01 Dec 2026 10:00:00 GMT' })]);
    await expect(withIds.client.request('/things')).rejects.toMatchObject({ requestId: 'req-403', clientRequestId: 'echoed', date: 'Tue, 01 Dec 2026 10:00:00 GMT' });
  });

  it('stops waiting when the caller aborts', async () => {
    const { client } = setup([graphError(429, 'tooManyRequests', { 'Retry-After': '30' })]);
    const controller = new AbortController();
    const result = client.request('/things', { signal: controller.signal });
    const failure = expect(result).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new DOMException('Stopped', 'AbortError'));
    await failure;
  });

  it('follows @odata.nextLink verbatim and keeps the first page count', async () => {
    const { client, fetchMock } = setup([
      json({ value: [{ id: '1' }], '@odata.count': 2, '@odata.nextLink': 'https://graph.example/v1.0/things?$skiptoken=abc' }),
      json({ value: [{ id: '2' }] }),
    ]);
    await expect(client.listAll('/things', itemSchema)).resolves.toEqual({ items: [{ id: '1' }, { id: '2' }], count: 2 });
    expect(fetchMock.mock.calls[1]?.[0]).toBe('https://graph.example/v1.0/things?$skiptoken=abc');
  });

  it('refuses to send a token to a next link on another origin', async () => {
    const { client } = setup([json({ value: [], '@odata.nextLink': 'https://evil.example/steal' })]);
    await expect(client.listAll('/things', itemSchema)).rejects.toMatchObject({ code: 'unexpectedResponse' });
  });

  it('reports a response that does not match the schema', async () => {
    const { client } = setup([json({ nope: true }, { headers: { 'request-id': 'r9' } })]);
    await expect(client.request('/things/a', { schema: itemSchema })).rejects.toMatchObject({
      code: 'unexpectedResponse',
      requestId: 'r9',
    });
  });
});

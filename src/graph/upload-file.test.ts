import { describe, expect, it, vi } from 'vitest';
import { createGraphClient } from './graph-client';
import { GraphError } from './graph-error';
import { uploadFile } from './upload-file';

/** Just enough of XMLHttpRequest to watch what the transport sends and to answer it. */
class FakeXhr {
  static created: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body?: FormData;
  status = 0;
  statusText = '';
  responseText = '';
  responseHeaders: Record<string, string> = {};
  aborted = false;
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.created.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  getResponseHeader(name: string) {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }
  answer(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.responseHeaders = headers;
    this.onload?.();
  }
}

/** jsdom's Blob has no text(): read it the old way. */
const readText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

const session = { id: 's1', status: 'active', stats: { filesUploaded: 1, totalBytesUploaded: 10 }, files: [] };
const ids = { catalogId: 'c1', resourceId: 'r1', sessionId: 's1' };

function setup() {
  FakeXhr.created = [];
  const getAccessToken = vi.fn(async ({ forceRefresh = false } = {}) => (forceRefresh ? 'fresh' : 'token'));
  const client = createGraphClient({
    baseUrl: 'https://graph.example',
    apiVersion: 'v1.0',
    getAccessToken,
    newClientRequestId: () => 'crid-1',
  });
  const file = new File(['a,b\n1,2\n'], "O'Brien badges.csv", { type: 'text/csv' });
  const createXhr = () => new FakeXhr() as unknown as XMLHttpRequest;
  const lastXhr = () => FakeXhr.created.at(-1)!;
  /** Lets the awaited token resolve so the request is on its way. */
  const sent = () => vi.waitFor(() => expect(lastXhr()?.body).toBeDefined());
  return { client, file, createXhr, lastXhr, sent, getAccessToken };
}

describe('uploadFile', () => {
  it('posts the file as the multipart part "file", typed application/octet-stream, with token and request id', async () => {
    const { client, file, createXhr, lastXhr, sent } = setup();
    const result = uploadFile(client, { ...ids, file }, createXhr);
    await sent();
    const xhr = lastXhr();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('https://graph.example/v1.0/identityGovernance/entitlementManagement/catalogs/c1/resources/r1/uploadSessions/s1/uploadFile');
    expect(xhr.headers).toMatchObject({ Authorization: 'Bearer token', 'client-request-id': 'crid-1' });
    const part = xhr.body?.get('file') as File;
    expect(part.name).toBe("O'Brien badges.csv");
    expect(part.type).toBe('application/octet-stream');
    expect(await readText(part)).toBe('a,b\n1,2\n');
    xhr.answer(200, session);
    await expect(result).resolves.toMatchObject({ id: 's1', stats: { filesUploaded: 1 } });
  });

  it('sends the client-request-id it is given and reports each answer with Graph\'s request-id (for the upload journal)', async () => {
    const { client, file, createXhr, lastXhr, sent } = setup();
    const onAnswer = vi.fn();
    const result = uploadFile(client, { ...ids, file, clientRequestId: 'journal-crid', onAnswer }, createXhr);
    await sent();
    expect(lastXhr().headers['client-request-id']).toBe('journal-crid');
    lastXhr().answer(401, { error: { code: 'InvalidAuthenticationToken', message: 'expired' } });
    await vi.waitFor(() => expect(FakeXhr.created).toHaveLength(2));
    await sent();
    expect(lastXhr().headers['client-request-id']).toBe('journal-crid');
    lastXhr().answer(200, session, { 'request-id': 'graph-req-2' });
    await result;
    expect(onAnswer.mock.calls).toEqual([[{ status: 401, requestId: undefined }], [{ status: 200, requestId: 'graph-req-2' }]]);
  });

  it('reports progress in bytes of the file, not of the multipart body', async () => {
    const { client, file, createXhr, lastXhr, sent } = setup();
    const onProgress = vi.fn();
    const result = uploadFile(client, { ...ids, file, onProgress }, createXhr);
    await sent();
    lastXhr().progress(100, 400);
    lastXhr().progress(400, 400);
    lastXhr().answer(200, session);
    await result;
    expect(onProgress.mock.calls).toEqual([[2], [file.size]]);
  });

  it('turns a Graph error into a GraphError with code, request id and Retry-After', async () => {
    const { client, file, createXhr, lastXhr, sent } = setup();
    const result = uploadFile(client, { ...ids, file }, createXhr);
    await sent();
    lastXhr().answer(
      429,
      { error: { code: 'tooManyRequests', message: 'Slow down', innerError: { 'request-id': 'req-9', date: 'd' } } },
      { 'retry-after': '2' },
    );
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 429, code: 'tooManyRequests', requestId: 'req-9', retryAfterSeconds: 2 });
  });

  it('reports a dropped connection as status 0, so the queue knows there was no answer', async () => {
    const { client, file, createXhr, lastXhr, sent } = setup();
    const result = uploadFile(client, { ...ids, file }, createXhr);
    await sent();
    lastXhr().onerror?.();
    await expect(result).rejects.toMatchObject({ status: 0, code: 'networkError', clientRequestId: 'crid-1' });
  });

  it('renews the token once on 401 and sends again with the same request id', async () => {
    const { client, file, createXhr, lastXhr, sent, getAccessToken } = setup();
    const result = uploadFile(client, { ...ids, file }, createXhr);
    await sent();
    lastXhr().answer(401, { error: { code: 'InvalidAuthenticationToken', message: 'expired' } });
    await vi.waitFor(() => expect(FakeXhr.created).toHaveLength(2));
    await sent();
    expect(getAccessToken).toHaveBeenLastCalledWith({ forceRefresh: true });
    expect(lastXhr().headers).toMatchObject({ Authorization: 'Bearer fresh', 'client-request-id': 'crid-1' });
    lastXhr().answer(200, session);
    await expect(result).resolves.toMatchObject({ id: 's1' });
  });

  it('aborts the request when the caller cancels', async () => {
    const { client, file, createXhr, lastXhr, sent } = setup();
    const controller = new AbortController();
    const result = uploadFile(client, { ...ids, file, signal: controller.signal }, createXhr);
    await sent();
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(lastXhr().aborted).toBe(true);
  });

  it('reports a success body it cannot read', async () => {
    const { client, file, createXhr, lastXhr, sent } = setup();
    const result = uploadFile(client, { ...ids, file }, createXhr);
    await sent();
    lastXhr().answer(200, '<html>proxy</html>', { 'request-id': 'req-3' });
    await expect(result).rejects.toMatchObject({ code: 'unexpectedResponse', requestId: 'req-3' });
  });
});

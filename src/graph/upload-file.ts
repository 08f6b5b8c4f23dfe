import type { GraphClient } from './graph-client';
import { GraphError, graphErrorFromText, networkError } from './graph-error';
import { uploadSessionSchema, type UploadSession } from './schemas';

export interface UploadFileRequest {
  catalogId: string;
  resourceId: string;
  sessionId: string;
  file: File;
  signal?: AbortSignal;
  /** Bytes of the file sent so far. */
  onProgress?: (sentBytes: number) => void;
  /** The client-request-id to send (the upload journal records it before the request leaves); a new one otherwise. */
  clientRequestId?: string;
  /** Each HTTP answer Graph gave (status and request-id), for the upload journal. */
  onAnswer?: (answer: { status: number; requestId?: string }) => void;
}

interface RawResponse {
  status: number;
  statusText: string;
  text: string;
  header: (name: string) => string | null;
}

/**
 * POST …/uploadSessions/{id}/uploadFile over XMLHttpRequest, because fetch reports no upload progress. One file
 * in the multipart part `file` as application/octet-stream (docs/graph-contract.md §2.6). No retries here: whether and when
 * to send a file again is the upload queue's decision (it must never upload a file twice).
 */
export async function uploadFile(
  client: GraphClient,
  request: UploadFileRequest,
  createXhr: () => XMLHttpRequest = () => new XMLHttpRequest(),
): Promise<UploadSession> {
  const url = client.url(client.paths.uploadFile(request.catalogId, request.resourceId, request.sessionId));
  const clientRequestId = request.clientRequestId ?? client.newClientRequestId();
  const attempt = async (forceRefresh: boolean) => {
    // A fresh token for every attempt: a long queue outlives the token it started with.
    const token = await client.getAccessToken({ forceRefresh });
    request.signal?.throwIfAborted();
    return send(createXhr(), url, token, clientRequestId, request);
  };
  const answered = (response: RawResponse) => {
    request.onAnswer?.({ status: response.status, requestId: response.header('request-id') ?? undefined });
    return response;
  };
  let response = answered(await attempt(false));
  // 401 means Graph refused the token before reading the file: renew it once and send again.
  if (response.status === 401) response = answered(await attempt(true));
  if (response.status < 200 || response.status >= 300) throw graphErrorFromText(response);
  return parseSession(response);
}

function send(xhr: XMLHttpRequest, url: string, token: string, clientRequestId: string, request: UploadFileRequest) {
  return new Promise<RawResponse>((resolve, reject) => {
    const { file, signal, onProgress } = request;
    const onAbort = () => xhr.abort();
    const done = () => signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', url);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('client-request-id', clientRequestId);
    xhr.setRequestHeader('return-client-request-id', 'true');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      // The multipart wrapping adds a few hundred bytes: report the share of the file itself.
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(file.size, Math.round((event.loaded / event.total) * file.size)));
    };
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, statusText: xhr.statusText, text: xhr.responseText, header: (name) => xhr.getResponseHeader(name) });
    };
    xhr.onerror = () => {
      done();
      reject(networkError(new Error('the connection closed before Graph answered'), clientRequestId));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      done();
      reject(signal?.reason ?? new DOMException('The upload was cancelled.', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const body = new FormData();
    // Graph wants the part typed application/octet-stream, whatever the browser thinks a .csv is.
    body.append('file', new Blob([file], { type: 'application/octet-stream' }), file.name);
    xhr.send(body);
  });
}

function parseSession(response: RawResponse): UploadSession {
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    json = undefined;
  }
  const result = uploadSessionSchema.safeParse(json);
  if (result.success) return result.data;
  throw new GraphError({
    status: response.status,
    code: 'unexpectedResponse',
    message: 'Microsoft Graph accepted the file but sent a response this console does not understand.',
    requestId: response.header('request-id') ?? undefined,
    clientRequestId: response.header('client-request-id') ?? undefined,
  });
}

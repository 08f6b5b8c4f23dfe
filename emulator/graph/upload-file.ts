import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { EmulatorState } from '../emulator-state';
import type { RequestContext } from '../http/context';
import { sendGraph } from '../http/context';
import { conflict, GraphError, invalidRequest, notFound } from '../http/errors';
import type { UploadSession } from '../store/types';
import { CsvCheck } from './csv-check';
import type { RouteRequest } from './router';
import { sessionJson, sessionType } from './shapes';
import { notActiveMessage, resolveSession } from './upload-sessions';

interface ReceivedFile {
  name: string;
  size: number;
  header: string[];
  sha256: string;
}

/** How long the rest of an oversized body is read and discarded after the 413, so browsers see the answer. */
const drainMs = 10_000;

/** POST …/uploadSessions/{id}/uploadFile: one CSV in the multipart part `file`, streamed, never held whole. */
export async function uploadFile(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const { resource, session: resolved } = await resolveSession(ctx, state, route, 'write');
  const assertActive = (session: UploadSession) => {
    const status = state.store.sessionStatus(session);
    if (status !== 'active') throw conflict(notActiveMessage(state, session, status, 'receive files'));
  };
  assertActive(resolved);
  const contentType = ctx.req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data;.*boundary=/i.test(contentType)) {
    throw invalidRequest(`uploadFile needs a multipart/form-data body with the CSV in a part named 'file'; the Content-Type was '${contentType}'.`);
  }
  const file = await receiveFile(ctx, state.options.maxUploadBytes);
  // While the file was on its way the session may have been deleted, completed or expired, or the store reset:
  // the object resolved at the start may be stale, so the store is asked again.
  const session = state.store.session(resource.id, resolved.id);
  if (!session) throw notFound(`Upload session '${resolved.id}' was deleted while the file was being uploaded; the file was not stored.`);
  assertActive(session);
  state.store.addFile(session, file);
  sendGraph(ctx, 200, {
    '@odata.context': `${ctx.origin}/${route.version}/$metadata#${sessionType.slice(1)}`,
    ...sessionJson(state.store, session, session.files),
  });
}

function receiveFile(ctx: RequestContext, maxBytes: number): Promise<ReceivedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // busboy flags a file that reaches fileSize: one byte more lets exactly maxBytes through.
      parser = busboy({ headers: ctx.req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes + 1, parts: 20 } });
    } catch (error) {
      reject(invalidRequest(`The multipart body cannot be read: ${(error as Error).message}.`));
      return;
    }
    let received: ReceivedFile | undefined;
    let failure: GraphError | undefined;
    let settled = false;
    const fail = (error: GraphError) => {
      failure ??= error;
    };
    const tooLarge = () => {
      settled = true;
      ctx.req.unpipe(parser);
      ctx.req.resume();
      setTimeout(() => ctx.req.socket.destroy(), drainMs).unref();
      reject(new GraphError(413, 'requestEntityTooLarge', `The file is larger than the upload limit of ${maxBytes} bytes.`));
    };
    parser.on('file', (name, stream, info) => {
      // A body cut short makes busboy fail the file stream as well as itself; the parser's 'error' reports it.
      stream.on('error', () => undefined);
      if (name !== 'file') {
        fail(invalidRequest(`Unexpected multipart file part '${name}': send the CSV in a part named 'file'.`));
        stream.resume();
        return;
      }
      const check = new CsvCheck();
      // Hashed as it streams, like the check: the file itself is never kept.
      const hash = createHash('sha256');
      stream.on('data', (chunk: Buffer) => {
        check.push(chunk);
        hash.update(chunk);
      });
      stream.on('limit', tooLarge);
      stream.on('end', () => {
        if (stream.truncated) return;
        try {
          const fileName = info.filename ?? '';
          received = { name: fileName, size: check.size, header: check.finish(fileName), sha256: hash.digest('hex') };
        } catch (error) {
          fail(invalidRequest((error as Error).message));
        }
      });
    });
    parser.on('filesLimit', () => fail(invalidRequest("Send one file per uploadFile request, in the part named 'file'.")));
    parser.on('error', (error: Error) => {
      if (settled) return;
      settled = true;
      reject(invalidRequest(malformedMessage(error)));
    });
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      if (failure) reject(failure);
      else if (!received) reject(invalidRequest("The multipart body has no part named 'file'."));
      else resolve(received);
    });
    // A client that gives up mid-upload: nothing is stored, and the request is logged as a 400.
    ctx.req.on('close', () => {
      if (settled || ctx.req.complete) return;
      settled = true;
      reject(invalidRequest('The upload was interrupted before the end of the body.'));
      parser.destroy();
    });
    ctx.req.pipe(parser);
  });
}

function malformedMessage(error: Error): string {
  if (/^Unexpected end of (form|file)$/.test(error.message)) {
    return 'The multipart body ends before its closing boundary; the file was not stored.';
  }
  return `The multipart body is malformed: ${error.message}.`;
}

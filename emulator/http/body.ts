import type { RequestContext } from './context';
import { GraphError, invalidRequest } from './errors';

const maxSmallBody = 1024 * 1024;

/** Reads a small body (JSON, forms) whole; uploads are streamed elsewhere. */
export async function readSmallBody(ctx: RequestContext): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of ctx.req) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > maxSmallBody) throw new GraphError(413, 'requestEntityTooLarge', 'The request body is larger than 1 MiB.');
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof GraphError) throw error;
    // The client went away mid-body (Node's 'aborted'): its problem, not the emulator's, so a 400 in the log.
    throw invalidRequest('The request body was interrupted before its end.');
  }
  return Buffer.concat(chunks);
}

function contentType(ctx: RequestContext): string {
  return (ctx.req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export async function readJsonBody(ctx: RequestContext): Promise<unknown> {
  if (contentType(ctx) !== 'application/json') {
    throw new GraphError(415, 'unsupportedMediaType', "The request body must be JSON with 'Content-Type: application/json'.");
  }
  const text = (await readSmallBody(ctx)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidRequest('The request body is not valid JSON.');
  }
}

/** A form body (token endpoint, sign-in page). */
export async function readFormBody(ctx: RequestContext): Promise<URLSearchParams> {
  return new URLSearchParams((await readSmallBody(ctx)).toString('utf8'));
}

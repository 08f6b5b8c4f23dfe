import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { exposedHeaders, graphErrorBody, graphJsonType } from './context';
import { GraphError } from './errors';

/**
 * Longest request target (path and query). Graph's front end answers very long URLs with 414; 16 KiB is the default
 * limit of the Windows HTTP stack it runs on, and far more than any request of the console.
 */
export const maxUrlLength = 16 * 1024;
/** Largest header block (names and values, the request line not counted); more is 431. */
export const maxHeaderBytes = 16 * 1024;
/**
 * Node's own parser limit (`maxHeaderSize`), far above both, so that requests over them still reach
 * checkRequestLimits, which can tell a long URL from large headers and echo the client-request-id. Past it,
 * answerClientError answers from what it can see of the raw bytes.
 */
export const parserHeaderLimit = 256 * 1024;

const urlTooLong = () => new GraphError(414, 'requestUriTooLong', `The request URL is longer than ${maxUrlLength} characters.`);
const headersTooLarge = () =>
  new GraphError(431, 'requestHeaderFieldsTooLarge', `The request headers are larger than ${maxHeaderBytes} bytes.`);

/** 414 for a URL over maxUrlLength, 431 for headers over maxHeaderBytes; checked before anything else. */
export function checkRequestLimits(req: IncomingMessage): void {
  if ((req.url ?? '').length > maxUrlLength) throw urlTooLong();
  let size = 0;
  for (const part of req.rawHeaders) size += part.length;
  if (size > maxHeaderBytes) throw headersTooLarge();
}

type ParserError = Error & { code?: string; rawPacket?: Buffer };

/**
 * Whether the parser overflowed on the request line, judged from the packet it failed in (the bytes received in
 * one read, not the whole request): the start of a long request line, or the tail of one that began earlier.
 */
function inLongRequestLine(packet: string): boolean {
  const lineEnd = packet.indexOf('\r\n');
  const line = lineEnd < 0 ? packet : packet.slice(0, lineEnd);
  if (/^[A-Z]+ /.test(line)) return lineEnd < 0 || line.length > maxUrlLength;
  return lineEnd >= 0 && / HTTP\/\d\.\d$/.test(line);
}

/** What to answer for a request Node's parser refused. */
function parserFailure(error: ParserError): GraphError {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const packet = error.rawPacket?.toString('latin1') ?? '';
    if (inLongRequestLine(packet)) return urlTooLong();
    if (packet.includes('\r\n')) return headersTooLarge();
    // One line longer than a whole read: the URL or a header, the packet cannot say which.
    return new GraphError(
      431,
      'requestHeaderFieldsTooLarge',
      `The request line or the headers are larger than ${parserHeaderLimit} bytes (URLs may have ${maxUrlLength} characters, headers ${maxHeaderBytes} bytes).`,
    );
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new GraphError(408, 'requestTimeout', 'The request was not received in time.');
  return new GraphError(400, 'BadRequest', `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}: ${error.message}).`);
}

/** How long a refused connection stays half-open, so the client reads the answer before the close. */
const drainMs = 10_000;

/**
 * Node's 'clientError' handler: requests its parser refuses (headers over parserHeaderLimit, not HTTP) get a
 * Graph error with a request id instead of Node's bare answer. There is no request, so nothing is logged.
 */
export function answerClientError(error: ParserError, socket: Duplex, now: Date): void {
  if (error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  // Already answered: the parser can report an overflow again for the next bytes read.
  if (!socket.writable) return;
  const failure = parserFailure(error);
  const requestId = randomUUID();
  const body = JSON.stringify(graphErrorBody({ receivedAt: now, requestId, clientRequestId: requestId }, failure.code, failure.message));
  const head = [
    `HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status] ?? ''}`,
    `Content-Type: ${graphJsonType}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    `request-id: ${requestId}`,
    `client-request-id: ${requestId}`,
    'Access-Control-Allow-Origin: *',
    `Access-Control-Expose-Headers: ${exposedHeaders}`,
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  // Closing at once would reset a connection the client is still writing to, and lose the answer.
  setTimeout(() => socket.destroy(), drainMs).unref();
}

import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demo } from '../test-support/demo';
import { useEmulator } from '../test-support/harness';
import { maxHeaderBytes, maxUrlLength, parserHeaderLimit } from './limits';

const emulator = useEmulator();
const catalogs = '/v1.0/identityGovernance/entitlementManagement/catalogs';

interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: { error: { code: string; message: string; innerError: Record<string, string> } };
}

/** Writes bytes Node's HTTP client would refuse to send, and reads the answer until the server closes. */
function raw(bytes: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(emulator.current.port, '127.0.0.1', () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) as RawAnswer['body'] });
    });
  });
}

function expectGraphError(answer: { status: number; headers: { get(name: string): string | undefined | null }; body: RawAnswer['body'] }, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body.error.code).toBe(code);
  expect(answer.headers.get('content-type')).toContain('application/json');
  expect(answer.body.error.innerError).toEqual({ date: expect.any(String), 'request-id': answer.headers.get('request-id'), 'client-request-id': expect.any(String) });
}

async function fetchGraph(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${emulator.current.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as RawAnswer['body'] };
}

const errors = vi.spyOn(console, 'error');

beforeEach(() => {
  errors.mockClear();
});

afterEach(async () => {
  expect(errors).not.toHaveBeenCalled();
  expect((await fetch(`${emulator.current.url}/_emulator/info`)).status).toBe(200);
});

describe('URL length', () => {
  it(`answers 414 with a Graph error over ${maxUrlLength} characters, echoing the client-request-id`, async () => {
    const base = `${catalogs}?x=`;
    const answer = await fetchGraph(`${base}${'a'.repeat(maxUrlLength - base.length + 1)}`, { 'client-request-id': 'long-url-1' });
    expectGraphError(answer, 414, 'requestUriTooLong');
    expect(answer.body.error.message).toBe(`The request URL is longer than ${maxUrlLength} characters.`);
    expect(answer.body.error.innerError['client-request-id']).toBe('long-url-1');
  });

  it('serves a URL of exactly the limit', async () => {
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const base = `${catalogs}?x=`;
    const response = await fetch(`${emulator.current.url}${base}${'a'.repeat(maxUrlLength - base.length)}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
  });

  it("answers 414 past Node's own parser limit too, when the packet it fails in shows the request line", async () => {
    const answer = await raw(`GET /v1.0/${'a'.repeat(parserHeaderLimit + 100)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expectGraphError({ ...answer, headers: { get: (name) => answer.headers.get(name) } }, 414, 'requestUriTooLong');
  });

  it('answers 431 naming both limits when a line far past the parser limit hides which it is', async () => {
    const answer = await raw(`GET /v1.0/${'a'.repeat(parserHeaderLimit + 1024 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expectGraphError({ ...answer, headers: { get: (name) => answer.headers.get(name) } }, 431, 'requestHeaderFieldsTooLarge');
    expect(answer.body.error.message).toContain(`URLs may have ${maxUrlLength} characters`);
  });
});

describe('header size', () => {
  it(`answers 431 with a Graph error over ${maxHeaderBytes} bytes of headers`, async () => {
    const answer = await fetchGraph(catalogs, { 'x-padding': 'p'.repeat(maxHeaderBytes) });
    expectGraphError(answer, 431, 'requestHeaderFieldsTooLarge');
    expect(answer.body.error.message).toBe(`The request headers are larger than ${maxHeaderBytes} bytes.`);
  });

  it("answers 431 past Node's own parser limit too", async () => {
    const answer = await raw(`GET ${catalogs} HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'p'.repeat(parserHeaderLimit + 1000)}\r\n\r\n`);
    expectGraphError({ ...answer, headers: { get: (name) => answer.headers.get(name) } }, 431, 'requestHeaderFieldsTooLarge');
  });
});

describe('requests that are not HTTP', () => {
  it.each([
    ['an unknown method', 'BREW /v1.0 HTTP/1.1\r\nHost: localhost\r\n\r\n'],
    ['a broken Content-Length', `POST ${catalogs} HTTP/1.1\r\nHost: localhost\r\nContent-Length: ten\r\n\r\n`],
    ['control characters', '\u0000\u0001\u0002 garbage\r\n\r\n'],
    ['an unknown HTTP version', `GET ${catalogs} HTTP/9.9\r\nHost: localhost\r\n\r\n`],
  ])('answers %s with a Graph 400', async (_what, bytes) => {
    const answer = await raw(bytes);
    expectGraphError({ ...answer, headers: { get: (name) => answer.headers.get(name) } }, 400, 'BadRequest');
    expect(answer.body.error.message).toContain('The request is not valid HTTP/1.1');
  });
});

describe('interrupted bodies', () => {
  it('logs a JSON body the client abandons as a 400, not as an emulator bug', async () => {
    emulator.current.state.requests.clear();
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const path = `${catalogs}/${demo.catalogs.buildingAccess}/resources/${demo.resources.badge}/uploadSessions`;
    // The create handler looks the resource up, then reads the body: close the connection only after that.
    const resourceLookup = vi.spyOn(emulator.current.state.store, 'resource');
    const socket = connect(emulator.current.port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"@odata`);
    await vi.waitFor(() => expect(resourceLookup).toHaveBeenCalled());
    resourceLookup.mockRestore();
    socket.destroy();
    await vi.waitFor(() => expect(emulator.current.state.requests.list().map((r) => r.status)).toEqual([400]));
  });
});

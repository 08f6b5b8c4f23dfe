import { request } from 'node:http';
import type { ClientRequest } from 'node:http';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { demo } from '../test-support/demo';
import { graph, sessionsPath, useEmulator } from '../test-support/harness';
import type { GraphResult } from '../test-support/harness';

const emulator = useEmulator();
const badge = sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge);
const sessionPath = `${badge}/${demo.sessions.badgeActive}`;
const boundary = 'XYZ';
const partHead = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`;
const closing = `\r\n--${boundary}--\r\n`;

const storedNames = () => emulator.current.state.store.session(demo.resources.badge, demo.sessions.badgeActive)?.files.map((f) => f.name);

/** A raw request, so the body can be sent in pieces, cut short or abandoned. */
function openRequest(token: string, method: string, path: string, headers: Record<string, string>): { client: ClientRequest; answer: Promise<GraphResult> } {
  const client = request({ host: '127.0.0.1', port: emulator.current.port, path, method, headers: { Authorization: `Bearer ${token}`, ...headers } });
  const answer = new Promise<GraphResult>((resolve, reject) => {
    client.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: new Headers(), body: text === '' ? undefined : JSON.parse(text) }));
    });
    client.on('error', reject);
  });
  return { client, answer };
}

function openUpload(token: string, body: { length: number }) {
  return openRequest(token, 'POST', `${sessionPath}/uploadFile`, {
    'Content-Type': `multipart/form-data; boundary=${boundary}`,
    'Content-Length': String(body.length),
  });
}

/** Resolves once a handler has looked up an upload session: the request is then past its checks and streaming. */
function nextSessionLookup(): Promise<void> {
  const store = emulator.current.state.store;
  const lookup = store.session.bind(store);
  return new Promise((resolve) => {
    const spy = vi.spyOn(store, 'session').mockImplementation((resourceId, id) => {
      spy.mockRestore();
      resolve();
      return lookup(resourceId, id);
    });
  });
}

const emulatorLives = async () => (await fetch(`${emulator.current.url}/_emulator/info`)).status;

beforeEach(async () => {
  await fetch(`${emulator.current.url}/_emulator/reset`, { method: 'POST' });
});

describe('uploadFile against a session that changes mid-stream', () => {
  it('answers 404 and stores nothing when the session is deleted while the file streams in', async () => {
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const first = `${partHead('raced.csv')}a,b\n`;
    const rest = `1,2\n${closing}`;
    const lookedUp = nextSessionLookup();
    const { client, answer } = openUpload(token, Buffer.from(first + rest));
    client.write(first);
    await lookedUp;
    expect((await graph(emulator.current.url, sessionPath, token, { method: 'DELETE' })).status).toBe(204);
    client.end(rest);
    const { status, body } = await answer;
    expect(status).toBe(404);
    expect(body.error.code).toBe('itemNotFound');
    expect(body.error.message).toContain('was deleted while the file was being uploaded');
    expect(emulator.current.state.store.session(demo.resources.badge, demo.sessions.badgeActive)).toBeUndefined();
  });

  it('answers 409 and stores nothing when the session is finalized while the file streams in', async () => {
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const first = `${partHead('raced.csv')}a,b\n`;
    const rest = `1,2\n${closing}`;
    const lookedUp = nextSessionLookup();
    const { client, answer } = openUpload(token, Buffer.from(first + rest));
    client.write(first);
    await lookedUp;
    const finalized = await graph(emulator.current.url, sessionPath, token, { method: 'PATCH', body: JSON.stringify({ isUploadDone: true }) });
    expect(finalized.status).toBe(200);
    client.end(rest);
    const { status, body } = await answer;
    expect(status).toBe(409);
    expect(body.error.message).toContain('is already complete');
    expect(storedNames()).not.toContain('raced.csv');
  });

  it('answers 404 to a finalize whose session is deleted while its body is on its way', async () => {
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const json = JSON.stringify({ isUploadDone: true });
    const lookedUp = nextSessionLookup();
    const { client, answer } = openRequest(token, 'PATCH', sessionPath, { 'Content-Type': 'application/json', 'Content-Length': String(json.length) });
    client.write(json.slice(0, 5));
    await lookedUp;
    expect((await graph(emulator.current.url, sessionPath, token, { method: 'DELETE' })).status).toBe(204);
    client.end(json.slice(5));
    const { status, body } = await answer;
    expect(status).toBe(404);
    expect(body.error.code).toBe('itemNotFound');
  });
});

describe('uploadFile with a truncated multipart body', () => {
  it.each([
    ['inside the file part', `${partHead('cut.csv')}a,b\n1,2\n`],
    ['after the file part', `${partHead('cut.csv')}a,b\n1,2\r\n--${boundary}`],
    ['inside the part headers', `--${boundary}\r\nContent-Disposition: form-data; name="file"; filen`],
  ])('answers a Graph 400 when the body ends %s, stores nothing and keeps running', async (_where, body) => {
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const { client, answer } = openUpload(token, Buffer.from(body));
    client.end(body);
    const { status, body: error } = await answer;
    expect(status).toBe(400);
    expect(error.error.code).toBe('invalidRequest');
    expect(error.error.innerError['request-id']).toEqual(expect.any(String));
    expect(storedNames()).not.toContain('cut.csv');
    expect(await emulatorLives()).toBe(200);
  });

  it('names the missing closing boundary', async () => {
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const body = `${partHead('cut.csv')}a,b\n`;
    const { client, answer } = openUpload(token, Buffer.from(body));
    client.end(body);
    expect((await answer).body.error.message).toBe('The multipart body ends before its closing boundary; the file was not stored.');
  });

  it('keeps running when the connection closes mid-part, and logs the request as a 400', async () => {
    emulator.current.state.requests.clear();
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const lookedUp = nextSessionLookup();
    const { client, answer } = openUpload(token, { length: 1_000_000 });
    answer.catch(() => undefined);
    client.write(`${partHead('cut.csv')}a,b\n${'x'.repeat(10_000)}`);
    await lookedUp;
    client.destroy();
    await vi.waitFor(() => expect(emulator.current.state.requests.list().map((r) => r.status)).toEqual([400]));
    expect(storedNames()).not.toContain('cut.csv');
    expect(await emulatorLives()).toBe(200);
  });
});

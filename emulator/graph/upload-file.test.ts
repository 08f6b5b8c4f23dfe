import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { demo } from '../test-support/demo';
import { csv, graph, sessionsPath, uploadForm, useEmulator } from '../test-support/harness';

const maxUploadBytes = 64 * 1024;
const emulator = useEmulator({ maxUploadBytes });
const badge = sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge);
const uploadPath = (sessionId = demo.sessions.badgeActive) => `${badge}/${sessionId}/uploadFile`;

async function upload(body: BodyInit, path = uploadPath(), user = demo.users.megan) {
  return graph(emulator.current.url, path, await emulator.current.issueAccessToken(user), { method: 'POST', body });
}

const storedFiles = () => emulator.current.state.store.session(demo.resources.badge, demo.sessions.badgeActive)?.files.length;

beforeEach(async () => {
  await fetch(`${emulator.current.url}/_emulator/reset`, { method: 'POST' });
});

describe('uploadFile', () => {
  it('appends the file, updates stats and returns the session with its files', async () => {
    const { status, body } = await upload(uploadForm('Zürich #3 (50%) O\'Neil.csv', csv));
    expect(status).toBe(200);
    expect(body['@odata.context']).toBe(`${emulator.current.url}/v1.0/$metadata#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession`);
    expect(body['@odata.type']).toBe('#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession');
    expect(body.files).toHaveLength(5);
    const added = body.files.at(-1);
    expect(added).toEqual({ id: expect.any(String), name: "Zürich #3 (50%) O'Neil.csv", size: Buffer.byteLength(csv), uploadedDateTime: expect.any(String) });
    expect(body.stats).toEqual({ filesUploaded: 5, totalBytesUploaded: 18432 + 2411724 + 87 + 38797312 + Buffer.byteLength(csv) });
    const state = emulator.current.state.store.session(demo.resources.badge, demo.sessions.badgeActive);
    expect(state?.files.at(-1)?.header).toEqual(['principalId', 'principalType', 'permissionId', 'permissionName', 'permissionDescription', 'permissionType']);
  });

  it('keeps the SHA-256 of the bytes it received, in its state, not in Graph answers', async () => {
    // Not ASCII, with a BOM and CRLF: the hash is of the bytes as sent, not of decoded text.
    const bytes = Buffer.from('\uFEFFPrincipalId,PermissionName\r\n0b5b9c1e-2f3a-4d5e-8f60-718293a4b5c6,Zürich "lobby"\r\n');
    const { status, body } = await upload(uploadForm('hashed.csv', new Uint8Array(bytes)));
    expect(status).toBe(200);
    expect(body.files.at(-1)).not.toHaveProperty('sha256');
    const expected = createHash('sha256').update(bytes).digest('hex');
    const state = (await (await fetch(`${emulator.current.url}/_emulator/state`)).json()) as { sessions: { id: string; files: { name: string; size: number; sha256?: string }[] }[] };
    const stored = state.sessions.find((s) => s.id === demo.sessions.badgeActive)?.files.find((f) => f.name === 'hashed.csv');
    expect(stored).toMatchObject({ size: bytes.byteLength, sha256: expected });
  });

  it('accepts semicolon and tab separated headers, a BOM, CRLF and an upper-case extension', async () => {
    expect((await upload(uploadForm('semi.csv', 'a;b;c\r\n1;2;3\r\n'))).status).toBe(200);
    expect((await upload(uploadForm('tabs.CSV', '\uFEFFa\tb\n1\t2\n'))).status).toBe(200);
    expect((await upload(uploadForm('header-only.csv', '"principal, id",type'))).status).toBe(200);
  });

  it.each([
    ['notes.txt', csv, 'is not a CSV file: its name must end with .csv'],
    ['empty.csv', '', 'is empty'],
    ['one-column.csv', 'principalId\n1\n', 'has no header row'],
    ['blank-first-line.csv', '\nprincipalId,type\n', 'has no header row'],
    ['empty-column.csv', 'a,,b\n', 'has no header row'],
  ])('refuses %s with 400 saying why', async (name, content, message) => {
    const { status, body } = await upload(uploadForm(name, content));
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalidRequest');
    expect(body.error.message).toContain(message);
    expect(storedFiles()).toBe(4);
  });

  it('refuses text that is not UTF-8', async () => {
    const latin1 = new Uint8Array([...Buffer.from('name,city\nJos'), 0xe9, ...Buffer.from(',Z\xfcrich\n', 'latin1')]);
    const { status, body } = await upload(uploadForm('latin1.csv', latin1));
    expect(status).toBe(400);
    expect(body.error.message).toContain('is not valid UTF-8 text');
  });

  it('needs multipart/form-data with a part named file', async () => {
    const wrongPart = await upload(uploadForm('data.csv', csv, 'upload'));
    expect(wrongPart.status).toBe(400);
    expect(wrongPart.body.error.message).toContain("part named 'file'");
    const json = await upload(JSON.stringify({ file: csv }));
    expect(json.status).toBe(400);
    expect(json.body.error.message).toContain('multipart/form-data');
  });

  it('answers 413 promptly for a file over the limit and stores nothing', async () => {
    const big = new Uint8Array(8 * 1024 * 1024).fill(0x61);
    big.set(Buffer.from('a,b\n'));
    const started = Date.now();
    const { status, body } = await upload(uploadForm('big.csv', big));
    expect(status).toBe(413);
    expect(body.error.message).toContain(`${maxUploadBytes} bytes`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(storedFiles()).toBe(4);
    const exactlyAtLimit = new Uint8Array(maxUploadBytes).fill(0x61);
    exactlyAtLimit.set(Buffer.from('a,b\n'));
    expect((await upload(uploadForm('limit.csv', exactlyAtLimit))).status).toBe(200);
  });

  it('stores nothing when the client gives up mid-upload, and logs the request as a 400', async () => {
    emulator.current.state.requests.clear();
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const client = request({
      host: '127.0.0.1',
      port: emulator.current.port,
      path: uploadPath(),
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'multipart/form-data; boundary=XYZ', 'Content-Length': '1000000' },
    });
    client.on('error', () => undefined);
    client.write(`--XYZ\r\nContent-Disposition: form-data; name="file"; filename="cut.csv"\r\n\r\na,b\n${'x'.repeat(10_000)}`);
    await sleep(500);
    client.destroy();
    for (let waited = 0; waited < 5000 && emulator.current.state.requests.list().length === 0; waited += 50) await sleep(50);
    expect(emulator.current.state.requests.list().map((r) => r.status)).toEqual([400]);
    expect(storedFiles()).toBe(4);
  });

  it('answers 409 on complete and expired sessions, 403 for a reader, 404 for an unknown session', async () => {
    const complete = await upload(uploadForm('x.csv', csv), uploadPath(demo.sessions.badgeComplete));
    expect(complete.status).toBe(409);
    expect(complete.body.error.code).toBe('conflict');
    expect(complete.body.error.message).toContain('is already complete');
    const expired = await upload(uploadForm('x.csv', csv), uploadPath(demo.sessions.badgeExpired));
    expect(expired.status).toBe(409);
    expect(expired.body.error.message).toContain('expired');
    expect((await upload(uploadForm('x.csv', csv), uploadPath(), demo.users.alex)).status).toBe(403);
    expect((await upload(uploadForm('x.csv', csv), uploadPath('nope'))).status).toBe(404);
  });

  it('works on the beta path with the beta context', async () => {
    const path = `${sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge, 'beta')}/${demo.sessions.badgeActive}/uploadFile`;
    const { status, body } = await upload(uploadForm('beta.csv', csv), path);
    expect(status).toBe(200);
    expect(body['@odata.context']).toBe(`${emulator.current.url}/beta/$metadata#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession`);
  });
});

/// <reference types="node" />
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RemoteSha256, type Sha256Port } from './remote-sha256';
import type { Sha256Request, Sha256Response } from './sha256-messages';

type Listener = (event: MessageEvent<Sha256Response>) => void;

/** The SHA-256 worker's side in Node: hashes each update when `answer` is called, as the worker would later. */
function fakeWorker() {
  const listeners = { message: new Set<Listener>(), error: new Set<(event: Event) => void>() };
  const hashes = new Map<number, ReturnType<typeof createHash>>();
  const pending: Sha256Request[] = [];
  const sentBuffers: ArrayBuffer[] = [];
  const reply = (data: Sha256Response) => listeners.message.forEach((listener) => listener({ data } as MessageEvent<Sha256Response>));
  const port: Sha256Port = {
    postMessage: (message) => {
      if (message.type === 'update') sentBuffers.push(message.buffer);
      pending.push(message);
    },
    addEventListener: (type: 'message' | 'error', listener: Listener & ((event: Event) => void)) => listeners[type].add(listener),
    removeEventListener: (type: 'message' | 'error', listener: Listener & ((event: Event) => void)) => listeners[type].delete(listener),
  };
  /** Handles the messages sent so far. */
  const answer = () => {
    for (const request of pending.splice(0)) {
      const hash = hashes.get(request.id) ?? createHash('sha256');
      hashes.set(request.id, hash);
      if (request.type === 'update') {
        hash.update(new Uint8Array(request.buffer, 0, request.length));
        reply({ type: 'hashed', id: request.id, buffer: request.buffer });
      } else if (request.type === 'digest') {
        reply({ type: 'digest', id: request.id, sha256: hash.digest('hex') });
      }
    }
  };
  return { port, answer, pending, sentBuffers, listeners, fail: () => listeners.error.forEach((listener) => listener(new Event('error'))) };
}

const bytesOf = (text: string) => new TextEncoder().encode(text);
const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

describe('RemoteSha256', () => {
  it('hashes the updates in order, of any length, in the worker', async () => {
    const worker = fakeWorker();
    const hash = new RemoteSha256(worker.port, 2);
    for (const piece of ['id,name\r\n', 'a'.repeat(5000), '\r\nb', '']) {
      const sent = hash.update(bytesOf(piece));
      worker.answer();
      await sent;
    }
    const digest = hash.digest();
    worker.answer();
    expect(await digest).toBe(sha256Of(`id,name\r\n${'a'.repeat(5000)}\r\nb`));
    expect(worker.listeners.message.size).toBe(0);
  });

  it('sends copies in a few buffers that come back, and waits while all of them are away', async () => {
    const worker = fakeWorker();
    const hash = new RemoteSha256(worker.port, 2);
    await hash.update(bytesOf('one'));
    await hash.update(bytesOf('two'));
    let third = false;
    const sending = hash.update(bytesOf('six')).then(() => (third = true));
    await Promise.resolve();
    expect(third).toBe(false);
    expect(worker.pending).toHaveLength(2);
    worker.answer();
    await sending;
    expect(worker.pending).toHaveLength(1);
    worker.answer();
    const digest = hash.digest();
    worker.answer();
    expect(await digest).toBe(sha256Of('onetwosix'));
    // Two buffers made, the first one used again for the third update.
    expect(new Set(worker.sentBuffers).size).toBe(2);
  });

  it('rejects the digest, and a waiting update, when the worker fails', async () => {
    const worker = fakeWorker();
    const hash = new RemoteSha256(worker.port, 1);
    await hash.update(bytesOf('one'));
    const waiting = hash.update(bytesOf('two'));
    worker.fail();
    await expect(waiting).rejects.toThrow('SHA-256 could not be computed');
    await expect(hash.digest()).rejects.toThrow('SHA-256 could not be computed');
  });

  it('tells the worker to forget a file that is not hashed to its end', async () => {
    const worker = fakeWorker();
    const hash = new RemoteSha256(worker.port);
    await hash.update(bytesOf('partial'));
    hash.drop();
    expect(worker.pending.at(-1)).toMatchObject({ type: 'drop' });
    expect(worker.listeners.message.size).toBe(0);
  });

  it('has the worker read and hash a whole file itself, and gives its digest even when it came before it was asked', async () => {
    const worker = fakeWorker();
    const hash = new RemoteSha256(worker.port);
    const file = new Blob(['id,name\r\na,b']);
    hash.hashFile(file);
    const [request] = worker.pending.splice(0);
    expect(request).toMatchObject({ type: 'file', file });
    const id = request!.id;
    worker.listeners.message.forEach((listener) => listener({ data: { type: 'digest', id, sha256: sha256Of('id,name\r\na,b') } } as MessageEvent<Sha256Response>));
    expect(await hash.digest()).toBe(sha256Of('id,name\r\na,b'));
    // Nothing more asked of the worker: the digest came unasked.
    expect(worker.pending).toEqual([]);
    expect(worker.listeners.message.size).toBe(0);
  });
});

import { createSHA256, type IHasher } from 'hash-wasm';
import { readSlices } from './csv-stream';
import type { Sha256Request, Sha256Response } from './sha256-messages';

/**
 * SHA-256 of the files the validation worker reads, on a thread of its own: fed a copy of each slice the checks read,
 * it hashes while they parse, instead of taking a seventh of their time (bench/README.md, issue 15).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const hashes = new Map<number, Promise<IHasher>>();
const send = (message: Sha256Response, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
/** Files this worker reads itself, until they are hashed or dropped. */
const reading = new Set<number>();

async function hashFile(id: number, file: Blob) {
  reading.add(id);
  const hasher = (await createSHA256()).init();
  for await (const bytes of readSlices(file)) {
    if (!reading.has(id)) return;
    hasher.update(bytes);
  }
  reading.delete(id);
  send({ type: 'digest', id, sha256: hasher.digest('hex') });
}

scope.onmessage = async (event: MessageEvent<Sha256Request>) => {
  const request = event.data;
  if (request.type === 'drop') {
    // Updates already under way keep their own hold of the hash; nothing more comes for this id.
    hashes.delete(request.id);
    reading.delete(request.id);
    return;
  }
  if (request.type === 'file') {
    void hashFile(request.id, request.file);
    return;
  }
  // Every message of an id waits for the same promise: their turns come in the order they were sent.
  const hash = hashes.get(request.id) ?? createSHA256().then((created) => created.init());
  hashes.set(request.id, hash);
  const hasher = await hash;
  if (request.type === 'update') {
    hasher.update(new Uint8Array(request.buffer, 0, request.length));
    send({ type: 'hashed', id: request.id, buffer: request.buffer }, [request.buffer]);
    return;
  }
  hashes.delete(request.id);
  send({ type: 'digest', id: request.id, sha256: hasher.digest('hex') });
};

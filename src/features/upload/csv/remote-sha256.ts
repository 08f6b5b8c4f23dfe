import type { IncrementalHash } from './file-sha256';
import type { Sha256Request, Sha256Response } from './sha256-messages';

/** What RemoteSha256 needs of the SHA-256 worker (a fake in unit tests). */
export interface Sha256Port {
  postMessage(message: Sha256Request, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Sha256Response>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<Sha256Response>) => void): void;
  removeEventListener(type: 'error', listener: (event: Event) => void): void;
}

/**
 * Buffers that carry copies to the hash worker and come back. With all of them away (the worker behind, both cores
 * busy), the checks wait for one rather than let copies pile up in memory.
 */
export const hashBuffers = 3;

let nextId = 1;

/**
 * An IncrementalHash computed by the SHA-256 worker: `update` copies the bytes into a pooled buffer (the caller frees
 * its own as soon as the checks are done with it), waiting only while every buffer is away; `digest` waits for the
 * worker's answer. Either rejects when the worker fails (it could not load, for one): the check then ends with an
 * error instead of never.
 */
export class RemoteSha256 implements IncrementalHash {
  private readonly id = nextId++;
  private readonly free: ArrayBuffer[] = [];
  private created = 0;
  private waiting?: { resolve: () => void; reject: (error: Error) => void };
  private answer?: { resolve: (sha256: string) => void; reject: (error: Error) => void };
  private failed?: Error;
  private wholeFile?: Promise<string>;

  constructor(
    private readonly port: Sha256Port,
    private readonly buffers = hashBuffers,
  ) {
    port.addEventListener('message', this.onMessage);
    port.addEventListener('error', this.onError);
  }

  async update(bytes: Uint8Array): Promise<void> {
    let buffer = this.free.pop();
    if (!buffer && this.created >= this.buffers) {
      await new Promise<void>((resolve, reject) => (this.waiting = { resolve, reject }));
      buffer = this.free.pop();
    }
    if (this.failed) throw this.failed;
    if (!buffer || buffer.byteLength < bytes.byteLength) {
      if (!buffer) this.created++;
      buffer = new ArrayBuffer(bytes.byteLength);
    }
    new Uint8Array(buffer).set(bytes);
    this.port.postMessage({ type: 'update', id: this.id, buffer, length: bytes.byteLength }, [buffer]);
  }

  digest(): Promise<string> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.wholeFile) return this.wholeFile;
    return new Promise((resolve, reject) => {
      this.answer = { resolve, reject };
      this.port.postMessage({ type: 'digest', id: this.id });
    });
  }

  /**
   * The worker reads the whole file and hashes it at its own pace, instead of updates: for a file whose checks are
   * split between workers (csv-split.ts), which read it out of order. `digest` gives its answer.
   */
  hashFile(file: Blob) {
    this.wholeFile = new Promise((resolve, reject) => (this.answer = { resolve, reject }));
    // Handled by whoever asks for the digest; a file dropped before that must not be an unhandled rejection.
    this.wholeFile.catch(() => undefined);
    this.port.postMessage({ type: 'file', id: this.id, file });
  }

  /** The file will not be hashed to its end (invalid or cancelled): the worker forgets it. */
  drop() {
    this.stopListening();
    this.port.postMessage({ type: 'drop', id: this.id });
  }

  private readonly onMessage = (event: MessageEvent<Sha256Response>) => {
    const response = event.data;
    if (response.id !== this.id) return;
    if (response.type === 'hashed') {
      this.free.push(response.buffer);
      this.waiting?.resolve();
      this.waiting = undefined;
      return;
    }
    this.stopListening();
    this.answer?.resolve(response.sha256);
  };

  private readonly onError = () => {
    this.stopListening();
    this.failed = new Error('The file’s SHA-256 could not be computed: reload the page and choose the file again.');
    this.waiting?.reject(this.failed);
    this.answer?.reject(this.failed);
  };

  private stopListening() {
    this.port.removeEventListener('message', this.onMessage);
    this.port.removeEventListener('error', this.onError);
  }
}

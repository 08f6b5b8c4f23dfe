import type { CsvFileLike } from './csv-stream';

/**
 * An incremental hash: hash-wasm's createSHA256, or the SHA-256 worker's (remote-sha256.ts), whose update may ask the
 * reader to wait (a promise) and whose digest comes later.
 */
export interface IncrementalHash {
  update(bytes: Uint8Array): unknown;
  digest(encoding: 'hex'): string | Promise<string>;
}

/**
 * The file as the CSV checks read it, with every slice they read also fed to the hash: one pass over the bytes for
 * both. `finish` hashes what the checks left unread (they stop early on a fatal error) and gives the hex digest.
 */
export function hashWhileReading(file: CsvFileLike, hash: IncrementalHash) {
  let hashed = 0;
  const read = async (start: number, end: number) => {
    const buffer = await file.slice(start, end).arrayBuffer();
    // The checks read slices in order; a slice out of order (never expected) is read again by finish().
    if (start === hashed) {
      hashed += buffer.byteLength;
      await hash.update(new Uint8Array(buffer));
    }
    return buffer;
  };
  const reader: CsvFileLike = {
    name: file.name,
    type: file.type,
    size: file.size,
    slice: (start, end) => ({ arrayBuffer: () => read(start, end) }),
  };
  return {
    file: reader,
    async finish(sliceBytes: number): Promise<string> {
      while (hashed < file.size) await read(hashed, Math.min(file.size, hashed + sliceBytes));
      return await hash.digest('hex');
    },
  };
}

/**
 * Between the validation worker and its SHA-256 worker (sha256.worker.ts): one id per file being hashed. The bytes of
 * an update travel in a buffer of a small pool that goes back with `hashed`: no buffer is allocated per slice.
 */
export type Sha256Request =
  | { type: 'update'; id: number; buffer: ArrayBuffer; length: number }
  /** The worker reads the whole file and hashes it by itself, then sends its digest unasked (a split file's checks). */
  | { type: 'file'; id: number; file: Blob }
  | { type: 'digest'; id: number }
  | { type: 'drop'; id: number };

/** `hashed`: the bytes of one update are hashed, and their buffer comes back; `digest`: the file's SHA-256, in hex. */
export type Sha256Response = { type: 'hashed'; id: number; buffer: ArrayBuffer } | { type: 'digest'; id: number; sha256: string };

/**
 * The prepared output as UTF-8 bytes, split into parts under a size limit at row boundaries, each part starting with
 * the header. Bytes leave in pieces of about 1 MiB through `onPiece`, so the worker can hand them to Blobs at once and
 * never holds the whole output.
 */

export interface PartSink {
  /** Bytes for part `part` (0-based), in order: a view of the writer's buffer, valid during the call only (copy to keep). */
  onPiece: (part: number, bytes: Uint8Array) => void;
}

const pieceBytes = 1024 * 1024;
/**
 * Lines are collected as text up to about this many UTF-16 units and encoded together: one encodeInto call per row
 * was an eighth of the worker's time in the browser (bench/README.md, issue 12).
 */
const pendingUnits = 16 * 1024;

export class PartWriter {
  private readonly encoder = new TextEncoder();
  private buffer = new Uint8Array(pieceBytes);
  private used = 0;
  private part = -1;
  private partBytes = 0;
  private readonly headerBytes: Uint8Array;
  /** Bytes of each part, once written. */
  readonly partSizes: number[] = [];
  /** Data rows of each part. */
  readonly partRows: number[] = [];

  constructor(
    headerLine: string,
    private readonly limit: number,
    private readonly sink: PartSink,
  ) {
    this.headerBytes = this.encoder.encode(headerLine);
    if (this.headerBytes.byteLength >= limit) throw new Error('The header alone is larger than the upload limit.');
    this.startPart();
  }

  /** Text of whole lines not encoded yet, all in the current part. */
  private pending = '';

  /** Appends one line (with its CRLF). Returns false when the line alone, with the header, exceeds the limit. */
  write(line: string): boolean {
    if (this.pending.length >= pendingUnits) this.encodePending();
    // UTF-8 takes at most 3 bytes per UTF-16 unit: while that bound stays under the limit the line surely fits in
    // this part and waits as text. Near the limit it is encoded alone, to know its exact size.
    if (this.partBytes + (this.pending.length + line.length) * 3 <= this.limit) {
      this.pending += line;
      this.partRows[this.part]! += 1;
      return true;
    }
    this.encodePending();
    return this.writeEncoded(line);
  }

  private encodePending() {
    if (this.pending === '') return;
    this.makeRoom(this.pending.length * 3);
    const { written } = this.encoder.encodeInto(this.pending, this.buffer.subarray(this.used));
    this.pending = '';
    this.used += written;
    this.partBytes += written;
    this.partSizes[this.part] = this.partBytes;
  }

  private makeRoom(bytes: number) {
    if (bytes <= this.buffer.byteLength - this.used) return;
    this.flush();
    if (bytes > this.buffer.byteLength) this.buffer = new Uint8Array(bytes);
  }

  /** One line encoded at once, into a new part when it does not fit in this one. */
  private writeEncoded(line: string): boolean {
    // Room for any line of this length (UTF-8 takes at most 3 bytes per UTF-16 unit), and a header before it.
    this.makeRoom(line.length * 3 + this.headerBytes.byteLength);
    const start = this.used;
    const { written } = this.encoder.encodeInto(line, this.buffer.subarray(start));
    if (this.headerBytes.byteLength + written > this.limit) return false;
    if (this.partBytes + written > this.limit) {
      // The row goes into a new part: keep its bytes, close this part without them, start the next with the header.
      const row = this.buffer.slice(start, start + written);
      this.used = start;
      this.flush();
      this.startPart();
      this.buffer.set(row, this.used);
      this.used += written;
    } else {
      this.used += written;
    }
    this.partBytes += written;
    this.partSizes[this.part] = this.partBytes;
    this.partRows[this.part]! += 1;
    return true;
  }

  /** Sends what is buffered. */
  finish() {
    this.encodePending();
    this.flush();
  }

  get parts() {
    return this.part + 1;
  }

  private startPart() {
    this.part++;
    this.partRows.push(0);
    this.buffer.set(this.headerBytes, this.used);
    this.used += this.headerBytes.byteLength;
    this.partBytes = this.headerBytes.byteLength;
    this.partSizes[this.part] = this.partBytes;
  }

  private flush() {
    if (this.used === 0) return;
    // A view, not a copy: a Blob copies what it is given, and one buffer reused keeps the memory flat.
    this.sink.onPiece(this.part, this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

/** "export.csv" → "export (prepared).csv", or "export (part 2 of 3).csv" when split. */
export function partFileName(sourceName: string, part: number, parts: number): string {
  const base = sourceName.replace(/\.[^.]*$/, '') || 'export';
  return parts === 1 ? `${base} (prepared).csv` : `${base} (part ${part + 1} of ${parts}).csv`;
}

/**
 * The rows seen so far, as their 53-bit hashes with the line each was first seen on, for finding repeated rows.
 * Open addressing in two typed arrays takes 12 bytes a slot, 1.6 to 3.2 slots a row, where a Map<number, number>
 * takes about 69 bytes a row; and it leaves the garbage collector nothing to trace.
 */
export class RowHashSet {
  private hashes: Float64Array;
  /** The first line of each slot's row (below 2^32: files are far smaller); 0, never a line number, marks an empty slot. */
  private lines: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(initialCapacity, 2)));
    this.hashes = new Float64Array(capacity);
    this.lines = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  get size() {
    return this.count;
  }

  /** Adds a row first seen on `line` (1 or more) and returns undefined; or, if its hash is known, returns that line. */
  add(hash: number, line: number): number | undefined {
    // The low 32 bits of the hash (cyrb53 mixes them well) pick the slot; the next slots follow on a collision.
    for (let slot = (hash >>> 0) & this.mask; ; slot = (slot + 1) & this.mask) {
      const earlier = this.lines[slot];
      if (earlier === 0) break;
      if (this.hashes[slot] === hash) return earlier;
    }
    // Grows at a load of 5/8, where probe runs are still short.
    if ((this.count + 1) * 8 > this.lines.length * 5) this.grow();
    this.insert(hash, line);
    this.count++;
    return undefined;
  }

  private insert(hash: number, line: number) {
    let slot = (hash >>> 0) & this.mask;
    while (this.lines[slot] !== 0) slot = (slot + 1) & this.mask;
    this.hashes[slot] = hash;
    this.lines[slot] = line;
  }

  private grow() {
    const [hashes, lines] = [this.hashes, this.lines];
    this.hashes = new Float64Array(lines.length * 2);
    this.lines = new Uint32Array(lines.length * 2);
    this.mask = lines.length * 2 - 1;
    for (let slot = 0; slot < lines.length; slot++) if (lines[slot] !== 0) this.insert(hashes[slot]!, lines[slot]!);
  }
}

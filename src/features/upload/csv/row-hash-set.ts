/**
 * The rows seen so far, as their 53-bit hashes with the line each was first seen on, for finding repeated rows.
 * Open addressing in two typed arrays takes 12 bytes a slot, 1.6 to 3.2 slots a row, where a Map<number, number>
 * takes about 69 bytes a row; and it leaves the garbage collector nothing to trace.
 *
 * Its size is bounded, so memory stays flat for a file of any size: at most `maxCapacity` slots (2^21 by default,
 * 24 MiB). Once 3/4 of them hold rows (1,572,864 by default, a 500 MiB export), new rows are still looked up but no
 * longer remembered, so a row that repeats one first seen after that is not found.
 * Bounds, for n distinct rows remembered:
 * - false positive (a row said to repeat another that differs): only when two different rows share a 53-bit hash,
 *   for the whole file at most n² / 2^54, below 1.4 · 10^-4 at the default capacity;
 * - false negative: none among the first remembered rows; after the table is full, a repeat of a later row.
 */
export class RowHashSet {
  private hashes: Float64Array;
  /** The first line of each slot's row (below 2^32: files are far smaller); 0, never a line number, marks an empty slot. */
  private lines: Uint32Array;
  private mask: number;
  private count = 0;

  private readonly maxCapacity: number;

  constructor(initialCapacity = 1024, maxCapacity = 2 ** 21) {
    this.maxCapacity = 2 ** Math.ceil(Math.log2(Math.max(maxCapacity, 2)));
    const capacity = Math.min(2 ** Math.ceil(Math.log2(Math.max(initialCapacity, 2))), this.maxCapacity);
    this.hashes = new Float64Array(capacity);
    this.lines = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  get size() {
    return this.count;
  }

  /** Whether new rows are no longer remembered (the table reached its largest size and 3/4 of it is used). */
  get isFull() {
    return this.lines.length >= this.maxCapacity && this.count * 4 >= this.maxCapacity * 3;
  }

  /** Adds a row first seen on `line` (1 or more) and returns undefined; or, if its hash is known, returns that line. */
  add(hash: number, line: number): number | undefined {
    // The low 32 bits of the hash (cyrb53 mixes them well) pick the slot; the next slots follow on a collision.
    for (let slot = (hash >>> 0) & this.mask; ; slot = (slot + 1) & this.mask) {
      const earlier = this.lines[slot];
      if (earlier === 0) break;
      if (this.hashes[slot] === hash) return earlier;
    }
    if (this.isFull) return undefined;
    // Grows at a load of 5/8, where probe runs are still short; at the largest size it fills up to 3/4.
    if ((this.count + 1) * 8 > this.lines.length * 5 && this.lines.length < this.maxCapacity) this.grow();
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

/**
 * The hash and line of each row of a later range of a split file (csv-split.ts), in order. That range cannot judge
 * repeats (a row may repeat one of an earlier range): the merge adds these to the earlier range's RowHashSet in the
 * same order as one worker would have, so the warnings, and what a full set forgets, are exactly the same.
 */
export class RowHashLog {
  private hashes = new Float64Array(1024);
  private lines = new Uint32Array(1024);
  private count = 0;

  get size() {
    return this.count;
  }

  /** Logs a row; never a repeat (undefined), as RowHashSet.add would say of a new row. */
  add(hash: number, line: number): undefined {
    if (this.count === this.lines.length) {
      const [hashes, lines] = [this.hashes, this.lines];
      this.hashes = new Float64Array(lines.length * 2);
      this.lines = new Uint32Array(lines.length * 2);
      this.hashes.set(hashes);
      this.lines.set(lines);
    }
    this.hashes[this.count] = hash;
    this.lines[this.count] = line;
    this.count++;
    return undefined;
  }

  /** The rows logged, in arrays of their own length (transferable to the merging worker). */
  take(): { hashes: Float64Array; lines: Uint32Array } {
    return { hashes: this.hashes.slice(0, this.count), lines: this.lines.slice(0, this.count) };
  }
}

/** The clock may be set within these bounds: ISO 8601's four-digit years, and nothing before the Unix epoch. */
const earliest = Date.parse('1970-01-01T00:00:00.000Z');
const latest = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * The emulator's clock: a base clock (real time, or the `now` option) plus an offset that POST /_emulator/clock
 * moves. Every time-based rule reads `now`, so moving it ages tokens, codes, upload windows and sessions without
 * a test having to wait.
 */
export class EmulatorClock {
  private offsetMs = 0;

  constructor(private readonly base: () => Date) {}

  /** An arrow function, so it can be handed around as the `now` option. */
  readonly now = (): Date => new Date(this.base().getTime() + this.offsetMs);

  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  /** False when the time is outside what the clock accepts; the clock is then left as it was. */
  advance(ms: number): boolean {
    return this.set(new Date(this.now().getTime() + ms));
  }

  set(at: Date): boolean {
    const time = at.getTime();
    if (!(time >= earliest && time <= latest)) return false;
    this.offsetMs = time - this.base().getTime();
    return true;
  }

  /** Back to the base clock. */
  reset(): void {
    this.offsetMs = 0;
  }
}

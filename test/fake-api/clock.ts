/**
 * The fake's notion of "now". Token expiry and rate limits read this, never
 * Date.now() directly, so tests can jump hours or days ahead with
 * `advanceClock` instead of waiting (integrate-api.md §10.1).
 */
export class FakeClock {
  private offset = 0;

  constructor(private readonly base: () => number) {}

  now(): number {
    return this.base() + this.offset;
  }

  /** Moves time forward (or back, for a negative `ms`) for everything the fake times. */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`advanceClock: ms must be finite, got ${ms}`);
    this.offset += ms;
  }

  reset(): void {
    this.offset = 0;
  }
}

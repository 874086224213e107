/**
 * The documented call limits: 1/second and 15/minute per token (integrate-api.md §4).
 * Messages follow the documented 429 body (`{"message": "1 per 1 second"}`, §3), whose wording is
 * that of the Python `limits` library (as used by Flask-Limiter), so the per-minute one reads
 * "15 per 1 minute". Like that library's moving window, a rejected request does not count as a hit.
 */
export interface Limit {
  count: number;
  windowMs: number;
  message: string;
}

export const CALL_LIMITS: readonly Limit[] = [
  { count: 1, windowMs: 1_000, message: '1 per 1 second' },
  { count: 15, windowMs: 60_000, message: '15 per 1 minute' },
];

/** Subscriptions: "1/second, 5/minute" for create, read and delete (§4). */
export const SUBSCRIPTION_LIMITS: readonly Limit[] = [
  { count: 1, windowMs: 1_000, message: '1 per 1 second' },
  { count: 5, windowMs: 60_000, message: '5 per 1 minute' },
];

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limits: readonly Limit[]) {}

  /** Records a hit for `key` at `now`, or returns the message of the first limit it would break. */
  hit(key: string, now: number): string | undefined {
    const longest = Math.max(...this.limits.map((l) => l.windowMs));
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < longest);
    for (const limit of this.limits) {
      const inWindow = recent.filter((t) => now - t < limit.windowMs).length;
      if (inWindow >= limit.count) {
        this.hits.set(key, recent);
        return limit.message;
      }
    }
    recent.push(now);
    this.hits.set(key, recent);
    return undefined;
  }

  reset(): void {
    this.hits.clear();
  }
}

/**
 * When to renew a webhook subscription, and how long to wait after a refused renewal.
 * Pure arithmetic on ms epochs; the alarms themselves are set in index.ts.
 */

/** One alarm per subscription, `webhook-renew:<id>`, so each wakes the worker on its own. */
export const ALARM_PREFIX = 'webhook-renew:';

export const alarmName = (id: string) => `${ALARM_PREFIX}${id}`;

export const idOfAlarm = (name: string): string | null =>
  name.startsWith(ALARM_PREFIX) && name.length > ALARM_PREFIX.length
    ? name.slice(ALARM_PREFIX.length)
    : null;

/** The longest lifetime net2phone grants, 7 days (§9); always asked for. */
export const EXPIRES_IN_SECONDS = 604_800;

/** Renew at least this long before expiry… */
export const MIN_LEAD_MS = 60 * 60_000;
/** …or this share of the lifetime, if that is longer (16.8 h for 7 days). */
export const LEAD_SHARE = 0.1;

/** After a 429 or a passing failure: wait what net2phone asked, at least this, doubling… */
export const RETRY_BASE_MS = 30_000;
/** …up to this. */
export const RETRY_CAP_MS = 60 * 60_000;

/**
 * When the subscription expires: the time the request was sent plus the `expires_in` we asked
 * for, or net2phone's `expires` if that is earlier (it may grant less). A server time in the past
 * or within a minute is not believed (a clock or zone mix-up), so renewal can never loop.
 */
export function expiryOf(sentAt: number, expiresInSeconds: number, serverExpires?: number) {
  const asked = sentAt + expiresInSeconds * 1000;
  if (serverExpires === undefined || serverExpires <= sentAt + 60_000) return asked;
  return Math.min(asked, serverExpires);
}

/** Renew at expiry − max(1 h, 10 % of the lifetime), but never in the first half of it. */
export function renewalTime(sentAt: number, expiresAt: number): number {
  const lifetime = Math.max(0, expiresAt - sentAt);
  const lead = Math.min(Math.max(MIN_LEAD_MS, lifetime * LEAD_SHARE), lifetime / 2);
  return expiresAt - lead;
}

/**
 * Delay before retry number `attempt` (1, 2, …): what net2phone asked for (Retry-After, or the
 * limit in a 429 message) or the exponential step, whichever is longer, capped.
 */
export function retryDelay(attempt: number, askedSeconds = 0): number {
  const step = RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1);
  return Math.min(RETRY_CAP_MS, Math.max(askedSeconds * 1000, step));
}

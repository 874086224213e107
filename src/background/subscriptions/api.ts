import { t } from '../../shared/i18n';
import { type AppError, ok, type Result } from '../../shared/result';
import type { Api } from '../api';
import type { Auth } from '../auth';
import { describeFailure, waitSeconds } from '../error-text';
import type { HttpOutcome } from '../http';

/**
 * The subscription endpoints (reference/integrate-api.md §9) with the session's token, and the
 * defensive parsing of their answers. Every request may get one refresh and one retry after a
 * 401: the API refused it before acting, and create/renew, read and delete are all idempotent.
 */

/** Exactly what create sends, and what a renewal sends again. */
export interface SubscriptionRequest {
  post_uri: string;
  calls: boolean;
  cdrs: boolean;
  recordings: boolean;
  /** Seconds; a number, although the doc example sends a string. */
  expires_in: number;
  /** An extension, or `*` for the company. */
  user: string;
}

/** What we use from a create, renew or read answer. */
export interface SubscriptionReply {
  /** Documented as an integer (schema) and as a string (older portal example): kept as a string. */
  id: string;
  /** ms epoch from `expires`, read as UTC when it has no zone (every example has none). */
  expires?: number;
}

const ZONED_TIME =
  /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?(Z|[+-]\d\d:?\d\d)?$/i;

/** ISO-8601 with or without a zone, `T` or a space; zone-less means UTC (§1, §9). */
export function parseApiTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ZONED_TIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', fraction = '', zone = 'Z'] = m;
  const ms = fraction.padEnd(3, '0').slice(0, 3);
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d\d)(\d\d)$/, '$1:$2');
  const time = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${offset}`);
  return Number.isFinite(time) ? time : undefined;
}

export function parseSubscription(body: unknown): SubscriptionReply | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  const raw = record.id;
  const id =
    typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0
      ? String(raw)
      : typeof raw === 'string' && raw.trim() !== '' && raw.length <= 100
        ? raw.trim()
        : null;
  if (id === null) return null;
  const expires = parseApiTime(record.expires);
  return { id, ...(expires === undefined ? {} : { expires }) };
}

/** As describeFailure, but a 429 speaks of subscriptions, not calls. */
export function describeSubscriptionFailure(
  outcome: Exclude<HttpOutcome, { ok: true }>,
  host: string,
): AppError {
  if (outcome.kind === 'http' && outcome.status === 429) {
    const seconds = waitSeconds(outcome);
    return {
      code: 'rate-limited',
      message: t('webhookRateLimited', String(seconds)),
      retryAfterSeconds: seconds,
    };
  }
  return describeFailure(outcome, host);
}

/** A request's outcome, or why no request could be sent (not signed in, session expired). */
export type Authorized = Result<HttpOutcome>;

export type SubscriptionApi = ReturnType<typeof createSubscriptionApi>;

export function createSubscriptionApi(api: Api, auth: Auth) {
  async function authorized(send: (token: string) => Promise<HttpOutcome>): Promise<Authorized> {
    const token = await auth.accessToken();
    if (!token.ok) return token;
    const outcome = await send(token.value);
    if (outcome.ok || outcome.kind !== 'http' || outcome.status !== 401) return ok(outcome);
    const again = await auth.refreshAfterRejection(token.value);
    if (!again.ok) return again;
    return ok(await send(again.value));
  }

  const path = (id: string) => `subscriptions/${encodeURIComponent(id)}/`;

  return {
    host: api.host,
    /** `POST /api/subscriptions/`: create, or renew when the `post_uri` is the same (202). */
    create: (request: SubscriptionRequest) =>
      authorized((token) => api.post('subscriptions/', token, { ...request })),
    /** `GET /api/subscriptions/{id}/`: 200, or 404 once it no longer exists. */
    read: (id: string) => authorized((token) => api.get(path(id), token)),
    /** `DELETE /api/subscriptions/{id}/`: 204, or 404 when already gone. */
    remove: (id: string) => authorized((token) => api.delete(path(id), token)),
    /** `GET /api/users/current/`, for the user's own extension (§6). */
    currentUser: () => authorized((token) => api.get('users/current/', token)),
  };
}

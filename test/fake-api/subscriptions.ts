/**
 * `/api/subscriptions/` — webhook subscriptions (integrate-api.md §9, §10.6): create or renew
 * (202, the same id for the same `post_uri`), read, delete, expiry on the fake clock.
 * Delivery to the subscribed URL lives in deliveries.ts.
 *
 * Documented: the request fields, the 202 shape, "same id on renewal", expires_in ≤ 604800,
 * 204 on delete, "users can only read or delete subscriptions they created".
 * Assumed (the fake's choices): the 400/403/404 bodies and messages below, which scopes may
 * subscribe for the company, 404 for another user's or an expired subscription, and that an
 * expired subscription is gone (posting its URL again creates a new id).
 */
import { randomBytes } from 'node:crypto';
import type { AuthedContext } from './context';
import { apiError, empty, json, type Reply } from './reply';
import { zonelessIso } from './tokens';
import { type FakeUser, scopeOf } from './users';

/** "expires_in (integer seconds, default 7200, maximum 604800)" (§9). */
export const DEFAULT_EXPIRES_IN = 7200;
export const MAX_EXPIRES_IN = 604_800;

/** Assumption: scopes allowed to subscribe for others or the whole company (`user: "*"`). */
export const ADMIN_SCOPES: readonly string[] = ['Office Manager', 'admin'];

export const EVENT_TYPES = ['calls', 'cdrs', 'recordings'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface SubscriptionEvent {
  type: EventType;
  /** An extension, or '*' for everyone in the owner's domain. */
  user: string;
}

/** One subscription as the fake holds it (and `FakeApi.subscriptions()` returns it). */
export interface FakeSubscription {
  /** An integer, as spec 1.9's schema types it. */
  id: number;
  /** The username of the user who created it: only they can read or delete it. */
  owner: string;
  /** The owner's domain, which `user: "*"` stands for. */
  domain: string;
  postUri: string;
  events: SubscriptionEvent[];
  /** Fake-clock ms; gone once `now >= expiresAt`. */
  expiresAt: number;
  createdAt: number;
  /** How many times the same `post_uri` was posted again before expiry. */
  renewals: number;
}

/** Response body of create and read: the spec 1.9 example shape (§9). */
export function subscriptionBody(s: FakeSubscription) {
  return { id: s.id, post_uri: s.postUri, expires: zonelessIso(s.expiresAt), events: s.events };
}

/** Large integer ids like the documented `5754713652854784`, within JSON's safe range. */
function newId(taken: (id: number) => boolean): number {
  for (;;) {
    const id = Number(randomBytes(8).readBigUInt64BE(0) >> 12n) + 1;
    if (Number.isSafeInteger(id) && !taken(id)) return id;
  }
}

export class SubscriptionStore {
  private readonly byId = new Map<number, FakeSubscription>();

  /** Subscriptions that have not expired; expired ones are forgotten on the way. */
  active(now: number): FakeSubscription[] {
    for (const [id, s] of this.byId) if (now >= s.expiresAt) this.byId.delete(id);
    return [...this.byId.values()];
  }

  /** Creates one, or renews the owner's live subscription to the same `post_uri` (same id). */
  save(
    owner: FakeUser,
    postUri: string,
    events: SubscriptionEvent[],
    expiresIn: number,
    now: number,
  ): { subscription: FakeSubscription; created: boolean } {
    const existing = this.active(now).find(
      (s) => s.owner === owner.username && s.postUri === postUri,
    );
    if (existing) {
      existing.events = events;
      existing.expiresAt = now + expiresIn * 1000;
      existing.renewals += 1;
      return { subscription: existing, created: false };
    }
    const subscription: FakeSubscription = {
      id: newId((id) => this.byId.has(id)),
      owner: owner.username,
      domain: owner.domain,
      postUri,
      events,
      expiresAt: now + expiresIn * 1000,
      createdAt: now,
      renewals: 0,
    };
    this.byId.set(subscription.id, subscription);
    return { subscription, created: true };
  }

  /** The owner's live subscription with this id; another user's looks like no subscription. */
  find(id: string, owner: FakeUser, now: number): FakeSubscription | undefined {
    const found = this.active(now).find((s) => String(s.id) === id);
    return found?.owner === owner.username ? found : undefined;
  }

  delete(id: number): void {
    this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
  }
}

/** Booleans as JSON sends them, or as strings from a form or the query (the Python client). */
function flag(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === false || value === 0) return false;
  if (value === true || value === 1) return true;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0' || v === '') return false;
  }
  return undefined;
}

/** The doc example sends `"expires_in": "604800"` as a string, so both are accepted. */
function expiresIn(value: unknown): number | string {
  if (value === undefined || value === null || value === '') return DEFAULT_EXPIRES_IN;
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
    return 'expires_in must be a whole number of seconds.';
  }
  if (n > MAX_EXPIRES_IN) return `expires_in must be at most ${MAX_EXPIRES_IN} seconds.`;
  return n;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** `user` may be repeated (§9): a string, or an array of strings; default '*'. */
function users(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === '') return ['*'];
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return ['*'];
  if (!list.every((u): u is string => typeof u === 'string' && u.trim() !== '')) return undefined;
  return [...new Set(list.map((u) => u.trim()))];
}

/**
 * "1/second, 5/minute" for create, read and delete (§4), per token like the call limits; only
 * when the fake was started with `limitSubscriptions`, so tests that create and delete in a row
 * need not wait.
 */
function limited(ctx: AuthedContext): Reply | undefined {
  const message = ctx.state.subscriptionLimiter?.hit(ctx.session.accessToken, ctx.now);
  return message ? json(429, { message }) : undefined;
}

/** `POST /api/subscriptions/`: create, or renew when the same `post_uri` comes again. */
export function createSubscription(ctx: AuthedContext): Reply {
  const refused = limited(ctx);
  if (refused) return refused;
  if (!ctx.body.ok) return apiError(400, ctx.body.message);
  const fields = ctx.body.fields;
  const user = ctx.session.user;

  const postUri = typeof fields.post_uri === 'string' ? fields.post_uri.trim() : '';
  if (postUri === '') return apiError(400, 'The post_uri field is required.');
  if (!isHttpUrl(postUri)) return apiError(400, 'The post_uri field must be a valid URI.');

  const ttl = expiresIn(fields.expires_in);
  if (typeof ttl === 'string') return apiError(400, ttl);

  const wanted: EventType[] = [];
  for (const type of EVENT_TYPES) {
    const on = flag(fields[type]);
    if (on === undefined) return apiError(400, `The ${type} field must be a boolean.`);
    if (on) wanted.push(type);
  }
  if (wanted.length === 0) {
    return apiError(400, 'At least one of calls, cdrs or recordings must be true.');
  }

  const who = users(fields.user);
  if (!who) return apiError(400, 'The user field must be an extension or "*".');
  const forOthers = who.some((u) => u !== user.user);
  if (forOthers && !ADMIN_SCOPES.includes(scopeOf(user))) {
    return apiError(403, 'Access Forbidden, you do not have the correct permissions.');
  }

  const events = wanted.flatMap((type) => who.map((u) => ({ type, user: u })));
  const { subscription, created } = ctx.state.subscriptions.save(
    user,
    postUri,
    events,
    ttl,
    ctx.now,
  );
  // "Setup is asynchronous and takes a few seconds" (§9): the init messages follow the 202.
  if (created) ctx.state.webhooks.announce(subscription);
  return json(202, subscriptionBody(subscription));
}

/** `GET /api/subscriptions/{id}/`. */
export function readSubscription(ctx: AuthedContext): Reply {
  const refused = limited(ctx);
  if (refused) return refused;
  const found = ctx.state.subscriptions.find(ctx.params.id ?? '', ctx.session.user, ctx.now);
  return found ? json(200, subscriptionBody(found)) : apiError(404, 'Resource does not exist.');
}

/** `DELETE /api/subscriptions/{id}/` → 204. */
export function deleteSubscription(ctx: AuthedContext): Reply {
  const refused = limited(ctx);
  if (refused) return refused;
  const found = ctx.state.subscriptions.find(ctx.params.id ?? '', ctx.session.user, ctx.now);
  if (!found) return apiError(404, 'Resource does not exist.');
  ctx.state.subscriptions.delete(found.id);
  return empty(204);
}

import { t } from '../../shared/i18n';
import type { Auth } from '../auth';
import { waitSeconds } from '../error-text';
import type { StoredSession } from '../tokens';
import {
  describeSubscriptionFailure,
  parseSubscription,
  type SubscriptionApi,
  type SubscriptionRequest,
} from './api';
import { alarmName, expiryOf, idOfAlarm, renewalTime, retryDelay } from './renew';
import { ownerOf, type StoredSubscription, type SubscriptionStore } from './store';

/** The part of `browser.alarms` renewal needs; tests pass an in-memory one. */
export interface AlarmPort {
  create(name: string, when: number): unknown;
  clear(name: string): Promise<unknown>;
  all(): Promise<{ name: string }[]>;
}

export interface RenewalOptions {
  remote: SubscriptionApi;
  store: SubscriptionStore;
  auth: Auth;
  alarms: AlarmPort;
  /** A system notification (title, message); must not throw. */
  notify: (title: string, message: string) => Promise<void>;
  now: () => number;
}

/** An alarm this soon after a successful renewal is a duplicate, not a reason to renew again. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

/** A renewal is the original create request, sent again (§9): the id stays the same. */
export const requestOf = (s: StoredSubscription): SubscriptionRequest => ({
  post_uri: s.postUri,
  calls: s.events.calls,
  cdrs: s.events.cdrs,
  recordings: s.events.recordings,
  expires_in: s.expiresIn,
  user: s.user,
});

/**
 * Keeps subscriptions alive with one alarm each, so renewal works with the worker asleep.
 * Alarms run only while their owner is signed in: sign-out clears them all, sign-in (and every
 * worker start) sets them again from what is stored, renewing at once whatever fell due meanwhile.
 */
export function createRenewal({ remote, store, auth, alarms, notify, now }: RenewalOptions) {
  const inFlight = new Set<string>();
  /** The owner whose alarms are set, so a token refresh (also a session change) costs nothing. */
  let scheduledFor: string | null = null;

  async function schedule(s: StoredSubscription): Promise<void> {
    if (s.state === 'failed') {
      await alarms.clear(alarmName(s.id));
      return;
    }
    // Signed out while a renewal was under way: leave it to the next sign-in.
    const session = await auth.read();
    if (session && ownerOf(session) === s.owner) await alarms.create(alarmName(s.id), s.renewAt);
  }

  async function forget(s: StoredSubscription): Promise<void> {
    await store.remove(s.id, s.owner);
    await alarms.clear(alarmName(s.id));
  }

  async function ours(): Promise<string[]> {
    return (await alarms.all()).map((a) => a.name).filter((n) => idOfAlarm(n) !== null);
  }

  async function renewNow(id: string, force: boolean): Promise<void> {
    const session = await auth.read();
    if (!session) return;
    const owner = ownerOf(session);
    const entry = await store.find(id, owner);
    if (!entry || entry.state === 'failed') {
      await alarms.clear(alarmName(id));
      return;
    }
    // Not due, or an alarm right after a renewal (the worker woke for it and renewed it on
    // start, then got the alarm too): only make sure the next alarm is there.
    const justRenewed =
      entry.state === 'active' &&
      entry.renewedAt !== undefined &&
      now() - entry.renewedAt < DUPLICATE_WINDOW_MS;
    if ((!force && entry.renewAt > now()) || justRenewed) return schedule(entry);

    await store.patch(id, owner, { state: 'renewing' });
    const sentAt = now();
    const result = await remote.create(requestOf(entry));
    // No usable session any more: sign-in resumes renewal.
    if (!result.ok) return;
    const outcome = result.value;

    if (outcome.ok) {
      // Any 2xx renewed it; a body we cannot read keeps the id we have (§11.5).
      const reply = parseSubscription(outcome.body);
      const expiresAt = expiryOf(sentAt, entry.expiresIn, reply?.expires);
      const renewed: StoredSubscription = {
        ...entry,
        id: reply?.id ?? id,
        expiresAt,
        renewAt: renewalTime(sentAt, expiresAt),
        state: 'active',
        attempts: 0,
        renewedAt: sentAt,
      };
      await store.patch(id, owner, { ...renewed, error: undefined });
      if (renewed.id !== id) await alarms.clear(alarmName(id));
      return schedule(renewed);
    }

    if (outcome.kind === 'http' && outcome.status === 404) {
      await forget(entry);
      await notify(t('webhookGoneTitle', entry.name), t('webhookGoneMessage'));
      return;
    }

    const error = describeSubscriptionFailure(outcome, remote.host);
    const transient = outcome.kind === 'network' || outcome.status === 429 || outcome.status >= 500;
    if (transient && now() < entry.expiresAt) {
      const attempts = entry.attempts + 1;
      const asked = outcome.kind === 'http' && outcome.status === 429 ? waitSeconds(outcome) : 0;
      const renewAt = now() + retryDelay(attempts, asked);
      await store.patch(id, owner, { state: 'renewing', attempts, renewAt, error: error.message });
      await alarms.create(alarmName(id), renewAt);
      return;
    }
    const message = transient ? t('webhookExpiredMessage', error.message) : error.message;
    await store.patch(id, owner, { state: 'failed', attempts: entry.attempts + 1, error: message });
    await alarms.clear(alarmName(id));
    await notify(t('webhookRenewFailedTitle', entry.name), message);
  }

  /** One renewal per subscription at a time; `force` renews even if not yet due (an alarm). */
  async function renew(id: string, force: boolean): Promise<void> {
    if (inFlight.has(id)) return;
    inFlight.add(id);
    try {
      await renewNow(id, force);
    } finally {
      inFlight.delete(id);
    }
  }

  /**
   * Sets an alarm for each of the owner's live subscriptions and clears any other of ours.
   * Whatever is already due is renewed now instead: re-creating an alarm that has just fired
   * (the worker woke for it) would renew it twice.
   */
  async function resume(owner: string): Promise<void> {
    const items = (await store.all()).filter((s) => s.owner === owner && s.state !== 'failed');
    const wanted = new Set(items.map((s) => alarmName(s.id)));
    for (const name of await ours()) if (!wanted.has(name)) await alarms.clear(name);
    const due = items.filter((s) => s.renewAt <= now());
    for (const s of items) if (!due.includes(s)) await schedule(s);
    for (const s of due) await renew(s.id, false);
  }

  async function onSessionChange(session: StoredSession | null): Promise<void> {
    if (!session) {
      scheduledFor = null;
      for (const name of await ours()) await alarms.clear(name);
      return;
    }
    const owner = ownerOf(session);
    if (scheduledFor === owner) return;
    scheduledFor = owner;
    await resume(owner);
  }

  return {
    schedule,
    forget,
    onSessionChange,

    /** At every worker start: alarms from stored state (Firefox drops them on restart). */
    async restore(): Promise<void> {
      scheduledFor = null;
      await onSessionChange(await auth.read());
    },

    /** An alarm fired; true when it was one of ours. */
    async onAlarm(name: string): Promise<boolean> {
      const id = idOfAlarm(name);
      if (id === null) return false;
      await renew(id, true);
      return true;
    },
  };
}

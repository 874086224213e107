import { config } from '../../shared/config';
import { t } from '../../shared/i18n';
import type { WebhookDraft, WebhookSubscription } from '../../shared/messages';
import { fail, ok, type Result } from '../../shared/result';
import { checkWebhookUrl, webhookUrlMessageKey } from '../../shared/webhook-url';
import { parseUser } from '../account-data';
import type { Api } from '../api';
import type { Auth } from '../auth';
import type { HttpOutcome } from '../http';
import type { KeyValueStore } from '../secret-store';
import {
  createSubscriptionApi,
  describeSubscriptionFailure,
  parseSubscription,
  type SubscriptionRequest,
} from './api';
import { EXPIRES_IN_SECONDS, expiryOf, renewalTime } from './renew';
import { type AlarmPort, createRenewal } from './renewal';
import { createSubscriptionStore, ownerOf, type StoredSubscription, toView } from './store';

export type { AlarmPort } from './renewal';

export interface SubscriptionsOptions {
  api: Api;
  auth: Auth;
  store: KeyValueStore;
  alarms: AlarmPort;
  notify: (title: string, message: string) => Promise<void>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Decides whether http://127.0.0.1 destinations are allowed; default the build's. */
  apiBase?: string;
}

/** A refresh asks net2phone about at most this many (subscriptions: 5/minute, §4)… */
const VERIFY_MAX = 5;
/** …each at most this often… */
const VERIFY_EVERY_MS = 5 * 60_000;
/** …one per second. */
const VERIFY_SPACING_MS = 1_000;
const MAX_NAME = 100;

export type Subscriptions = ReturnType<typeof createSubscriptions>;

/**
 * Webhook subscriptions (issue 6, reference §9): create, list, delete, and automatic renewal
 * before expiry (renewal.ts). Kept in this browser per signed-in user; see store.ts.
 */
export function createSubscriptions(options: SubscriptionsOptions) {
  const { auth, now, sleep } = options;
  const remote = createSubscriptionApi(options.api, auth);
  const store = createSubscriptionStore(options.store);
  const renewal = createRenewal({
    remote,
    store,
    auth,
    alarms: options.alarms,
    notify: options.notify,
    now,
  });
  const failure = (outcome: Exclude<HttpOutcome, { ok: true }>) => ({
    ok: false as const,
    error: describeSubscriptionFailure(outcome, remote.host),
  });

  async function owner(): Promise<Result<string>> {
    const session = await auth.read();
    return session ? ok(ownerOf(session)) : fail('not-signed-in', t('errorNotSignedIn'));
  }

  const mine = async (who: string) => (await store.all()).filter((s) => s.owner === who);
  const views = async (who: string) => (await mine(who)).map(toView);

  /** The user's extension, for `user` (scope self): from the session, else `users/current/`. */
  async function ownExtension(): Promise<Result<string>> {
    const session = await auth.read();
    if (session?.user?.extension) return ok(session.user.extension);
    const result = await remote.currentUser();
    if (!result.ok) return result;
    if (!result.value.ok) return failure(result.value);
    const user = parseUser(result.value.body);
    if (!user) return fail('bad-response', t('webhookNoExtension'));
    await auth.rememberUser(user);
    return ok(user.extension);
  }

  /** Asks net2phone whether each still exists; a 404 removes it. Stops at the first refusal. */
  async function verify(items: StoredSubscription[]): Promise<void> {
    const due = items
      .filter((s) => s.checkedAt === undefined || now() - s.checkedAt >= VERIFY_EVERY_MS)
      .slice(0, VERIFY_MAX);
    for (const [i, s] of due.entries()) {
      if (i > 0) await sleep(VERIFY_SPACING_MS);
      const result = await remote.read(s.id);
      if (!result.ok) return;
      const outcome = result.value;
      if (outcome.ok) {
        await store.patch(s.id, s.owner, { checkedAt: now() });
      } else if (outcome.kind === 'http' && outcome.status === 404) {
        await renewal.forget(s);
      } else {
        return;
      }
    }
  }

  return {
    /** The signed-in user's subscriptions, in the order they were added. */
    async list(refresh: boolean): Promise<Result<WebhookSubscription[]>> {
      const who = await owner();
      if (!who.ok) return who;
      if (refresh) await verify(await mine(who.value));
      return ok(await views(who.value));
    },

    /** Subscribes a destination; posting one that exists again updates it (same id, §9). */
    async create(draft: WebhookDraft): Promise<Result<WebhookSubscription>> {
      const checked = checkWebhookUrl(draft.url, options.apiBase ?? config.apiBase);
      if (!checked.ok) return fail('invalid-input', t(webhookUrlMessageKey(checked.problem)));
      const { calls, cdrs, recordings } = draft.events;
      if (!calls && !cdrs && !recordings) return fail('invalid-input', t('webhookNoEvents'));
      const session = await auth.read();
      if (!session) return fail('not-signed-in', t('errorNotSignedIn'));

      let user = '*';
      if (draft.scope === 'self') {
        const extension = await ownExtension();
        if (!extension.ok) return extension;
        user = extension.value;
      }
      const request: SubscriptionRequest = {
        post_uri: checked.url,
        calls,
        cdrs,
        recordings,
        expires_in: EXPIRES_IN_SECONDS,
        user,
      };
      const sentAt = now();
      const result = await remote.create(request);
      if (!result.ok) return result;
      if (!result.value.ok) return failure(result.value);
      const reply = parseSubscription(result.value.body);
      // Without an id it could be neither renewed nor deleted from here.
      if (!reply) return fail('bad-response', t('errorBadResponse'));

      const expiresAt = expiryOf(sentAt, EXPIRES_IN_SECONDS, reply.expires);
      const entry: StoredSubscription = {
        id: reply.id,
        owner: ownerOf(session),
        name: draft.name.trim().slice(0, MAX_NAME) || new URL(checked.url).host,
        postUri: checked.url,
        events: { calls, cdrs, recordings },
        scope: draft.scope,
        user,
        expiresIn: EXPIRES_IN_SECONDS,
        expiresAt,
        renewAt: renewalTime(sentAt, expiresAt),
        state: 'active',
        attempts: 0,
      };
      const previous = (await mine(entry.owner)).find((s) => s.postUri === entry.postUri);
      await store.put(entry);
      if (previous && previous.id !== entry.id) await renewal.forget(previous);
      await renewal.schedule(entry);
      return ok(toView(entry));
    },

    /** Deletes at net2phone (a 404 means already gone) and here; the remaining list. */
    async remove(id: string): Promise<Result<WebhookSubscription[]>> {
      const who = await owner();
      if (!who.ok) return who;
      const entry = await store.find(id, who.value);
      if (entry) {
        const result = await remote.remove(id);
        if (!result.ok) return result;
        const outcome = result.value;
        const gone = outcome.ok || (outcome.kind === 'http' && outcome.status === 404);
        if (!gone) return failure(outcome);
        await renewal.forget(entry);
      }
      return ok(await views(who.value));
    },

    onAlarm: renewal.onAlarm,
    onSessionChange: renewal.onSessionChange,
    restore: renewal.restore,
  };
}

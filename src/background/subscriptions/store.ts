import type {
  WebhookEvents,
  WebhookScope,
  WebhookState,
  WebhookSubscription,
} from '../../shared/messages';
import type { KeyValueStore } from '../secret-store';
import type { StoredSession } from '../tokens';

/**
 * Webhook subscriptions as this browser keeps them, in the extension's IndexedDB next to the
 * tokens: a destination with a secret path segment is a credential of sorts, and storage.local
 * is readable by content scripts.
 */
export interface StoredSubscription {
  id: string;
  /** Who created it (`ownerOf(session)`): only they see and renew it (§9). */
  owner: string;
  name: string;
  postUri: string;
  events: WebhookEvents;
  scope: WebhookScope;
  /** What was sent as `user`: the extension, or `*`. A renewal sends it again. */
  user: string;
  /** What was sent as `expires_in`. */
  expiresIn: number;
  expiresAt: number;
  /** Next renewal attempt (the renewal time, or a retry after a refusal). */
  renewAt: number;
  state: WebhookState;
  error?: string;
  /** Consecutive refused renewals, for the back-off. */
  attempts: number;
  /** When net2phone last confirmed it exists (list with refresh). */
  checkedAt?: number;
  /** When the last renewal (not the creation) succeeded. */
  renewedAt?: number;
}

/**
 * Whose subscriptions these are: the API shows users only their own (§9), so each entry belongs
 * to the Client ID + email that created it, and stays dormant while someone else is signed in.
 */
export const ownerOf = (session: Pick<StoredSession, 'clientId' | 'email'>): string =>
  `${session.clientId}|${session.email.trim().toLowerCase()}`;

const KEY = 'webhooks';
const VERSION = 1;

const STATES = new Set<WebhookState>(['active', 'renewing', 'failed']);
const str = (v: unknown): v is string => typeof v === 'string' && v !== '';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Stored data is untrusted: a malformed entry is dropped, never half-used. */
export function parseStored(raw: unknown): StoredSubscription | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const e = r.events as Record<string, unknown> | undefined;
  if (
    !str(r.id) ||
    !str(r.owner) ||
    typeof r.name !== 'string' ||
    !str(r.postUri) ||
    typeof e !== 'object' ||
    e === null ||
    (r.scope !== 'self' && r.scope !== 'company') ||
    !str(r.user) ||
    !num(r.expiresIn) ||
    !num(r.expiresAt) ||
    !num(r.renewAt) ||
    !STATES.has(r.state as WebhookState)
  ) {
    return null;
  }
  return {
    id: r.id,
    owner: r.owner,
    name: r.name,
    postUri: r.postUri,
    events: { calls: e.calls === true, cdrs: e.cdrs === true, recordings: e.recordings === true },
    scope: r.scope,
    user: r.user,
    expiresIn: r.expiresIn,
    expiresAt: r.expiresAt,
    renewAt: r.renewAt,
    state: r.state as WebhookState,
    attempts: num(r.attempts) && r.attempts >= 0 ? r.attempts : 0,
    ...(typeof r.error === 'string' ? { error: r.error } : {}),
    ...(num(r.checkedAt) ? { checkedAt: r.checkedAt } : {}),
    ...(num(r.renewedAt) ? { renewedAt: r.renewedAt } : {}),
  };
}

/** What the options page sees: no owner, no bookkeeping. */
export function toView(s: StoredSubscription): WebhookSubscription {
  return {
    id: s.id,
    name: s.name,
    postUri: s.postUri,
    events: { ...s.events },
    scope: s.scope,
    expiresAt: s.expiresAt,
    ...(s.state === 'failed' ? {} : { renewAt: s.renewAt }),
    state: s.state,
    ...(s.error ? { error: s.error } : {}),
  };
}

export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;

/** Every write is a read-modify-write in one queue, so alarms and messages cannot lose updates. */
export function createSubscriptionStore(kv: KeyValueStore) {
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<StoredSubscription[]> {
    const raw = (await kv.get(KEY)) as { items?: unknown } | undefined;
    const items = Array.isArray(raw?.items) ? raw.items : [];
    return items.map(parseStored).filter((s): s is StoredSubscription => s !== null);
  }

  function update(
    change: (items: StoredSubscription[]) => StoredSubscription[],
  ): Promise<StoredSubscription[]> {
    const write = queue.then(async () => {
      const next = change(await read());
      await kv.set(KEY, { version: VERSION, items: next });
      return next;
    });
    queue = write.catch(() => undefined);
    return write;
  }

  return {
    /** Everything stored, every owner. */
    all: read,

    async find(id: string, owner: string): Promise<StoredSubscription | undefined> {
      return (await read()).find((s) => s.id === id && s.owner === owner);
    },

    /** Adds `entry`, replacing the owner's entry with the same id or the same destination. */
    put(entry: StoredSubscription, replaces?: string) {
      return update((items) => {
        const same = (s: StoredSubscription) =>
          s.owner === entry.owner &&
          (s.id === entry.id || s.id === replaces || s.postUri === entry.postUri);
        const at = items.findIndex(same);
        const rest = items.filter((s) => !same(s));
        if (at < 0) return [...rest, entry];
        rest.splice(at, 0, entry);
        return rest;
      });
    },

    /** Changes an existing entry (an `undefined` field is removed); nothing if it is gone. */
    patch(id: string, owner: string, change: Partial<StoredSubscription>) {
      return update((items) =>
        items.map((s) => {
          if (s.id !== id || s.owner !== owner) return s;
          const next: Record<string, unknown> = { ...s, ...change };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return next as unknown as StoredSubscription;
        }),
      );
    },

    remove(id: string, owner: string) {
      return update((items) => items.filter((s) => !(s.id === id && s.owner === owner)));
    },
  };
}

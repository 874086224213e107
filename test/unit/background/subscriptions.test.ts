import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

import { createApi } from '../../../src/background/api';
import { createAuth } from '../../../src/background/auth';
import { memoryStore } from '../../../src/background/secret-store';
import {
  type AlarmPort,
  createSubscriptions,
  type Subscriptions,
} from '../../../src/background/subscriptions';
import { alarmName, RETRY_BASE_MS } from '../../../src/background/subscriptions/renew';
import type { WebhookDraft, WebhookSubscription } from '../../../src/shared/messages';
import type { Result } from '../../../src/shared/result';
import { adminUser, demoUser, type FakeApi, startFakeApi } from '../../fake-api/server';
import { text } from '../support/fake-i18n';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const HOUR = 3_600_000;
const WEEK = 604_800_000;
const SUBS = '/api/subscriptions/';

/** `browser.alarms` in memory: `fire` does what the browser does when one is due. */
function fakeAlarms() {
  const set = new Map<string, number>();
  const port: AlarmPort = {
    create: (name, when) => {
      set.set(name, when);
    },
    clear: async (name) => set.delete(name),
    all: async () => [...set.keys()].map((name) => ({ name })),
  };
  return { port, set };
}

const started: FakeApi[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((api) => api.close()));
});

interface World {
  fake: FakeApi;
  clock: { now: number };
  kv: ReturnType<typeof memoryStore>;
  alarms: ReturnType<typeof fakeAlarms>;
  notes: { title: string; message: string }[];
  auth: ReturnType<typeof createAuth>;
  subs: Subscriptions;
  /** Lets the session-change work that auth started (not awaited there) finish. */
  settle(): Promise<void>;
  /** What the browser does when an alarm is due: forget it, then tell the listener. */
  fire(name: string): Promise<boolean>;
  /** A fresh worker: new objects (and, when `dropAlarms`, no alarms) over the same stores. */
  restart(options?: { dropAlarms?: boolean }): Promise<World>;
  signIn(user?: typeof demoUser): Promise<void>;
}

function build(
  fake: FakeApi,
  clock: { now: number },
  kv: ReturnType<typeof memoryStore>,
  alarms: ReturnType<typeof fakeAlarms>,
  apiBase = fake.url,
): World {
  const notes: World['notes'] = [];
  const pending: Promise<unknown>[] = [];
  const api = createApi({ base: fake.url, fetch: globalThis.fetch });
  const now = () => clock.now;
  let subs: Subscriptions | undefined;
  const auth = createAuth({
    api,
    store: kv,
    now,
    onChange: (session) => {
      if (subs) pending.push(subs.onSessionChange(session));
    },
  });
  subs = createSubscriptions({
    api,
    auth,
    store: kv,
    alarms: alarms.port,
    notify: async (title, message) => {
      notes.push({ title, message });
    },
    now,
    sleep: async () => {},
    apiBase,
  });
  const world: World = {
    fake,
    clock,
    kv,
    alarms,
    notes,
    auth,
    subs,
    settle: async () => {
      while (pending.length > 0) await pending.shift();
    },
    async fire(name) {
      alarms.set.delete(name);
      return world.subs.onAlarm(name);
    },
    async restart(options = {}) {
      const next = build(fake, clock, kv, options.dropAlarms ? fakeAlarms() : alarms, apiBase);
      await next.subs.restore();
      return next;
    },
    async signIn(user = demoUser) {
      const result = await auth.signIn(user.username, user.password, user.clientId);
      if (!result.ok) throw new Error(result.error.message);
      await world.settle();
    },
  };
  return world;
}

async function setup(options: { apiBase?: string } = {}): Promise<World> {
  const clock = { now: T0 };
  const fake = await startFakeApi({ clock: () => clock.now, webhookDelayMs: 1 });
  started.push(fake);
  const world = build(fake, clock, memoryStore(), fakeAlarms(), options.apiBase);
  await world.signIn();
  return world;
}

const draft = (over: Partial<WebhookDraft> = {}): WebhookDraft => ({
  name: 'CRM log',
  url: 'https://crm.example.com/hooks/n2p/Zq4xV9tLw2Rb7Kc1',
  events: { calls: true, cdrs: false, recordings: false },
  scope: 'self',
  ...over,
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const subscriptionPosts = (fake: FakeApi) =>
  fake.log.filter((r) => r.method === 'POST' && r.path === SUBS);

describe('creating a subscription', () => {
  it('posts the documented fields with the longest expiry and the user’s own extension', async () => {
    const w = await setup();
    const view = value(await w.subs.create(draft()));
    const [post] = subscriptionPosts(w.fake);
    expect(post?.fields).toEqual({
      post_uri: 'https://crm.example.com/hooks/n2p/Zq4xV9tLw2Rb7Kc1',
      calls: true,
      cdrs: false,
      recordings: false,
      expires_in: 604800,
      user: '101',
    });
    expect(post?.headers.authorization).toMatch(/^Bearer /);
    expect(post?.headers.accept).toBe('application/vnd.integrate.v1.8.0+json');
    // The extension came from users/current/ and is remembered with the session.
    expect(w.fake.log.filter((r) => r.path === '/api/users/current/')).toHaveLength(1);
    expect((await w.auth.read())?.user?.extension).toBe('101');

    const [onFake] = w.fake.subscriptions();
    expect(view).toEqual({
      id: String(onFake?.id),
      name: 'CRM log',
      postUri: 'https://crm.example.com/hooks/n2p/Zq4xV9tLw2Rb7Kc1',
      events: { calls: true, cdrs: false, recordings: false },
      scope: 'self',
      expiresAt: T0 + WEEK,
      renewAt: T0 + WEEK - 0.1 * WEEK,
      state: 'active',
    } satisfies WebhookSubscription);
    expect(value(await w.subs.list(false))).toEqual([view]);
  });

  it('sends * for the company; the API’s refusal is shown as it said it', async () => {
    const w = await setup();
    const refused = await w.subs.create(draft({ scope: 'company' }));
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'Access Forbidden, you do not have the correct permissions.',
      },
    });
    expect(subscriptionPosts(w.fake)[0]?.fields.user).toBe('*');
    expect(value(await w.subs.list(false))).toEqual([]);

    await w.auth.signOut();
    await w.signIn(adminUser);
    const view = value(await w.subs.create(draft({ scope: 'company' })));
    expect(view.scope).toBe('company');
    expect(w.fake.subscriptions()[0]?.events).toEqual([{ type: 'calls', user: '*' }]);
  });

  it('refuses a bad destination with the reason, before any request', async () => {
    const w = await setup({ apiBase: 'https://integrate.versature.com' });
    w.fake.clearLog();
    const result = await w.subs.create(draft({ url: 'http://127.0.0.1:9/hook' }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: text('webhookUrlNotHttps') },
    });
    const none = await w.subs.create(
      draft({ events: { calls: false, cdrs: false, recordings: false } }),
    );
    expect(none).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: text('webhookNoEvents') },
    });
    expect(w.fake.log).toEqual([]);
  });

  it('accepts a local http receiver when the API itself is local, and it gets the events', async () => {
    const w = await setup();
    const hook = `${w.fake.url}/__fake/hook/Zq4xV9tLw2Rb7Kc1`;
    value(await w.subs.create(draft({ url: hook })));
    await vi.waitFor(() => expect(w.fake.deliveries).toHaveLength(2));
    expect(w.fake.deliveries.map((d) => [d.url, d.status])).toEqual([
      [hook, 204],
      [hook, 204],
    ]);
  });

  it('updates the entry when the same destination is added again (same id at net2phone)', async () => {
    const w = await setup();
    const first = value(await w.subs.create(draft()));
    w.clock.now += 1000;
    const second = value(await w.subs.create(draft({ name: 'Renamed', scope: 'self' })));
    expect(second.id).toBe(first.id);
    expect(value(await w.subs.list(false)).map((s) => s.name)).toEqual(['Renamed']);
    expect([...w.alarms.set.keys()]).toEqual([alarmName(first.id)]);
  });

  it('refreshes once on a 401 and sends again', async () => {
    const w = await setup();
    value(await w.subs.create(draft()));
    w.fake.expireAllTokens();
    value(await w.subs.create(draft({ url: 'https://b.example.com/x' })));
    expect(subscriptionPosts(w.fake).map((r) => r.status)).toEqual([202, 401, 202]);
  });

  it('needs a session', async () => {
    const w = await setup();
    await w.auth.signOut();
    expect((await w.subs.create(draft())).ok).toBe(false);
    expect(await w.subs.list(false)).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });
});

describe('renewal', () => {
  it('is scheduled before expiry and re-posts the identical request, keeping the id', async () => {
    const w = await setup();
    const view = value(await w.subs.create(draft()));
    const name = alarmName(view.id);
    const when = w.alarms.set.get(name) ?? 0;
    expect(when).toBe(view.renewAt);
    expect(when).toBeLessThan(view.expiresAt - HOUR);

    w.clock.now = when;
    expect(await w.fire(name)).toBe(true);
    const [create, renew] = subscriptionPosts(w.fake);
    expect(renew?.rawBody).toBe(create?.rawBody);
    expect(renew?.status).toBe(202);
    const [onFake] = w.fake.subscriptions();
    expect(String(onFake?.id)).toBe(view.id);
    expect(onFake?.renewals).toBe(1);
    expect(onFake?.expiresAt).toBe(when + WEEK);

    const [renewed] = value(await w.subs.list(false));
    expect(renewed).toMatchObject({ id: view.id, state: 'active', expiresAt: when + WEEK });
    expect(w.alarms.set.get(name)).toBe(renewed?.renewAt);
    expect(renewed?.renewAt).toBe(when + WEEK - 0.1 * WEEK);
  });

  it('ignores alarms that are not its own', async () => {
    const w = await setup();
    expect(await w.subs.onAlarm('refresh-token')).toBe(false);
    expect(await w.subs.onAlarm('webhook-renew:')).toBe(false);
  });

  it('survives a worker restart: a new instance sets the alarms again from stored state', async () => {
    const w = await setup();
    const a = value(await w.subs.create(draft()));
    w.clock.now += 1000;
    const b = value(await w.subs.create(draft({ url: 'https://b.example.com/x', name: 'B' })));
    const before = new Map(w.alarms.set);

    const next = await w.restart({ dropAlarms: true });
    expect(next.alarms.set).toEqual(before);
    expect([...next.alarms.set.keys()].sort()).toEqual([alarmName(a.id), alarmName(b.id)].sort());
    // Nothing was due, so nothing was sent.
    expect(subscriptionPosts(w.fake)).toHaveLength(2);
  });

  it('renews at once, and only once, what fell due while the worker was gone', async () => {
    const w = await setup();
    const view = value(await w.subs.create(draft()));
    w.clock.now = (view.renewAt ?? 0) + HOUR;
    // The alarm fired while the worker started: both paths run.
    const next = await w.restart();
    await next.fire(alarmName(view.id));
    expect(subscriptionPosts(w.fake)).toHaveLength(2);
    const [renewed] = value(await next.subs.list(false));
    expect(renewed?.expiresAt).toBe(w.clock.now + WEEK);
    expect(next.alarms.set.get(alarmName(view.id))).toBe(renewed?.renewAt);
  });

  it('backs off on 429: waits as asked, then exponentially, and recovers', async () => {
    const w = await setup();
    const view = value(await w.subs.create(draft()));
    const name = alarmName(view.id);
    w.clock.now = view.renewAt ?? 0;

    w.fake.inject({
      kind: 'status',
      status: 429,
      path: SUBS,
      method: 'POST',
      body: '{"message": "5 per 1 minute"}',
    });
    await w.fire(name);
    let [entry] = value(await w.subs.list(false));
    expect(entry).toMatchObject({
      state: 'renewing',
      renewAt: w.clock.now + 60_000,
      error: text('webhookRateLimited', '60'),
    });
    expect(w.alarms.set.get(name)).toBe(w.clock.now + 60_000);

    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      w.clock.now = w.alarms.set.get(name) ?? 0;
      w.fake.inject({ kind: 'status', status: 429, path: SUBS, method: 'POST' });
      await w.fire(name);
      delays.push((w.alarms.set.get(name) ?? 0) - w.clock.now);
    }
    // "1 per 1 second" asks for less than the exponential step: 60 s, 120 s, 240 s.
    expect(delays).toEqual([2 * RETRY_BASE_MS, 4 * RETRY_BASE_MS, 8 * RETRY_BASE_MS]);
    expect(w.notes).toEqual([]);

    w.clock.now = w.alarms.set.get(name) ?? 0;
    await w.fire(name);
    [entry] = value(await w.subs.list(false));
    expect(entry).toMatchObject({ state: 'active', expiresAt: w.clock.now + WEEK });
    expect(entry?.error).toBeUndefined();
    expect(subscriptionPosts(w.fake).map((r) => r.status)).toEqual([202, 429, 429, 429, 429, 202]);
  });

  it('keeps retrying passing failures until expiry, then fails and notifies', async () => {
    const w = await setup();
    const view = value(await w.subs.create(draft()));
    const name = alarmName(view.id);
    w.clock.now = view.renewAt ?? 0;
    w.fake.inject({ kind: 'status', status: 503, path: SUBS, method: 'POST', times: 100 });
    let fired = 0;
    while (w.alarms.set.has(name) && fired < 100) {
      w.clock.now = w.alarms.set.get(name) ?? 0;
      await w.fire(name);
      fired += 1;
    }
    expect(fired).toBeGreaterThan(10);
    const [entry] = value(await w.subs.list(false));
    expect(entry?.state).toBe('failed');
    expect(entry?.renewAt).toBeUndefined();
    expect(entry?.error).toBe(text('webhookExpiredMessage', text('errorServer', '503')));
    expect(w.notes).toEqual([
      { title: text('webhookRenewFailedTitle', 'CRM log'), message: entry?.error },
    ]);
  });

  it('fails at once on a refusal, with the API’s message and a notification', async () => {
    const w = await setup();
    const view = value(await w.subs.create(draft()));
    w.clock.now = view.renewAt ?? 0;
    w.fake.inject({
      kind: 'status',
      status: 400,
      path: SUBS,
      method: 'POST',
      body: '{"status": 400, "message": "The post_uri is blocked."}',
    });
    await w.fire(alarmName(view.id));
    const [entry] = value(await w.subs.list(false));
    expect(entry).toMatchObject({ state: 'failed' });
    expect(entry?.error).toBe(text('errorRejectedWith', 'The post_uri is blocked.'));
    expect(w.alarms.set.size).toBe(0);
    expect(w.notes).toEqual([
      { title: text('webhookRenewFailedTitle', 'CRM log'), message: entry?.error },
    ]);
    // Adding it again is the way to retry.
    value(await w.subs.create(draft()));
    expect(value(await w.subs.list(false))[0]?.state).toBe('active');
  });

  it('removes a subscription that net2phone says is gone (404 on renew)', async () => {
    const w = await setup();
    const view = value(await w.subs.create(draft()));
    w.clock.now = view.renewAt ?? 0;
    w.fake.inject({ kind: 'status', status: 404, path: SUBS, method: 'POST' });
    await w.fire(alarmName(view.id));
    expect(value(await w.subs.list(false))).toEqual([]);
    expect(w.alarms.set.size).toBe(0);
    expect(w.notes.map((n) => n.title)).toEqual([text('webhookGoneTitle', 'CRM log')]);
  });

  it('stops on sign-out and resumes on sign-in, renewing what fell due meanwhile', async () => {
    const w = await setup();
    const view = value(await w.subs.create(draft()));
    await w.auth.signOut();
    await w.settle();
    expect(w.alarms.set.size).toBe(0);

    // An alarm that fires anyway (set just before sign-out) does nothing.
    await w.fire(alarmName(view.id));
    expect(subscriptionPosts(w.fake)).toHaveLength(1);

    w.clock.now = view.expiresAt - 1000;
    await w.signIn();
    expect(subscriptionPosts(w.fake)).toHaveLength(2);
    const [entry] = value(await w.subs.list(false));
    expect(entry).toMatchObject({ state: 'active', expiresAt: w.clock.now + WEEK });
    expect(w.alarms.set.get(alarmName(view.id))).toBe(entry?.renewAt);
  });

  it('keeps each user’s subscriptions to that user', async () => {
    const w = await setup();
    const mine = value(await w.subs.create(draft()));
    await w.auth.signOut();
    await w.signIn(adminUser);
    expect(value(await w.subs.list(false))).toEqual([]);
    expect(w.alarms.set.size).toBe(0);
    expect((await w.subs.remove(mine.id)).ok).toBe(true);
    expect(w.fake.subscriptions()).toHaveLength(1);

    await w.auth.signOut();
    await w.signIn();
    expect(value(await w.subs.list(false)).map((s) => s.id)).toEqual([mine.id]);
    expect([...w.alarms.set.keys()]).toEqual([alarmName(mine.id)]);
  });

  it('does not redo work on a token refresh (also a session change)', async () => {
    const w = await setup();
    value(await w.subs.create(draft()));
    w.alarms.set.clear();
    w.fake.expireAllTokens();
    await w.subs.list(true);
    await w.settle();
    expect(w.alarms.set.size).toBe(0);
  });
});

describe('reading and deleting', () => {
  it('drops, on refresh, what net2phone no longer has (404 on read)', async () => {
    const w = await setup();
    const a = value(await w.subs.create(draft()));
    const b = value(await w.subs.create(draft({ url: 'https://b.example.com/x', name: 'B' })));
    const session = await w.auth.read();
    await fetch(`${w.fake.url}${SUBS}${a.id}/`, {
      method: 'DELETE',
      headers: {
        Authorization: `Bearer ${session?.accessToken}`,
        Accept: 'application/vnd.integrate.v1.8.0+json',
      },
    });
    expect(value(await w.subs.list(false))).toHaveLength(2);
    const list = value(await w.subs.list(true));
    expect(list.map((s) => s.id)).toEqual([b.id]);
    expect([...w.alarms.set.keys()]).toEqual([alarmName(b.id)]);
    expect(w.notes).toEqual([]);
    // Checked a moment ago: not asked again.
    const reads = w.fake.log.filter((r) => r.method === 'GET' && r.path.startsWith(SUBS));
    await w.subs.list(true);
    expect(w.fake.log.filter((r) => r.method === 'GET' && r.path.startsWith(SUBS))).toEqual(reads);
  });

  it('deletes at net2phone (204) and here', async () => {
    const w = await setup();
    const view = value(await w.subs.create(draft()));
    const left = value(await w.subs.remove(view.id));
    expect(left).toEqual([]);
    const [request] = w.fake.log.filter((r) => r.method === 'DELETE');
    expect(request).toMatchObject({ path: `${SUBS}${view.id}/`, status: 204 });
    expect(w.fake.subscriptions()).toEqual([]);
    expect(w.alarms.set.size).toBe(0);
  });

  it('treats 404 on delete as gone, and keeps the entry on other errors', async () => {
    const w = await setup();
    const view = value(await w.subs.create(draft()));
    w.fake.inject({ kind: 'status', status: 500, method: 'DELETE' });
    const failed = await w.subs.remove(view.id);
    expect(failed).toMatchObject({ ok: false, error: { code: 'server' } });
    expect(value(await w.subs.list(false))).toHaveLength(1);

    w.fake.inject({ kind: 'status', status: 404, method: 'DELETE' });
    expect(value(await w.subs.remove(view.id))).toEqual([]);
    expect(w.alarms.set.size).toBe(0);
  });

  it('says how long to wait when net2phone limits subscription requests', async () => {
    const w = await setup();
    w.fake.inject({ kind: 'status', status: 429, path: SUBS, method: 'POST' });
    expect(await w.subs.create(draft())).toEqual({
      ok: false,
      error: {
        code: 'rate-limited',
        message: text('webhookRateLimited', '1'),
        retryAfterSeconds: 1,
      },
    });
  });
});

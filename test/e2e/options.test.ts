import { describe, expect, it } from 'vitest';
import { adminUser, demoUser } from '../fake-api/server';
import { BROWSERS, useHarness } from './support/harness';
import type { Options as OptionsPage } from './support/pages/options';
import { Options } from './support/pages/options';
import { Popup, signInThroughPopup } from './support/pages/popup';

/**
 * Webhook subscriptions (issue 6) in real Chromium and Firefox ESR against the fake API: created
 * through the options page, renewed by the alarm before they expire (same id), deleted from both
 * sides. (The options page's site list is covered by content.test.ts.)
 */
const SUBSCRIPTIONS = '/api/subscriptions/';
const WEEK_SECONDS = 604_800;
const A_WEEK_ON = () => Date.now() + 6 * 86_400_000;

/** The alarm `name` as the browser holds it (alarms belong to the extension, not one page). */
const alarm = (page: OptionsPage, name: string) =>
  page.withApi((api, n) => api.alarms.get(n), name);

/** Makes alarm `name` fire now, as the browser does when its time comes. */
const fireAlarm = (page: OptionsPage, name: string) =>
  page.withApi((api, n) => api.alarms.create(n, { when: Date.now() }), name);

describe.each(BROWSERS)('%s: webhook subscriptions', (name) => {
  const h = useHarness(name);
  const posts = () => h.fake.log.filter((r) => r.method === 'POST' && r.path === SUBSCRIPTIONS);

  async function openWebhooks() {
    const options = await Options.open(h.driver);
    await options.webhooksLoaded();
    return options;
  }

  it('creates one from the options page, renews it before expiry with the same id, deletes it', async () => {
    await signInThroughPopup(h.driver, demoUser);
    const options = await openWebhooks();
    await expect.poll(() => options.webhooksText()).toContain('No subscriptions yet.');

    const postUri = await options.subscribe('CRM log', `${h.fake.url}/__fake/hook`, 'Only mine');
    expect(postUri).toMatch(/\/__fake\/hook\/[A-Za-z0-9_-]{22}$/);
    expect(await options.webhookMessage('status', /Subscribed/)).toContain('Subscribed “CRM log”');

    // The request, exactly as documented (§9), for the demo user's own extension.
    const [create] = posts();
    expect(posts()).toHaveLength(1);
    expect(create?.status).toBe(202);
    expect(create?.headers.authorization).toMatch(/^Bearer \S+$/);
    expect(create?.fields).toEqual({
      post_uri: postUri,
      calls: true,
      cdrs: false,
      recordings: false,
      expires_in: WEEK_SECONDS,
      user: demoUser.user,
    });
    const [subscription] = h.fake.subscriptions();
    expect(h.fake.subscriptions()).toHaveLength(1);
    const id = subscription?.id ?? 0;
    const firstExpiry = subscription?.expiresAt ?? 0;

    // net2phone's two init messages reach the destination.
    await expect
      .poll(() =>
        h.fake.deliveries
          .filter((d) => d.subscriptionId === id)
          .map((d) => [d.url, d.status, (d.body as { state?: string }).state]),
      )
      .toEqual([
        [postUri, 204, 'preparing'],
        [postUri, 204, 'ready'],
      ]);

    // Listed with its facts.
    await expect.poll(() => options.webhook('CRM log')).toContain('Active');
    const facts = await options.webhook('CRM log');
    expect(facts).toContain(postUri);
    expect(facts).toContain('Calls');
    expect(facts).toContain('Only mine');

    // Renewal is scheduled as an alarm; half an hour before expiry (fake clock) it fires.
    const renew = `webhook-renew:${id}`;
    expect((await alarm(options, renew))?.scheduledTime).toBeGreaterThan(A_WEEK_ON());
    h.fake.advanceClock(firstExpiry - h.fake.now() - 30 * 60_000);
    await fireAlarm(options, renew);

    // The jump also expired the access token: the first try gets a 401, the refreshed one a 202.
    await expect
      .poll(() =>
        posts()
          .slice(1)
          .map((r) => r.status),
      )
      .toEqual([401, 202]);
    expect(h.fake.log.some((r) => r.fields.grant_type === 'refresh_token')).toBe(true);
    const renewal = posts().at(-1);
    expect(renewal?.fields).toEqual(create?.fields);
    expect(renewal?.time).toBeLessThan(firstExpiry);
    expect(JSON.parse(renewal?.responseBody ?? '{}').id).toBe(id);
    const renewed = h.fake.subscriptions();
    expect(renewed.map((s) => [s.id, s.renewals])).toEqual([[id, 1]]);
    expect(renewed[0]?.expiresAt).toBeGreaterThan(firstExpiry);
    // The next renewal is scheduled a week on.
    await expect
      .poll(async () => ((await alarm(options, renew))?.scheduledTime ?? 0) > A_WEEK_ON())
      .toBe(true);

    // Delete: the API is asked, the entry is gone from both sides, renewal stops.
    await options.deleteWebhook('CRM log');
    expect(await options.webhookMessage('status', /Deleted/)).toBe('Deleted “CRM log”.');
    const remove = h.fake.log.filter((r) => r.method === 'DELETE');
    expect(remove.map((r) => [r.path, r.status])).toEqual([[`${SUBSCRIPTIONS}${id}/`, 204]]);
    expect(h.fake.subscriptions()).toEqual([]);
    await expect.poll(() => options.webhooksText()).toContain('No subscriptions yet.');
    expect(await options.webhookNames()).toEqual([]);
    expect(await alarm(options, renew)).toBeUndefined();
    await options.close();
  });

  it('shows net2phone’s 403 for the whole company, which an administrator may subscribe to', async () => {
    h.fake.clearLog();
    const denied = await openWebhooks();
    await denied.subscribe('Company', `${h.fake.url}/__fake/hook`, 'Everyone in my company');
    expect(await denied.webhookMessage('alert', /Forbidden/)).toBe(
      'Access Forbidden, you do not have the correct permissions.',
    );
    expect(posts().map((r) => [r.fields.user, r.status])).toEqual([['*', 403]]);
    await denied.close();

    await signInThroughPopup(h.driver, adminUser);
    h.fake.clearLog();
    const options = await openWebhooks();
    const postUri = await options.subscribe(
      'Company',
      `${h.fake.url}/__fake/hook`,
      'Everyone in my company',
    );
    await options.webhookMessage('status', /Subscribed/);
    expect(posts().map((r) => [r.fields.post_uri, r.fields.user, r.status])).toEqual([
      [postUri, '*', 202],
    ]);
    await expect.poll(() => options.webhook('Company')).toContain('Everyone in my company');

    await options.deleteWebhook('Company');
    await options.webhookMessage('status', /Deleted/);
    expect(h.fake.subscriptions()).toEqual([]);
    await options.close();
  });

  it('signed out, Webhooks says to sign in and its form is disabled', async () => {
    const p = await Popup.open(h.driver);
    await p.signOut();
    await p.close();

    const options = await openWebhooks();
    await expect.poll(() => options.webhooksText()).toContain('Sign in to manage webhooks');
    const disabled = await options.tab.world(
      () =>
        [...document.querySelectorAll('#webhooks input, #webhooks button')].map((el) =>
          el.matches(':disabled'),
        ),
      null,
    );
    expect(disabled.length).toBeGreaterThan(5);
    expect(disabled.every(Boolean)).toBe(true);
    await options.close();
  });
});

describe.each(BROWSERS)('%s: options page, Account and first run', (name) => {
  const h = useHarness(name);

  it('opens the welcome after install: what it does, how to sign in, the shortcut and the keyword', async () => {
    const welcome = await Options.welcome(h.driver);
    expect(welcome).not.toBeNull();
    const account = (await welcome?.accountText()) ?? '';
    expect(account).toContain('Welcome to Click-to-Call for net2phone');
    expect(account).toContain('sign in below with your net2phone email and password');
    // The shortcut the browser has for the manifest's command (headless Chromium sets none), else
    // the manifest's suggestion with where to set it; the manifest's keyword.
    const shortcut = await welcome?.withApi(async (api) => {
      const { commands } = api as unknown as {
        commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
      };
      return (await commands.getAll()).find((c) => c.name === 'call-selection')?.shortcut ?? '';
    }, null);
    expect(account).toContain(
      shortcut ? `press ${shortcut}.` : 'you can choose one (for example Alt+Shift+C)',
    );
    expect(account).toContain('type call, a space and a number');
    await welcome?.close();
  });

  it('signs in and out from the options page; Webhooks opens and closes with it', async () => {
    const options = await Options.open(h.driver);
    expect(await options.accountText()).not.toContain('Welcome');
    await expect.poll(() => options.webhooksText()).toContain('Sign in to manage webhooks');

    await options.signIn(demoUser);
    expect(await options.accountText()).toContain(`Signed in as`);
    await expect.poll(() => options.webhooksText()).toContain('No subscriptions yet.');
    // The popup agrees: one session for the whole extension.
    const popup = await Popup.open(h.driver);
    expect(await popup.signedIn()).toBe(true);
    await popup.close();

    await options.signOut();
    await expect.poll(() => options.webhooksText()).toContain('Sign in to manage webhooks');
    const again = await Popup.open(h.driver);
    expect(await again.signedIn()).toBe(false);
    await again.close();
    await options.close();
  });

  it('fits 360 px: no sideways scroll, nothing cut off, the URL field as wide as its row', async () => {
    const options = await Options.open(h.driver);
    const layout = await options.layoutAt(360);
    expect(layout.overflow).toBe(0);
    expect(layout.clipped).toEqual([]);
    // Its button goes under it rather than squeezing it (it was ~70 px).
    expect(layout.urlField).toBeGreaterThanOrEqual(layout.row - 1);
    expect(layout.urlField).toBeGreaterThan(250);
    await options.close();
  });
});

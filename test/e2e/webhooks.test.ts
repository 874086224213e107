import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUser, demoUser, type FakeApi, startFakeApi } from '../fake-api/server';
import { buildExtension } from './support/build-extension';
import { type ExtensionBrowser, launchWithExtension } from './support/chromium';
import { PopupPage } from './support/popup-page';

/**
 * Webhook subscriptions (issue 6) in real Chromium against the fake API: created through the
 * options page, renewed by the alarm before they expire (same id), deleted from both sides.
 */
let fake: FakeApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  fake = await startFakeApi();
  browser = await launchWithExtension(await buildExtension('chrome', fake.url));
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

const SUBSCRIPTIONS = '/api/subscriptions/';
const WEEK_SECONDS = 604_800;

/** Signs in through the popup, as a person would, and closes it. */
async function signInAs(user = demoUser) {
  const p = await new PopupPage(
    await browser.context.newPage(),
    browser.url('src/popup/index.html'),
  ).open();
  const signOut = p.page.getByRole('button', { name: 'Sign out' });
  await Promise.race([p.signInButton().waitFor(), signOut.waitFor()]);
  if (await signOut.isVisible()) {
    await signOut.click();
    await p.signInButton().waitFor();
  }
  await p.signIn(user.username, user.password, user.clientId);
  await p.yourNumbers().waitFor();
  await p.page.close();
}

/** The options page's Webhooks section, driven by its labels. */
class WebhooksPage {
  constructor(readonly page: Page) {}

  static async open() {
    const page = await browser.context.newPage();
    await page.goto(browser.url('src/options/index.html'));
    const options = new WebhooksPage(page);
    // Loaded: either the list, "No subscriptions yet." or the signed-out note.
    await options.section.getByText('Loading your subscriptions…').waitFor({ state: 'detached' });
    return options;
  }

  get section() {
    return this.page.getByRole('region', { name: 'Webhooks' });
  }

  async subscribe(name: string, url: string, scope: 'Only mine' | 'Everyone in my company') {
    await this.section.getByRole('textbox', { name: 'Name' }).fill(name);
    const field = this.section.getByRole('textbox', { name: 'Destination URL' });
    await field.fill(url);
    await this.section.getByRole('button', { name: 'Add a secret path' }).click();
    await this.section.getByRole('radio', { name: scope }).check();
    const withSecret = await field.inputValue();
    await this.section.getByRole('button', { name: 'Subscribe' }).click();
    return withSecret;
  }

  async message(kind: 'status' | 'alert', containing: string | RegExp) {
    const locator = this.section.getByRole(kind).filter({ hasText: containing });
    await locator.waitFor();
    return (await locator.textContent()) ?? '';
  }

  /** The listed subscriptions' names. */
  names() {
    return this.section.locator('.webhook__name').allTextContents();
  }
}

/** Polls `read` until `done` holds (or 5 s pass), and returns its last value. */
async function until<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  let value = read();
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 50));
    value = read();
  }
  return value;
}

const posts = () => fake.log.filter((r) => r.method === 'POST' && r.path === SUBSCRIPTIONS);

interface Alarms {
  get(name: string): Promise<{ name: string; scheduledTime: number } | undefined>;
  create(name: string, info: { when: number }): Promise<void>;
}

/** The alarm `name` as Chrome holds it (runs in the service worker). */
const alarm = (worker: Worker, name: string) =>
  worker.evaluate(
    (n) => (globalThis as unknown as { chrome: { alarms: Alarms } }).chrome.alarms.get(n),
    name,
  );

/** Makes alarm `name` fire now, as Chrome does when its time comes. */
const fireAlarm = (worker: Worker, name: string) =>
  worker.evaluate(
    (n) =>
      (globalThis as unknown as { chrome: { alarms: Alarms } }).chrome.alarms.create(n, {
        when: Date.now(),
      }),
    name,
  );

const A_WEEK_ON = () => Date.now() + 6 * 86_400_000;

describe('webhook subscriptions', () => {
  it('creates one from the options page, renews it before expiry with the same id, deletes it', async () => {
    await signInAs(demoUser);
    const options = await WebhooksPage.open();
    await options.section.getByText('No subscriptions yet.').waitFor();

    const postUri = await options.subscribe('CRM log', `${fake.url}/__fake/hook`, 'Only mine');
    expect(postUri).toMatch(/\/__fake\/hook\/[A-Za-z0-9_-]{22}$/);
    expect(await options.message('status', /Subscribed/)).toContain('Subscribed “CRM log”');

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
    const [subscription] = fake.subscriptions();
    expect(fake.subscriptions()).toHaveLength(1);
    const id = subscription?.id ?? 0;
    const firstExpiry = subscription?.expiresAt ?? 0;

    // net2phone's two init messages reach the destination.
    const deliveries = await until(
      () => fake.deliveries.filter((d) => d.subscriptionId === id),
      (d) => d.length >= 2 && d.every((x) => x.status !== 0),
    );
    expect(deliveries.map((d) => [d.url, d.status, (d.body as { state?: string }).state])).toEqual([
      [postUri, 204, 'preparing'],
      [postUri, 204, 'ready'],
    ]);

    // Listed with its facts.
    await options.section.getByText('State').first().waitFor();
    const entry = options.section.getByRole('listitem').filter({ hasText: 'CRM log' });
    const facts = (await entry.textContent()) ?? '';
    expect(facts).toContain(postUri);
    expect(facts).toContain('Calls');
    expect(facts).toContain('Only mine');
    expect(facts).toContain('Active');

    // Renewal is scheduled as an alarm; half an hour before expiry (fake clock) it fires.
    const worker = await browser.worker();
    const name = `webhook-renew:${id}`;
    expect((await alarm(worker, name))?.scheduledTime).toBeGreaterThan(A_WEEK_ON());
    fake.advanceClock(firstExpiry - fake.now() - 30 * 60_000);
    await fireAlarm(worker, name);

    // The jump also expired the access token: the first try gets a 401, the refreshed one a 202.
    const renewals = await until(
      () => posts().slice(1),
      (p) => p.some((r) => r.status === 202),
    );
    expect(renewals.map((r) => r.status)).toEqual([401, 202]);
    expect(fake.log.some((r) => r.fields.grant_type === 'refresh_token')).toBe(true);
    const renewal = renewals.at(-1);
    expect(renewal?.fields).toEqual(create?.fields);
    expect(renewal?.time).toBeLessThan(firstExpiry);
    expect(JSON.parse(renewal?.responseBody ?? '{}').id).toBe(id);
    const renewed = fake.subscriptions();
    expect(renewed.map((s) => [s.id, s.renewals])).toEqual([[id, 1]]);
    expect(renewed[0]?.expiresAt).toBeGreaterThan(firstExpiry);
    // The next renewal is scheduled a week on.
    let next = await alarm(worker, name);
    for (let i = 0; i < 50 && (next?.scheduledTime ?? 0) < A_WEEK_ON(); i++) {
      await new Promise((r) => setTimeout(r, 50));
      next = await alarm(worker, name);
    }
    expect(next?.scheduledTime).toBeGreaterThan(A_WEEK_ON());

    // Delete: the API is asked, the entry is gone from both sides, renewal stops.
    await options.section.getByRole('button', { name: 'Delete CRM log' }).click();
    expect(await options.message('status', /Deleted/)).toBe('Deleted “CRM log”.');
    const remove = fake.log.filter((r) => r.method === 'DELETE');
    expect(remove.map((r) => [r.path, r.status])).toEqual([[`${SUBSCRIPTIONS}${id}/`, 204]]);
    expect(fake.subscriptions()).toEqual([]);
    await options.section.getByText('No subscriptions yet.').waitFor();
    expect(await options.names()).toEqual([]);
    expect(await alarm(worker, name)).toBeUndefined();
    await options.page.close();
  });

  it('shows net2phone’s 403 for the whole company, which an administrator may subscribe to', async () => {
    fake.clearLog();
    const denied = await WebhooksPage.open();
    await denied.subscribe('Company', `${fake.url}/__fake/hook`, 'Everyone in my company');
    expect(await denied.message('alert', /Forbidden/)).toBe(
      'Access Forbidden, you do not have the correct permissions.',
    );
    expect(posts().map((r) => [r.fields.user, r.status])).toEqual([['*', 403]]);
    await denied.page.close();

    await signInAs(adminUser);
    fake.clearLog();
    const options = await WebhooksPage.open();
    const postUri = await options.subscribe(
      'Company',
      `${fake.url}/__fake/hook`,
      'Everyone in my company',
    );
    await options.message('status', /Subscribed/);
    expect(posts().map((r) => [r.fields.post_uri, r.fields.user, r.status])).toEqual([
      [postUri, '*', 202],
    ]);
    const entry = options.section.getByRole('listitem').filter({ hasText: 'Company' });
    expect(await entry.textContent()).toContain('Everyone in my company');

    await options.section.getByRole('button', { name: 'Delete Company' }).click();
    await options.message('status', /Deleted/);
    expect(fake.subscriptions()).toEqual([]);
    await options.page.close();
  });

  it('says subscriptions wait for sign-in when signed out', async () => {
    const p = await new PopupPage(
      await browser.context.newPage(),
      browser.url('src/popup/index.html'),
    ).open();
    await p.page.getByRole('button', { name: 'Sign out' }).click();
    await p.signInButton().waitFor();
    await p.page.close();

    const options = await WebhooksPage.open();
    await options.section
      .getByText('Subscriptions are renewed only while you are signed in')
      .waitFor();
    await options.page.close();
  });
});

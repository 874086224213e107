import { beforeEach, describe, expect, it } from 'vitest';
import type { Tab } from './support/driver';
import { BROWSERS, outsideRateWindow, useHarness } from './support/harness';
import { HOSTS } from './support/hosts';
import { markCentre, settledMarks } from './support/page-marks';
import { Card } from './support/pages/card';
import { Popup } from './support/pages/popup';

/**
 * The toolbar popup in real Chromium and Firefox ESR against the fake net2phone API: signing in,
 * the dial box and how every fault looks, Call from, Ring on, Recent calls with redial, the session over
 * time, and the switch for the site of the page the popup was opened on.
 */
describe.each(BROWSERS)('%s: the popup', (name) => {
  const h = useHarness(name);
  beforeEach(() => outsideRateWindow(h.fake));

  const tokenRequests = () => h.fake.log.filter((r) => r.path === '/api/oauth/token/');
  const callsMade = () => h.fake.calls().map((c) => c.fields);

  /** A popup with the demo user signed in (signing in first when needed). */
  async function signedInPopup() {
    const p = await Popup.open(h.driver);
    if (!(await p.signedIn())) {
      await p.signIn();
      await p.waitForYourNumbers();
    }
    return p;
  }

  describe('signing in', () => {
    it('refuses a wrong password and an unknown Client ID with their own messages', async () => {
      const p = await Popup.open(h.driver);
      await p.signIn({
        username: 'demo@example.com',
        password: 'not-the-password',
        clientId: 'demo-client',
      });
      expect(await p.message('alert', /./)).toContain('Wrong email or password.');
      await p.tab.reload();
      await p.signIn({
        username: 'demo@example.com',
        password: 'demo-password',
        clientId: 'nobody-client',
      });
      expect(await p.message('alert', /Client ID/)).toContain(
        'net2phone does not recognize the Client ID “nobody-client”',
      );
      await p.close();
    });

    it('says net2phone answered with a server error', async () => {
      h.fake.inject({ kind: 'status', status: 503, path: '/api/oauth/token/' });
      const p = await Popup.open(h.driver);
      await p.signIn();
      expect(await p.message('alert', /HTTP 503/)).toContain('net2phone answered HTTP 503');
      await p.close();
    });

    it('signs in, shows the user and their numbers and devices', async () => {
      const p = await Popup.open(h.driver);
      await p.signIn();
      await p.waitForYourNumbers();
      await expect.poll(() => p.bodyText()).toContain('Polycom VVX 450');
      const text = await p.bodyText();
      expect(text).toContain('Dana Demo');
      expect(text).toContain('+1 973-555-0100');
      expect(text).toContain('Main line');
      const signIn = tokenRequests().at(-1);
      expect(signIn?.headers.contentType).toBe('application/json; charset=utf-8');
      expect(signIn?.fields).toMatchObject({ grant_type: 'password', client_id: 'demo-client' });
      await p.close();
    });
  });

  describe('calling from the dial box', () => {
    it.each([
      ['(973) 555-1212', '19735551212'],
      ['+44 20 7031 3000', '011442070313000'],
      ['973.555.1212 x12', '19735551212'],
    ])('calls %s as %s with one request', async (typed, dial) => {
      h.fake.clearLog();
      const p = await signedInPopup();
      await p.call(typed);
      expect(await p.message('status', 'your phone will ring first')).toContain('Calling…');
      await expect.poll(callsMade).toEqual([{ to: dial }]);
      const [call] = h.fake.calls();
      expect(call?.headers.authorization).toMatch(/^Bearer \S+$/);
      expect(call?.headers.accept).toBe('application/vnd.integrate.v1.8.0+json');
      await p.close();
    });

    it.each(['12345', 'call me'])('refuses %j before any request', async (typed) => {
      h.fake.clearLog();
      const p = await signedInPopup();
      await p.call(typed);
      // The dial box formats as you type ("12345" reads "1 (234) 5"): the alert quotes the box.
      const shown = await p.value({ label: 'Number to call' });
      expect(await p.message('alert', /not a callable phone number/)).toContain(`“${shown}”`);
      // The refusal is decided before any request: none can follow it.
      expect(h.fake.calls()).toHaveLength(0);
      await p.close();
    });

    // Each case dials its own number: the same number within 1 s of its last answer gets that
    // answer again (double-click protection), without a request.
    it.each([
      [{ kind: 'status', status: 429 } as const, /Too many calls\. Wait 1 s/, '973-555-0201'],
      [{ kind: 'status', status: 500 } as const, /Status unknown/, '973-555-0202'],
      [
        {
          kind: 'status',
          status: 502,
          body: '<html>Bad gateway</html>',
          contentType: 'text/html',
        } as const,
        /Status unknown/,
        '973-555-0203',
      ],
      // The connection lost after the request was sent (`cut`, not `drop`: see test/fake-api/server.ts).
      [
        { kind: 'cut' } as const,
        /Status unknown: net2phone may have placed the call/,
        '973-555-0204',
      ],
    ])(
      'shows the specific message for %j and sends exactly one POST',
      async (fault, message, number) => {
        const p = await signedInPopup();
        h.fake.clearLog();
        h.fake.inject({ ...fault, path: '/api/calls/', method: 'POST' });
        await p.call(number);
        await p.message('alert', message);
        expect(h.fake.calls()).toHaveLength(1);
        await p.close();
      },
    );

    it('treats a 2xx with a non-JSON body as placed', async () => {
      const p = await signedInPopup();
      h.fake.clearLog();
      h.fake.inject({
        kind: 'status',
        status: 201,
        body: 'Created',
        contentType: 'text/plain',
        path: '/api/calls/',
      });
      await p.call('973-555-0205');
      await p.message('status', 'your phone will ring first');
      await expect.poll(() => h.fake.calls().length).toBe(1);
      await p.close();
    });
  });

  describe('comforts', () => {
    it('sends the caller ID chosen in "Call from", and remembers it', async () => {
      const p = await signedInPopup();
      h.fake.clearLog();
      await p.select({ label: 'Call from' }, '+1 613-555-0101 · Support');
      await p.call('(973) 555-0209');
      await p.message('status', 'your phone will ring first');
      await expect
        .poll(callsMade)
        .toEqual([{ to: '19735550209', caller_id_number: '+16135550101' }]);
      // Remembered: a new popup shows the same choice.
      await p.tab.reload();
      await expect.poll(() => p.value({ label: 'Call from' })).toBe('+16135550101');
      await p.select({ label: 'Call from' }, 'Your net2phone default number');
      // Later tests expect net2phone's default: wait until the choice is stored.
      await expect.poll(async () => (await p.storedSettings()).callerId ?? '').toBe('');
      await p.close();
    });

    it('rings the device chosen in "Ring on": its from reaches net2phone; remembered', async () => {
      const p = await signedInPopup();
      h.fake.clearLog();
      await p.select({ label: 'Ring on' }, 'Ext. 101a · net2phone Softphone');
      await expect
        .poll(async () => (await p.storedSettings()).ringOn)
        .toBe('sip:101a@demo.example.com');
      await p.call('(973) 555-0210');
      await p.message('status', 'your phone will ring first');
      await expect.poll(callsMade).toEqual([{ to: '19735550210', from: '101a@demo.example.com' }]);
      await p.tab.reload();
      await expect.poll(() => p.value({ label: 'Ring on' })).toBe('sip:101a@demo.example.com');
      // Back to net2phone's default: no from at all.
      await p.select({ label: 'Ring on' }, 'net2phone default');
      await expect.poll(async () => (await p.storedSettings()).ringOn ?? '').toBe('');
      outsideRateWindow(h.fake);
      h.fake.clearLog();
      await p.call('(973) 555-0211');
      await expect.poll(callsMade).toEqual([{ to: '19735550211' }]);
      await p.close();
    });

    it('says "Status unknown" in the dial box and in Recent calls when the connection is cut', async () => {
      const p = await signedInPopup();
      h.fake.clearLog();
      h.fake.inject({ kind: 'cut', path: '/api/calls/', method: 'POST' });
      await p.call('973-555-0212');
      const alert = await p.message('alert', /Status unknown/);
      expect(alert).toContain('check your phone before calling again');
      // No server code in the message itself.
      expect(alert).not.toMatch(/HTTP/);
      await expect
        .poll(async () => (await p.recentCalls())[0] ?? '')
        .toMatch(/\+1 973-555-0212.*Status unknown.*typed/);
      // The reason, on demand.
      await p.click({ role: 'button', name: 'Status unknown: why? +1 973-555-0212' });
      await expect
        .poll(async () => (await p.recentCalls())[0] ?? '')
        .toContain('net2phone may have placed the call');
      expect(h.fake.calls()).toHaveLength(1);
      await p.close();
    });

    it('stays within 600 px tall, 360 px wide, with 12 failed calls in Recent calls', async () => {
      const p = await signedInPopup();
      h.fake.inject({
        kind: 'status',
        status: 403,
        body: JSON.stringify({
          detail: 'Calls to this destination are blocked for your account by your administrator.',
        }),
        contentType: 'application/json',
        path: '/api/calls/',
        method: 'POST',
        times: 12,
      });
      h.fake.clearLog();
      // Twelve refused calls from the dial box (the background spaces them 1 s apart).
      for (let i = 0; i < 12; i++) {
        await p.call(`973-555-${String(1300 + i)}`);
        await expect.poll(() => h.fake.calls().length, { timeout: 5_000 }).toBe(i + 1);
        await p.message('alert', 'blocked for your account');
      }
      await p.tab.reload();
      await p.waitForYourNumbers();
      await expect.poll(async () => (await p.recentCalls()).length).toBe(2);
      const [newest] = await p.recentCalls();
      expect(newest).toContain('Not placed');
      // The reason only on demand.
      expect(newest).not.toContain('blocked for your account');
      expect(await p.has({ role: 'button', name: 'Not placed: why? +1 973-555-1311' })).toBe(true);
      expect(await p.contentHeight()).toBeLessThanOrEqual(600);
      expect(await p.contentWidth()).toBeLessThanOrEqual(400);
      // Every call on request (earlier tests' calls too), in a list that scrolls inside the popup.
      await p.click({ role: 'button', name: 'Show all', exact: false });
      await expect.poll(async () => (await p.recentCalls()).length).toBeGreaterThanOrEqual(12);
      expect(await p.contentHeight()).toBeLessThanOrEqual(600);
      await p.close();
    });

    it('clears Recent calls, and Undo puts them back', async () => {
      const p = await signedInPopup();
      await p.call('(973) 555-0213');
      await p.message('status', 'your phone will ring first');
      await expect.poll(async () => (await p.recentCalls())[0]).toContain('973-555-0213');
      const before = await p.recentCalls();
      await p.click({ role: 'button', name: 'Clear history' });
      await p.message('status', 'Recent calls cleared.');
      expect(await p.recentCalls()).toEqual([]);
      await p.click({ role: 'button', name: 'Undo' });
      await expect.poll(() => p.recentCalls()).toEqual(before);
      // Put back for good: a new popup lists them.
      await p.tab.reload();
      await p.waitForYourNumbers();
      await expect.poll(() => p.recentCalls()).toEqual(before);
      await p.close();
    });

    it('lists a placed call under Recent calls and redials it with one request', async () => {
      const p = await signedInPopup();
      h.fake.clearLog();
      await p.call('+44 20 7031 3000');
      await p.message('status', 'your phone will ring first');
      const again = { role: 'button', name: 'Call +44 20 7031 3000 again' } as const;
      await p.waitFor(again);
      await expect.poll(() => h.fake.calls().length).toBe(1);
      // A person redials later than a double click: within 1 s the same number gets the first
      // call's answer again, by design, without a request.
      await new Promise((r) => setTimeout(r, 1_100));
      await p.click(again);
      await expect
        .poll(() => h.fake.calls().map((c) => c.fields.to))
        .toEqual(['011442070313000', '011442070313000']);
      await p.close();
    });

    it('turns detection off and on for the site of the page it was opened on, without reload, with the badge', async () => {
      await signedInPopup().then((p) => p.close());
      const page = await h.driver.newTab(h.site.page('contact.html', HOSTS.ads));
      const count = (tab: Tab) =>
        tab.world(() => CSS.highlights.get('net2phone-number')?.size ?? 0, null);
      const all = (await settledMarks(page.world, { atLeast: 15 })).length;
      const p = await Popup.open(h.driver, page);
      const badge = () =>
        p.withApi(async (api) => {
          const [tab] = await api.tabs.query({ url: 'http://ads.example.net/*' });
          return tab?.id === undefined ? 'no tab' : api.action.getBadgeText({ tabId: tab.id });
        }, null);
      await expect.poll(badge).toBe(String(all));
      const toggle = { role: 'switch', name: `Find numbers on ${HOSTS.ads}` } as const;
      expect(await p.checked(toggle)).toBe(true);
      await p.click(toggle);
      await expect.poll(() => count(page), { timeout: 10_000 }).toBe(0);
      await expect.poll(badge).toBe('');
      await p.click(toggle);
      await expect.poll(() => count(page), { timeout: 10_000 }).toBe(all);
      await expect.poll(badge).toBe(String(all));
      await p.close();
      await page.close();
    });
  });

  describe('the session over time', () => {
    it('refreshes once when net2phone says the token expired, then calls', async () => {
      const p = await signedInPopup();
      h.fake.clearLog();
      h.fake.expireAllTokens();
      await p.call('973-555-0207');
      await p.message('status', 'your phone will ring first');
      await expect.poll(() => h.fake.calls().map((c) => c.status)).toEqual([401, 201]);
      expect(tokenRequests().map((r) => r.fields.grant_type)).toEqual(['refresh_token']);
      await p.close();
    });

    it('refreshes before calling when the token is about to expire', async () => {
      // A token that lives 62 s is inside the one-minute refresh margin after 2 s.
      h.fake.setAccessTokenTtl(62);
      try {
        const p = await signedInPopup();
        await p.signOut();
        await p.signIn();
        await p.waitForYourNumbers();
        // Token time passes in real time: this wait is what the test is about.
        await new Promise((r) => setTimeout(r, 2_500));
        h.fake.clearLog();
        await p.call('973-555-0208');
        await p.message('status', 'your phone will ring first');
        expect(tokenRequests().map((r) => r.fields.grant_type)).toEqual(['refresh_token']);
        await expect.poll(() => h.fake.calls().map((c) => c.status)).toEqual([201]);
        await p.close();
      } finally {
        h.fake.setAccessTokenTtl(3599);
      }
    });

    it('signs out with a message when the refresh is refused', async () => {
      // A fresh hour-long session, so the client trusts its token and the server refuses it.
      const p = await signedInPopup();
      await p.signOut();
      await p.signIn();
      await p.waitForYourNumbers();
      h.fake.clearLog();
      h.fake.revokeRefreshTokens();
      h.fake.expireAllTokens();
      await p.call('973-555-0206');
      expect(await p.message('alert', /expired/)).toContain(
        'Your net2phone session has expired. Sign in again.',
      );
      await p.waitFor({ role: 'button', name: 'Sign in' });
      expect(h.fake.calls().map((c) => c.status)).toEqual([401]);
      await p.close();
    });

    it('forgets every token on Sign out: a card on a page then asks to sign in and sends nothing', async () => {
      const p = await signedInPopup();
      await p.signOut();
      await p.close();
      h.fake.clearLog();
      const page = await h.driver.newTab(h.site.page('contact.html'));
      await settledMarks(page.world, { atLeast: 15 });
      await page.clickAt(await markCentre(page.world, '(973) 555-1212'));
      // Signed out, the card offers one thing, "Sign in to call", and no Call button.
      const card = new Card(page);
      expect(await card.until((s) => s.open, 'did not open')).toMatchObject({
        heading: '+1 973-555-1212',
        button: null,
        signIn: true,
      });
      expect(h.fake.log).toEqual([]);
      await page.close();
    });
  });
});

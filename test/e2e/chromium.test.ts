import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeApi, startFakeApi } from '../fake-api/server';
import { buildExtension } from './support/build-extension';
import { type ExtensionBrowser, launchWithExtension } from './support/chromium';
import { PopupPage } from './support/popup-page';

/**
 * The built extension in real Chromium against the project's fake net2phone API:
 * what a user does in the popup and the context menu, and how every fault looks.
 */
let fake: FakeApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  fake = await startFakeApi({ accessTokenTtlSeconds: 3599 });
  browser = await launchWithExtension(await buildExtension('chrome', fake.url));
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

async function popup() {
  return new PopupPage(await browser.context.newPage(), browser.url('src/popup/index.html')).open();
}

/** Invoke the context-menu handler exactly as Chrome does for a click on our item. */
async function clickMenu(info: Record<string, unknown>) {
  const worker = await browser.worker();
  await worker.evaluate((data) => {
    // Chrome's event objects can dispatch to their listeners: the same path a real click takes.
    const api = (globalThis as unknown as { chrome: { contextMenus: { onClicked: unknown } } })
      .chrome;
    const event = api.contextMenus.onClicked as { dispatch(info: unknown, tab: unknown): void };
    event.dispatch(
      { menuItemId: 'call-with-net2phone', editable: false, pageUrl: 'https://crm.test/', ...data },
      { id: 1, index: 0, url: 'https://crm.test/' },
    );
  }, info);
}

const waitForCalls = async (count: number) => {
  for (let i = 0; i < 100 && fake.calls().length < count; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return fake.calls();
};

const tokenRequests = () => fake.log.filter((r) => r.path === '/api/oauth/token/');

describe('signing in', () => {
  it('refuses a wrong password and an unknown Client ID with their own messages', async () => {
    const p = await popup();
    await p.signIn('demo@example.com', 'not-the-password');
    expect(await p.message('alert', /./)).toContain('Wrong email or password.');
    await p.page.reload();
    await p.signIn('demo@example.com', 'demo-password', 'nobody-client');
    expect(await p.message('alert', /Client ID/)).toContain(
      'net2phone does not recognize the Client ID “nobody-client”',
    );
    await p.page.close();
  });

  it('says net2phone answered with a server error', async () => {
    fake.inject({ kind: 'status', status: 503, path: '/api/oauth/token/' });
    const p = await popup();
    await p.signIn();
    expect(await p.message('alert', /HTTP 503/)).toContain('net2phone answered HTTP 503');
    await p.page.close();
  });

  it('signs in, shows the user and their numbers and devices', async () => {
    const p = await popup();
    await p.signIn();
    await p.yourNumbers().waitFor();
    await p.page.getByText('Polycom VVX 450').waitFor();
    const text = (await p.page.locator('main').textContent()) ?? '';
    expect(text).toContain('Dana Demo');
    expect(text).toContain('Polycom VVX 450');
    expect(text).toContain('+1 973-555-0100');
    expect(text).toContain('Main line');
    const signIn = tokenRequests().at(-1);
    expect(signIn?.headers.contentType).toBe('application/json; charset=utf-8');
    expect(signIn?.fields).toMatchObject({ grant_type: 'password', client_id: 'demo-client' });
    await p.page.close();
  });
});

describe('calling from the dial box', () => {
  beforeEach(async () => {
    // Keep each test out of the previous one's 1-per-second window.
    await new Promise((r) => setTimeout(r, 1_100));
    fake.clearLog();
  });

  it.each([
    ['(973) 555-1212', '19735551212'],
    ['+44 20 7031 3000', '011442070313000'],
    ['973.555.1212 x12', '19735551212'],
  ])('calls %s as %s with one request', async (typed, dial) => {
    const p = await popup();
    await p.call(typed);
    expect(await p.message('status', 'your phone will ring first')).toContain('Calling…');
    const calls = await waitForCalls(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.fields).toEqual({ to: dial });
    expect(calls[0]?.headers.authorization).toMatch(/^Bearer \S+$/);
    expect(calls[0]?.headers.accept).toBe('application/vnd.integrate.v1.8.0+json');
    await p.page.close();
  });

  it.each(['12345', 'call me'])('refuses %j before any request', async (typed) => {
    const p = await popup();
    await p.call(typed);
    // The dial box formats as you type ("12345" reads "1 (234) 5"): the alert quotes the box.
    const shown = await p.page.getByLabel('Number to call').inputValue();
    expect(await p.message('alert', /not a callable phone number/)).toContain(`“${shown}”`);
    expect(fake.calls()).toHaveLength(0);
    await p.page.close();
  });

  it.each([
    [{ kind: 'status', status: 429 } as const, /Too many calls\. Wait 1 s/],
    [{ kind: 'status', status: 500 } as const, /net2phone answered HTTP 500/],
    [
      {
        kind: 'status',
        status: 502,
        body: '<html>Bad gateway</html>',
        contentType: 'text/html',
      } as const,
      /net2phone answered HTTP 502/,
    ],
    // The connection lost after the request was sent (`cut`, not `drop`: see test/fake-api/server.ts).
    [{ kind: 'cut' } as const, /the call may have been placed/],
  ])('shows the specific message for %j and sends exactly one POST', async (fault, message) => {
    fake.inject({ ...fault, path: '/api/calls/', method: 'POST' });
    const p = await popup();
    await p.call('973-555-1212');
    await p.message('alert', message);
    expect(fake.calls()).toHaveLength(1);
    await p.page.close();
  });

  it('treats a 2xx with a non-JSON body as placed', async () => {
    fake.inject({
      kind: 'status',
      status: 201,
      body: 'Created',
      contentType: 'text/plain',
      path: '/api/calls/',
    });
    const p = await popup();
    await p.call('973-555-1212');
    await p.message('status', 'your phone will ring first');
    expect(fake.calls()).toHaveLength(1);
    await p.page.close();
  });
});

describe('the context menu', () => {
  beforeEach(async () => {
    await new Promise((r) => setTimeout(r, 1_100));
    fake.clearLog();
  });

  it('calls a selected number', async () => {
    await clickMenu({ selectionText: ' (973) 555-1212 ' });
    const calls = await waitForCalls(1);
    expect(calls.map((c) => c.fields)).toEqual([{ to: '19735551212' }]);
  });

  it('calls the number of a tel: link', async () => {
    await clickMenu({ linkUrl: 'tel:+44-20-7031-3000', selectionText: 'Call our London office' });
    const calls = await waitForCalls(1);
    expect(calls.map((c) => c.fields)).toEqual([{ to: '011442070313000' }]);
  });

  it('sends nothing for a selection that is not a number', async () => {
    await clickMenu({ selectionText: 'order 12345' });
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.calls()).toHaveLength(0);
  });
});

describe('the session over time', () => {
  beforeEach(async () => {
    await new Promise((r) => setTimeout(r, 1_100));
    fake.clearLog();
  });

  it('stays signed in when the service worker is stopped, and can still call', async () => {
    await browser.stopWorker();
    const p = await popup();
    await p.yourNumbers().waitFor();
    await p.call('973-555-1212');
    await p.message('status', 'your phone will ring first');
    expect(fake.calls()).toHaveLength(1);
    await p.page.close();
  });

  it('refreshes once when net2phone says the token expired, then calls', async () => {
    fake.expireAllTokens();
    const p = await popup();
    await p.call('973-555-1212');
    await p.message('status', 'your phone will ring first');
    expect(fake.calls().map((c) => c.status)).toEqual([401, 201]);
    expect(tokenRequests().map((r) => r.fields.grant_type)).toEqual(['refresh_token']);
    await p.page.close();
  });

  it('refreshes before calling when the token is about to expire', async () => {
    // A token that lives 62 s is inside the one-minute refresh margin after 2 s.
    fake.setAccessTokenTtl(62);
    try {
      const p = await popup();
      await p.page.getByRole('button', { name: 'Sign out' }).click();
      await p.signIn();
      await p.yourNumbers().waitFor();
      await new Promise((r) => setTimeout(r, 2_500));
      fake.clearLog();
      await p.call('973-555-1212');
      await p.message('status', 'your phone will ring first');
      expect(tokenRequests().map((r) => r.fields.grant_type)).toEqual(['refresh_token']);
      expect(fake.calls().map((c) => c.status)).toEqual([201]);
      await p.page.close();
    } finally {
      fake.setAccessTokenTtl(3599);
    }
  });

  it('signs out with a message when the refresh is refused', async () => {
    // A fresh hour-long session, so the client trusts its token and the server refuses it.
    const p = await popup();
    await p.page.getByRole('button', { name: 'Sign out' }).click();
    await p.signIn();
    await p.yourNumbers().waitFor();
    await new Promise((r) => setTimeout(r, 1_100));
    fake.clearLog();
    fake.revokeRefreshTokens();
    fake.expireAllTokens();
    await p.call('973-555-1212');
    expect(await p.message('alert', /expired/)).toContain(
      'Your net2phone session has expired. Sign in again.',
    );
    await p.signInButton().waitFor();
    expect(fake.calls().map((c) => c.status)).toEqual([401]);
    await p.page.close();
  });

  it('forgets every token on Sign out', async () => {
    const p = await popup();
    await p.signIn();
    await p.yourNumbers().waitFor();
    await p.page.getByRole('button', { name: 'Sign out' }).click();
    await p.signInButton().waitFor();
    fake.clearLog();
    await clickMenu({ selectionText: '973-555-1212' });
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.calls()).toHaveLength(0);
    await p.page.close();
  });
});

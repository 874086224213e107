import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeApi, startFakeApi } from '../fake-api/server';
import { buildExtension } from './support/build-extension';
import { type ExtensionBrowser, launchWithExtension } from './support/chromium';
import { PopupPage, signInThroughPopup } from './support/popup-page';

/**
 * Everyday comforts in real Chromium: the keyboard command and the omnibox
 * keyword, invoked through Chrome's own event objects as the browser does.
 */
let fake: FakeApi;
let browser: ExtensionBrowser;
let pages: Server;
let pageUrl: string;

beforeAll(async () => {
  fake = await startFakeApi();
  pages = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><title>Acme contacts</title><p id="p">Reach Ann at 212-555-0147 today.</p>' +
        '<p>Or Bob at (973) 555-0199.</p>',
    );
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
  browser = await launchWithExtension(await buildExtension('chrome', fake.url));
  await signInThroughPopup(browser);
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
  pages?.close();
});

beforeEach(async () => {
  await new Promise((r) => setTimeout(r, 1_100));
  fake.clearLog();
});

/** Dispatch one of Chrome's extension events in the service worker, as the browser would. */
async function dispatch(event: 'commands.onCommand' | 'omnibox.onInputEntered', args: unknown[]) {
  const worker = await browser.worker();
  await worker.evaluate(
    async ({ event, args }) => {
      const chromeApi = (
        globalThis as unknown as { chrome: Record<string, Record<string, unknown>> }
      ).chrome;
      const [ns, name] = event.split('.') as [string, string];
      let resolved = args;
      if (resolved[0] === '$activeTab') {
        const tabs = (await (chromeApi.tabs as { query: (q: object) => Promise<unknown[]> }).query({
          url: 'http://127.0.0.1/command-test',
        })) as unknown[];
        resolved = ['call-selection', tabs[0]];
      }
      const target = chromeApi[ns]?.[name] as { dispatch(...a: unknown[]): void } | undefined;
      if (!target) throw new Error(`no chrome.${event}`);
      target.dispatch(...resolved);
    },
    { event, args },
  );
}

const waitForCalls = async (count: number) => {
  for (let i = 0; i < 100 && fake.calls().length < count; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return fake.calls();
};

/** The popup opened the way the toolbar does it: beside the page, which stays the active tab. */
async function popupBeside(page: import('playwright-core').Page) {
  await page.bringToFront();
  const url = browser.url('src/popup/index.html');
  // A popup page left open (by a failed test) must not be taken for the new one.
  const before = new Set(browser.context.pages());
  const opened = () => browser.context.pages().find((p) => p.url() === url && !before.has(p));
  const worker = await browser.worker();
  await worker.evaluate(async (popupUrl) => {
    const api = (
      globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }
    ).chrome;
    await api.windows.create({ url: popupUrl, focused: false });
  }, url);
  // The new window's page may be reported before or after it navigates: find it by URL.
  await expect.poll(() => opened() !== undefined).toBe(true);
  const popup = opened();
  if (!popup) throw new Error('the popup window did not open');
  await popup.waitForLoadState('domcontentloaded');
  return new PopupPage(popup, url);
}

/** The toolbar badge of the tab showing `url` (a match pattern). */
async function badgeFor(url: string): Promise<string> {
  const worker = await browser.worker();
  return worker.evaluate(async (pattern) => {
    const api = (
      globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id: number }[]> };
          action: { getBadgeText(d: object): Promise<string> };
        };
      }
    ).chrome;
    const [tab] = await api.tabs.query({ url: pattern });
    return tab ? api.action.getBadgeText({ tabId: tab.id }) : 'no tab';
  }, url);
}

const markCount = (page: import('playwright-core').Page) =>
  page.evaluate(() => CSS.highlights.get('net2phone-number')?.size ?? 0);

describe('the popup', () => {
  it('sends the caller ID chosen in "Call from"', async () => {
    const p = await new PopupPage(
      await browser.context.newPage(),
      browser.url('src/popup/index.html'),
    ).open();
    await p.page.getByLabel('Call from').selectOption({ label: '+1 613-555-0101 · Support' });
    await p.call('(973) 555-1212');
    await p.message('status', 'your phone will ring first');
    expect(fake.calls().map((c) => c.fields)).toEqual([
      { to: '19735551212', caller_id_number: '+16135550101' },
    ]);
    // Remembered: a new popup shows the same choice.
    await p.page.reload();
    await expect.poll(() => p.page.getByLabel('Call from').inputValue()).toBe('+16135550101');
    await p.page.getByLabel('Call from').selectOption({ label: 'net2phone default' });
    // Later tests expect net2phone's default: wait until the choice is stored.
    const savedCallerId = () =>
      p.page.evaluate(async () => {
        const api = (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome;
        const { settings } = await api.storage.local.get('settings');
        return (settings as { callerId?: string } | undefined)?.callerId ?? '';
      });
    await expect.poll(savedCallerId).toBe('');
    await p.page.close();
  });

  it('lists a placed call under Recent calls and redials it with one request', async () => {
    const p = await new PopupPage(
      await browser.context.newPage(),
      browser.url('src/popup/index.html'),
    ).open();
    await p.call('+44 20 7031 3000');
    await p.message('status', 'your phone will ring first');
    const again = p.page.getByRole('button', { name: 'Call +44 20 7031 3000 again' }).first();
    await again.waitFor();
    await new Promise((r) => setTimeout(r, 1_100));
    await again.click();
    await expect.poll(() => fake.calls().length).toBe(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.calls().map((c) => c.fields.to)).toEqual(['011442070313000', '011442070313000']);
    await p.page.close();
  });

  it('turns detection off and on for the current site, in an open tab, without reload, with the badge', async () => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    await expect.poll(() => markCount(page), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => badgeFor('http://127.0.0.1/')).toBe('2');
    const host = new URL(pageUrl).hostname;
    const p = await popupBeside(page);
    const toggle = p.page.getByRole('switch', { name: `Find numbers on ${host}` });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => markCount(page), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => badgeFor('http://127.0.0.1/')).toBe('');
    await toggle.click();
    await expect.poll(() => markCount(page), { timeout: 10_000 }).toBe(2);
    await p.page.close();
    await page.close();
  });
});

describe('calling from the keyboard and the address bar', () => {
  it('the keyboard command calls the selected text, once', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${pageUrl}command-test`);
    await page.evaluate(() => {
      const text = document.getElementById('p')?.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, text.data.indexOf('212'));
      range.setEnd(text, text.data.indexOf(' today'));
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    await dispatch('commands.onCommand', ['$activeTab']);
    const calls = await waitForCalls(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.calls()).toHaveLength(1);
    expect(calls[0]?.fields).toEqual({ to: '12125550147' });
    await page.close();
  });

  it('the omnibox keyword calls what was typed, once', async () => {
    await dispatch('omnibox.onInputEntered', ['973 555 1212', 'currentTab']);
    const calls = await waitForCalls(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.calls()).toHaveLength(1);
    expect(calls[0]?.fields).toEqual({ to: '19735551212' });
  });

  it('the omnibox sends nothing for input that is not a number', async () => {
    await dispatch('omnibox.onInputEntered', ['order 12345', 'currentTab']);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.calls()).toHaveLength(0);
  });
});

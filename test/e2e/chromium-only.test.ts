import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Tab } from './support/driver';
import { outsideRateWindow, useHarness } from './support/harness';
import { HOSTS } from './support/hosts';
import { ConfirmWindow, noConfirmWindow } from './support/pages/confirm';
import { Popup } from './support/pages/popup';

/**
 * What only Chromium lets a test do, through the same harness: stop the service worker (Firefox
 * runs an event page that BiDi cannot stop), and reach the context menu, the keyboard command
 * and the omnibox, whose events Chromium's worker can dispatch to its own listeners exactly as a
 * real click or key does (Firefox offers no such path and no way to use its menus headless).
 */
describe('chromium only', () => {
  const h = useHarness('chromium', { signIn: true });

  beforeEach(() => {
    outsideRateWindow(h.fake);
    h.fake.clearLog();
  });
  // The toolbar popup a test opened to grant activeTab: a second press would close it instead.
  afterEach(async () => {
    for (const page of h.chromium.context.pages()) {
      if (page.url().startsWith(h.driver.extensionUrl('src/popup/index.html'))) await page.close();
    }
  });

  /** Dispatches one of Chrome's extension events in the service worker, as the browser would. */
  async function dispatch(event: string, args: unknown[]) {
    const worker = await h.chromium.worker();
    await worker.evaluate(
      ({ event, args }) => {
        const api = (globalThis as unknown as { chrome: Record<string, Record<string, unknown>> })
          .chrome;
        const [ns, name] = event.split('.') as [string, string];
        const target = api[ns]?.[name] as { dispatch(...a: unknown[]): void } | undefined;
        if (!target) throw new Error(`no chrome.${event}`);
        target.dispatch(...args);
      },
      { event, args },
    );
  }

  /** The calls the fake received, once they equal `expected`. */
  const calls = () => h.fake.calls().map((c) => c.fields);

  /**
   * For input that must not call: a later valid call through the same path is the positive sign
   * that the first was handled; only that one may reach net2phone.
   */
  async function onlyTheNextCallGoesThrough(next: () => Promise<void>, to: string) {
    outsideRateWindow(h.fake);
    await next();
    await expect.poll(calls).toEqual([{ to }]);
  }

  /** Selects the whole text of `selector` on the page, as a user's drag would; returns it. */
  function select(page: Tab, selector: string): Promise<string> {
    return page.world((selector: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`no ${selector}`);
      const range = document.createRange();
      range.selectNodeContents(element);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return getSelection()?.toString() ?? '';
    }, selector);
  }

  /** "Call with net2phone" chosen on `page`'s top frame, with what Chrome passes. */
  async function chooseMenuItem(page: Tab, info: Record<string, unknown>) {
    // A right-click grants activeTab, as the toolbar button does: the tab's address is then ours.
    await h.chromium.clickToolbarButton(page);
    const worker = await h.chromium.worker();
    const url = await page.url();
    await worker.evaluate(
      async ({ info, url }) => {
        const api = (
          globalThis as unknown as {
            chrome: {
              tabs: { query(q: object): Promise<{ url?: string }[]> };
              contextMenus: { onClicked: { dispatch(...a: unknown[]): void } };
            };
          }
        ).chrome;
        const tab = (await api.tabs.query({})).find((t) => t.url === url);
        api.contextMenus.onClicked.dispatch(
          {
            menuItemId: 'call-with-net2phone',
            editable: false,
            frameId: 0,
            pageUrl: tab?.url,
            ...info,
          },
          tab,
        );
      },
      { info, url },
    );
  }

  /**
   * The "call the selection" shortcut on `page`, as Chrome dispatches it. A real key press grants
   * activeTab, which reading the page's selection needs; a dispatched event does not, so the test
   * grants it the way the toolbar button does. The tab is found by address: a confirmation window
   * closed in an earlier test may have had the focus.
   */
  async function pressCallShortcut(page: Tab) {
    await h.chromium.clickToolbarButton(page);
    const worker = await h.chromium.worker();
    await worker.evaluate(
      async (url) => {
        const api = (
          globalThis as unknown as {
            chrome: {
              tabs: { query(q: object): Promise<{ url?: string }[]> };
              commands: { onCommand: { dispatch(...a: unknown[]): void } };
            };
          }
        ).chrome;
        const tab = (await api.tabs.query({})).find((t) => t.url === url);
        api.commands.onCommand.dispatch('call-selection', tab);
      },
      await page.url(),
    );
  }

  const UNSEEN = 'This number was not on the page as you saw it';

  describe('the context menu', () => {
    it('calls a selected number the user sees, with no confirmation', async () => {
      const page = await h.driver.newTab(h.site.page('contact.html', HOSTS.crm));
      await chooseMenuItem(page, { selectionText: await select(page, '.tel') });
      await expect.poll(calls).toEqual([{ to: '19735550142' }]);
      expect(await h.driver.openedPage('src/confirm/index.html', 300)).toBeNull();
      await page.close();
    });

    it('a selection with hidden text is shown in the confirmation window instead of dialed', async () => {
      const page = await h.driver.newTab(h.site.page('hidden-text.html', HOSTS.crm));
      await chooseMenuItem(page, { selectionText: await select(page, '#font0') });
      const window = (await ConfirmWindow.opened(h.driver)) as ConfirmWindow;
      const asked = await window.read();
      expect(asked.number).toBe('+1 900-555-0199');
      expect(asked.reasons.join(' ')).toContain(UNSEEN);
      await window.answer('Cancel');
      await noConfirmWindow(h.driver);
      expect(calls()).toEqual([]);
      await page.close();
    });

    it('a tel: link not right-clicked on screen is confirmed first; Call calls it once', async () => {
      const page = await h.driver.newTab(h.site.page('contact.html', HOSTS.crm));
      await chooseMenuItem(page, {
        linkUrl: 'tel:+44-20-7031-3000',
        selectionText: 'Call our London office',
      });
      const window = (await ConfirmWindow.opened(h.driver)) as ConfirmWindow;
      expect(await window.read()).toMatchObject({
        number: '+44 20 7031 3000',
        place: 'Destination: United Kingdom',
      });
      await window.answer('Call');
      await expect.poll(calls).toEqual([{ to: '011442070313000' }]);
      await window.close();
      await page.close();
    });

    it('sends nothing for a selection that is not a number', async () => {
      const page = await h.driver.newTab(h.site.page('contact.html', HOSTS.crm));
      await chooseMenuItem(page, { selectionText: 'order 12345' });
      await onlyTheNextCallGoesThrough(
        async () => chooseMenuItem(page, { selectionText: await select(page, '#desks em') }),
        '19735550170',
      );
      await page.close();
    });
  });

  describe('the keyboard command and the omnibox', () => {
    it('the keyboard command calls the selected text, once', async () => {
      const page = await h.driver.newTab(h.site.page('contact.html', HOSTS.crm));
      await page.world(() => {
        const text = document.querySelector('.tel')?.firstChild as Text;
        const range = document.createRange();
        range.selectNodeContents(text);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }, null);
      await pressCallShortcut(page);
      await expect.poll(calls).toEqual([{ to: '19735550142' }]);
      await page.close();
    });

    it('the keyboard command shows a selection with hidden text in the confirmation window', async () => {
      const page = await h.driver.newTab(h.site.page('hidden-text.html', HOSTS.crm));
      await select(page, '#font0');
      await pressCallShortcut(page);
      const window = (await ConfirmWindow.opened(h.driver)) as ConfirmWindow;
      expect((await window.read()).reasons.join(' ')).toContain(UNSEEN);
      await window.answer('Cancel');
      await noConfirmWindow(h.driver);
      expect(calls()).toEqual([]);
      await page.close();
    });

    it('the omnibox keyword asks before a premium-rate number; Cancel sends nothing', async () => {
      await dispatch('omnibox.onInputEntered', ['1 900 976 1234', 'currentTab']);
      const window = (await ConfirmWindow.opened(h.driver)) as ConfirmWindow;
      expect((await window.read()).reasons.join(' ')).toContain('premium-rate');
      await window.answer('Cancel');
      await noConfirmWindow(h.driver);
      expect(calls()).toEqual([]);
    });

    it('the omnibox keyword calls what was typed, once', async () => {
      await dispatch('omnibox.onInputEntered', ['973 555 1212', 'currentTab']);
      await expect.poll(calls).toEqual([{ to: '19735551212' }]);
    });

    it('keeps recent calls out of storage.local, which content scripts can read', async () => {
      await dispatch('omnibox.onInputEntered', ['973 555 0188', 'currentTab']);
      await expect.poll(calls).toEqual([{ to: '19735550188' }]);
      const worker = await h.chromium.worker();
      const stored = () =>
        worker.evaluate(async () => {
          const api = (
            globalThis as unknown as {
              chrome: { storage: { local: { get(k: null): Promise<object> } } };
            }
          ).chrome;
          return Object.keys(await api.storage.local.get(null));
        });
      // The popup lists the call (from IndexedDB) while storage.local never holds it.
      const p = await Popup.open(h.driver);
      await p.waitFor({ role: 'button', name: 'Call +1 973-555-0188 again' });
      await p.close();
      expect(await stored()).not.toContain('history');
    });

    it('the omnibox sends nothing for input that is not a number', async () => {
      await dispatch('omnibox.onInputEntered', ['order 12345', 'currentTab']);
      await onlyTheNextCallGoesThrough(
        () => dispatch('omnibox.onInputEntered', ['604 555 0147', 'currentTab']),
        '16045550147',
      );
    });
  });

  describe('the omnibox suggestion', () => {
    it('shows typed control characters and markup without an unhandled rejection', async () => {
      const worker = await h.chromium.worker();
      const outcome = await worker.evaluate(async () => {
        const scope = globalThis as unknown as {
          chrome: {
            omnibox: {
              setDefaultSuggestion(s: { description: string }): Promise<void>;
              onInputChanged: { dispatch(...a: unknown[]): void };
            };
          };
          addEventListener(type: string, listener: (e: { reason: unknown }) => void): void;
        };
        const unhandled: string[] = [];
        scope.addEventListener('unhandledrejection', (e) => unhandled.push(String(e.reason)));
        // What the extension used to send: Chrome refuses it.
        const refused = await scope.chrome.omnibox
          .setDefaultSuggestion({ description: '\u0001' })
          .then(
            () => '',
            (e: unknown) => String(e),
          );
        for (const input of ['\u0001', '973\u0000 555 1212', '<b>&</b>\u0085', '\ud800']) {
          scope.chrome.omnibox.onInputChanged.dispatch(input, () => {});
        }
        // The recorder hears a rejection nobody handles (so its silence below means something).
        void Promise.reject(new Error('probe'));
        await new Promise((resolve) => setTimeout(resolve, 500));
        return { refused, unhandled };
      });
      expect(outcome.refused).toMatch(/XML|Char/i);
      expect(outcome.unhandled).toEqual(['Error: probe']);
    });
  });

  describe('the service worker', () => {
    it('stays signed in when the service worker is stopped, and can still call', async () => {
      await h.chromium.stopWorker();
      const p = await Popup.open(h.driver);
      await p.waitForYourNumbers();
      await p.call('973-555-0211');
      await p.message('status', 'your phone will ring first');
      await expect.poll(calls).toEqual([{ to: '19735550211' }]);
      await p.close();
    });

    it('still asks before calling again a number whose last call’s status is unknown, after the service worker stopped', async () => {
      const p = await Popup.open(h.driver);
      await p.waitForYourNumbers();
      h.fake.inject({ kind: 'cut', path: '/api/calls/', method: 'POST' });
      await p.call('973-555-0216');
      await p.message('alert', /Status unknown/);
      expect(calls()).toEqual([{ to: '19735550216' }]);
      h.fake.clearFaults();
      // Idle for 30 s, Chrome stops the worker: what it held in memory is gone.
      await h.chromium.stopWorker();
      outsideRateWindow(h.fake);
      await p.call('973-555-0216');
      const window = (await ConfirmWindow.opened(h.driver)) as ConfirmWindow;
      expect((await window.read()).reasons.join(' ')).toContain(
        'Your last call to this number may have been placed',
      );
      await window.answer('Cancel');
      await noConfirmWindow(h.driver);
      expect(calls()).toEqual([{ to: '19735550216' }]);
      await p.close();
    });
  });
});

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Surface, Tab } from './support/driver';
import { CONTACT, TEL_LINKS } from './support/fixture-numbers';
import { BROWSERS, outsideRateWindow, useHarness } from './support/harness';
import { HOSTS } from './support/hosts';
import {
  elementCentre,
  HIGHLIGHT,
  markCentre,
  readMarks,
  scanMeasures,
  settledMarks,
  textCentre,
} from './support/page-marks';
import { CARD_HOST, Card, ONLY_THE_HOST, SEEN_MS } from './support/pages/card';
import { Options } from './support/pages/options';
import type { SiteHost } from './support/static-server';

/**
 * The content script in real Chromium and Firefox ESR, on the fixture pages of
 * test/fixtures/pages served from sites of their own (crm.example.test, ads.example.net, …):
 * what it marks (also in shadow roots, same-site and cross-site frames), that it never touches
 * the page, the call card, tel: links, live pages, page-script attacks, and the per-site switch.
 * Calls go to the fake net2phone API.
 */

/** The only two numbers on the traps page (its #real section). */
const TRAPS = ['(973) 555-1212', '+44 20 7946 0958'];
const SHADOW = ['973-555-0301', '(973) 555-0302', '212-555-0303', '416-555-0304'];
const SHADOW_LATE = [...SHADOW, '514-555-0306', '303-555-0307'];
const FRAME = ['(201) 555-0308', '+353 1 234 5678'];
const AD_FRAME = ['(646) 555-0134', '+44 20 7946 0321'];

const sorted = (list: string[]) => [...list].sort();

describe.each(BROWSERS)('%s: the content script', (name) => {
  const h = useHarness(name, { signIn: true });

  interface Loaded {
    tab: Tab;
    card: Card;
    marks: string[];
  }

  /** Tabs to close after the current test (see `open`). */
  const transient: Tab[] = [];
  afterEach(async () => {
    for (const tab of transient.splice(0)) await tab.close();
  });

  /** A fresh tab on a fixture, once its marks settled (at least `atLeast`); closed after the test unless `keep`. */
  async function open(page: string, atLeast = 1, keep = false, host?: SiteHost): Promise<Loaded> {
    const tab = await h.driver.newTab(h.site.page(page, host));
    if (!keep) transient.push(tab);
    return { tab, card: new Card(tab), marks: await settledMarks(tab.world, { atLeast }) };
  }

  /** Pages that are only read, loaded once for every test that reads them. */
  const readOnly = new Map<string, Promise<Loaded>>();
  const fixture = (page: string, atLeast: number) => {
    if (!readOnly.has(page)) readOnly.set(page, open(page, atLeast, true));
    return readOnly.get(page) as Promise<Loaded>;
  };

  const crmNumbers = (tab: Tab) =>
    tab.world(
      () => [...document.querySelectorAll('[data-phone]')].map((el) => el.textContent ?? ''),
      null,
    );

  /** A real mouse click (trusted) on the marked number that reads `text`. */
  async function clickNumber(surface: Surface, text: string) {
    await surface.clickAt(await markCentre(surface.world, text));
  }

  /** A real click on the element `selector` (e.g. a link). */
  async function clickElement(surface: Surface, selector: string) {
    await surface.clickAt(await elementCentre(surface.world, selector));
  }

  const bodyUntouched = (tab: Tab) =>
    tab.world(
      () => ({
        same:
          (window as unknown as { bodyAtParse?: string }).bodyAtParse === document.body.innerHTML,
        html: [...document.documentElement.children].map((el) => el.tagName),
      }),
      null,
    );

  describe('marking', () => {
    it('marks every phone cell of a 200-contact CRM table and nothing else', async () => {
      const { tab, marks } = await fixture('crm.html', 328);
      const expected = await crmNumbers(tab);
      expect(expected).toHaveLength(328);
      expect(marks).toEqual(sorted(expected));
    });

    it.each([
      ['contact.html', CONTACT],
      ['traps.html', TRAPS],
      ['tel-links.html', TEL_LINKS],
    ])('marks exactly the expected numbers on %s', async (page, expected) => {
      const { marks } = await fixture(page, expected.length);
      expect(marks).toEqual(sorted(expected));
    });

    it.each(['crm.html', 'contact.html', 'traps.html', 'tel-links.html'])(
      'leaves document.body.innerHTML of %s byte-identical',
      async (page) => {
        const { tab } = await fixture(page, 1);
        expect(await bodyUntouched(tab)).toEqual({ same: true, html: ['HEAD', 'BODY'] });
      },
    );

    it('records its scan passes as net2phone:scan measures the page can read', async () => {
      const { tab } = await fixture('crm.html', 328);
      const measures = await scanMeasures(tab.world);
      expect(measures.count).toBeGreaterThan(0);
      console.info(
        `${name} crm.html: ${measures.count} net2phone:scan measures, longest ${measures.longest.toFixed(1)} ms`,
      );
    });

    it('marks numbers in open shadow roots (nested, declarative, added later) and a same-site iframe', async () => {
      const loaded = await open('shadow.html', SHADOW.length);
      expect(loaded.marks).toEqual(sorted(SHADOW));
      const frame = await loaded.tab.frame('#frame');
      expect(await settledMarks(frame.world, { atLeast: FRAME.length })).toEqual(sorted(FRAME));
      // Scanning the roots left the light DOM as parsed (shadow content is not in innerHTML).
      expect((await bodyUntouched(loaded.tab)).same).toBe(true);
      // A host inserted with its root already filled, and text added inside a scanned root.
      await loaded.tab.world(() => (window as unknown as { addLate(): void }).addLate(), null);
      expect(await settledMarks(loaded.tab.world, { atLeast: SHADOW_LATE.length })).toEqual(
        sorted(SHADOW_LATE),
      );
    });

    it('marks the numbers of a cross-site frame (ads.example.net inside crm.example.test)', async () => {
      const loaded = await open('cross-site.html', 1);
      expect(loaded.marks).toEqual(['(973) 555-0190']);
      const ad = await loaded.tab.frame('#ad');
      expect(await ad.world(() => location.host.split(':')[0], null)).toBe(HOSTS.ads);
      expect(await settledMarks(ad.world, { atLeast: AD_FRAME.length })).toEqual(sorted(AD_FRAME));
    });

    it('marks nothing in inputs, textareas, editable areas, scripts, styles, code or pre, even as they change', async () => {
      const loaded = await open('tel-links.html', TEL_LINKS.length);
      expect(loaded.marks).toEqual(sorted(TEL_LINKS));
      // The user types a number into the editable area…
      await clickElement(loaded.tab, '#editable');
      await loaded.tab.press('End');
      await loaded.tab.type(' or 973-555-0423');
      expect(
        await loaded.tab.world(() => document.querySelector('#editable')?.textContent, null),
      ).toContain('973-555-0423');
      // …and the page rewrites text in every place that must stay unmarked, then (last) in a
      // paragraph, which proves the changes were seen and scanned.
      await loaded.tab.world(() => {
        const $ = (selector: string) => document.querySelector(selector) as HTMLElement;
        $('#textarea').textContent = 'Call 973-555-0420';
        $('#pre').textContent = 'dial 973-555-0421';
        $('#editable').append(' and 973-555-0422');
        ($('#editable-nested').firstChild as Text).data = 'Nested 973-555-0424 ';
        $('#code code').textContent = 'dial 973-555-0425';
        const script = document.createElement('script');
        script.textContent = '// 973-555-0426';
        document.body.append(script);
        const style = document.createElement('style');
        style.textContent = '/* 973-555-0427 */';
        document.head.append(style);
        $('#visible').textContent = 'Or dial 973-555-0171 from any phone.';
      }, null);
      const want = ['+1 416 555 0123', '973-555-0171'];
      expect(
        await settledMarks(loaded.tab.world, { toEqual: want }).catch(() =>
          readMarks(loaded.tab.world),
        ),
      ).toEqual(want);
    });

    it('follows a re-rendering app: no errors, removed text loses its mark, new numbers get one', async () => {
      // The hotline shares a text node with a counter the app re-renders every few ms at first.
      const hotline = '973-555-0180';
      const steps = [
        [hotline, '(973) 555-0101', '212-555-0102', '+1 416 555 0103', '(800) 555-0104'],
        [hotline, '(973) 555-0101', '212-555-0199', '+1 416 555 0103', '(800) 555-0104'],
        [hotline, '212-555-0199', '+1 416 555 0103', '604-555-0105', '(800) 555-0104'],
        [hotline, '(905) 555-0106', '+1 416 555 0103', '604-555-0105', '(888) 555-0104'],
        [hotline, '(905) 555-0106', '+1 416 555 0103', '604-555-0105', '(888) 555-0104'],
        [hotline, '(888) 555-0104'],
      ];
      const { tab } = await open('app.html', 5);
      const seen: string[][] = [];
      for (let step = 0; step < steps.length; step++) {
        if (step > 0) {
          await tab.world(() => (window as unknown as { app: { next(): void } }).app.next(), null);
        }
        seen.push(
          await settledMarks(tab.world, { toEqual: steps[step] }).catch(() => readMarks(tab.world)),
        );
      }
      expect(seen).toEqual(steps.map(sorted));
      expect(
        await tab.world(() => (window as unknown as { appErrors: string[] }).appErrors, null),
      ).toEqual([]);
    });

    it('marks all of 1,000 rows a page appends', async () => {
      const { tab } = await open('crm.html', 328);
      const result = await tab.world(async (name: string) => {
        const areas = ['212', '312', '415', '617', '416', '604', '514', '303', '206', '512'];
        const formats = [
          (a: string, l: number) => `(${a}) 555-${l}`,
          (a: string, l: number) => `${a}-555-${l}`,
          (a: string, l: number) => `${a}.555.${l}`,
          (a: string, l: number) => `+1 ${a} 555 ${l}`,
        ];
        const numbers: string[] = [];
        const rows = document.createDocumentFragment();
        for (let i = 0; i < 1000; i++) {
          const number = formats[i % 4]?.(areas[i % 10] ?? '', 1000 + i) ?? '';
          numbers.push(number);
          const tr = document.createElement('tr');
          tr.innerHTML = `<td>N-${200 + i}</td><td>Lead ${i}</td><td>Imported 2024-03-15</td><td>${number}</td>`;
          rows.append(tr);
        }
        const marked = () => CSS.highlights.get(name)?.size ?? 0;
        const before = marked();
        const start = performance.now();
        document.querySelector('#contacts tbody')?.append(rows);
        // Poll from the page itself, so the figure is page time, not test round trips.
        const ms = await new Promise<number>((resolve) => {
          const check = () => {
            if (marked() >= before + 1000) resolve(performance.now() - start);
            else if (performance.now() - start > 10_000) resolve(-1);
            else setTimeout(check, 0);
          };
          check();
        });
        return { numbers, ms };
      }, HIGHLIGHT);
      const marks = await settledMarks(tab.world, { atLeast: 1328 });
      const expected = [...(await crmNumbers(tab)), ...result.numbers];
      expect(expected).toHaveLength(1328);
      expect(marks).toEqual(sorted(expected));
      console.info(
        `${name}: 1,000 appended rows all marked ${result.ms.toFixed(0)} ms after the append`,
      );
      expect(result.ms).toBeGreaterThan(0);
    });
  });

  describe('calling from the page', () => {
    beforeAll(() => h.fake.clearLog());
    beforeEach(() => outsideRateWindow(h.fake));
    afterEach(() => h.fake.clearLog());

    it('places exactly one call after a trusted click on a number and on Call', async () => {
      const { tab, card } = await open('contact.html', CONTACT.length);
      await clickNumber(tab, '(973) 555-1212');
      expect(await card.opened()).toBe('Call +1 973-555-1212');
      await card.call();
      await card.status('your phone will ring first');
      await expect.poll(() => h.fake.calls().map((c) => c.fields)).toEqual([{ to: '19735551212' }]);
    });

    it('opens the card for a number inside a shadow root and inside the same-site iframe', async () => {
      const { tab, card } = await open('shadow.html', SHADOW.length);
      await clickNumber(tab, '212-555-0303'); // in the nested shadow root
      expect(await card.opened()).toBe('Call +1 212-555-0303');
      await tab.press('Escape');
      await card.closed();

      const frame = await tab.frame('#frame');
      await settledMarks(frame.world, { atLeast: FRAME.length });
      await clickNumber(frame, '(201) 555-0308');
      // The frame's own content script shows the card in the frame's document.
      expect(await new Card(frame).opened()).toBe('Call +1 201-555-0308');
      expect((await card.state()).open).toBe(false);
      expect(h.fake.calls()).toEqual([]);
    });

    it('opens the card in a cross-site frame for a click on its number; Call places one call', async () => {
      const { tab, card } = await open('cross-site.html', 1);
      const ad = await tab.frame('#ad');
      await settledMarks(ad.world, { atLeast: AD_FRAME.length });
      await clickNumber(ad, '(646) 555-0134');
      const inFrame = new Card(ad);
      expect(await inFrame.opened()).toBe('Call +1 646-555-0134');
      expect((await card.state()).open).toBe(false);
      await inFrame.call();
      await inFrame.status('your phone will ring first');
      await expect.poll(() => h.fake.calls().map((c) => c.fields)).toEqual([{ to: '16465550134' }]);
    });

    it('closes the card on Escape (its host leaves the DOM) and on a click elsewhere', async () => {
      const { tab, card } = await open('contact.html', CONTACT.length);
      await clickNumber(tab, '+44 20 7946 0958');
      expect(await card.opened()).toBe('Call +44 20 7946 0958');
      await tab.press('Escape');
      await card.closed();
      expect((await bodyUntouched(tab)).html).toEqual(['HEAD', 'BODY']);
      // A click elsewhere closes it too.
      await clickNumber(tab, '+49 30 901820');
      await card.opened();
      await tab.clickAt({ x: 5, y: 5 });
      await card.closed();
      expect(h.fake.calls()).toEqual([]);
    });

    it('opens the card for a tel: link instead of following it; Call places one call to its number', async () => {
      const { tab, card } = await open('tel-links.html', TEL_LINKS.length);
      const url = await tab.url();
      await clickElement(tab, '#tel-ext');
      expect(await card.opened()).toBe('Call +1 973-555-0150');
      // The page saw its click cancelled, and stayed where it was.
      expect(
        await tab.world(() => (window as unknown as { lastClick: unknown }).lastClick, null),
      ).toEqual({
        href: 'tel:+1-973-555-0150;ext=204',
        defaultPrevented: true,
      });
      expect(await tab.url()).toBe(url);
      await card.call();
      await card.status('your phone will ring first');
      await expect.poll(() => h.fake.calls().map((c) => c.fields)).toEqual([{ to: '19735550150' }]);
    });

    it.each([
      ['#tel-plain', 'Call +1 973-555-1212'],
      ['#tel-escaped', 'Call +1 416-555-0123'],
      ['#callto', 'Call +44 20 7946 0958'],
      ['#callto-slashes', 'Call +1 604-555-0147'],
    ])('shows the number of the link %s on the card', async (selector, button) => {
      const { tab, card } = await fixture('tel-links.html', TEL_LINKS.length);
      await clickElement(tab, selector);
      expect(await card.opened()).toBe(button);
      await tab.press('Escape');
      await card.closed();
      expect(h.fake.calls()).toEqual([]);
    });

    it('says a tel: link holds no number it can read, shows none of the link, and offers no Call', async () => {
      const { tab, card } = await fixture('tel-links.html', TEL_LINKS.length);
      await clickElement(tab, '#tel-words');
      await card.opened();
      const state = await card.status('not a phone number net2phone can call');
      expect(state.heading).toBe('Number not recognised');
      expect(state.button).toBeNull();
      expect(state.text).not.toContain('call-us-now');
      await tab.press('Escape');
      await card.closed();
      expect(h.fake.calls()).toEqual([]);
    });

    it('opens the card wholly inside the window in quirks mode, above a number near its bottom', async () => {
      const { tab, card } = await open('quirks.html', 2);
      const height = await tab.world(() => {
        // The night desk's number 30 px above the window's bottom edge.
        const p = document.getElementById('bottom-number') as HTMLElement;
        window.scrollBy(0, p.getBoundingClientRect().bottom - window.innerHeight + 30);
        return { window: window.innerHeight, quirks: document.compatMode };
      }, null);
      expect(height.quirks).toBe('BackCompat');
      await clickNumber(tab, '(973) 555-0182');
      expect(await card.opened()).toBe('Call +1 973-555-0182');
      const { box } = await card.state();
      const number = await tab.world(
        () => (document.getElementById('bottom-number') as HTMLElement).getBoundingClientRect().top,
        null,
      );
      expect(box?.bottom).toBeLessThanOrEqual(number);
      expect(box?.top).toBeGreaterThanOrEqual(0);
      await tab.press('Escape');
      await card.closed();
    });
  });

  describe('page scripts cannot place a call', () => {
    let contact: Loaded;
    let links: Loaded;

    beforeAll(async () => {
      // No log clearing between these tests: the last one proves none of them called.
      h.fake.clearLog();
      contact = await open('contact.html', CONTACT.length, true);
      links = await open('tel-links.html', TEL_LINKS.length, true);
      for (const { tab } of [contact, links]) await watchCardOpenings(tab);
    });

    afterEach(async () => {
      for (const { tab, card } of [contact, links]) {
        await tab.press('Escape');
        await card.closed();
      }
    });

    /** The user opens the card on the main line (a real click). */
    async function userOpensCard() {
      await clickNumber(contact.tab, '(973) 555-0142');
      await contact.card.opened();
    }

    /**
     * What an accepted Call click does at once (before any message leaves the page): the status
     * reads "Calling…". So right after a page script's attempt, an empty status is proof.
     */
    async function expectCardUntouched() {
      expect(await contact.card.state()).toMatchObject({
        open: true,
        button: 'Call +1 973-555-0142',
        status: '',
        signIn: false,
      });
      expect(h.fake.calls()).toEqual([]);
    }

    it('(a) clicking the Call button with .click() after the user opened the card', async () => {
      await userOpensCard();
      // The root is closed: the page finds no button, only the host, and clicks that.
      expect(await contact.card.pageClicksCall()).toEqual(ONLY_THE_HOST);
      await expectCardUntouched();
    });

    it('(b) a synthetic click at the number does not even open the card', async () => {
      const before = await cardOpenings(contact.tab);
      const { x, y } = await markCentre(contact.tab.world, '(973) 555-0142');
      await contact.tab.world(
        ({ x, y }) => {
          const target = document.elementFromPoint(x, y) as HTMLElement;
          const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y };
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) {
            target.dispatchEvent(new PointerEvent(type, init));
          }
          target.dispatchEvent(new MouseEvent('click', { ...init, button: 0, view: window }));
          target.click();
        },
        { x, y },
      );
      // The content script handles clicks in order: once a real click's card is open, the
      // synthetic one had its turn. Exactly one card opened: the user's.
      await userOpensCard();
      expect(await cardOpenings(contact.tab)).toBe(before + 1);
    });

    it('(b) a synthetic click dispatched on the Call button', async () => {
      await userOpensCard();
      expect(await contact.card.pageDispatchesClickOnCall()).toEqual(ONLY_THE_HOST);
      await expectCardUntouched();
    });

    it('(c) a.click() on a tel: link neither opens the card nor calls', async () => {
      const before = await cardOpenings(links.tab);
      await links.tab.world(
        () => (document.querySelector('#tel-plain') as HTMLElement).click(),
        null,
      );
      await clickElement(links.tab, '#callto');
      expect(await links.card.opened()).toBe('Call +44 20 7946 0958');
      expect(await cardOpenings(links.tab)).toBe(before + 1);
    });

    it('(d) window.postMessage of messages shaped like ours', async () => {
      await contact.tab.world(() => {
        const payload = { number: '+19735551212', source: 'page' };
        const messages = [
          { type: 'placeCall', payload },
          { type: 'placeCall', ...payload },
          JSON.stringify({ type: 'placeCall', payload }),
          { channel: 'net2phone', message: { type: 'placeCall', payload } },
        ];
        for (const message of messages) window.postMessage(message, '*');
      }, null);
      // The last test of this block proves no call followed.
      expect(h.fake.calls()).toEqual([]);
    });

    it('(e) chrome.runtime.sendMessage to our id from the page fails', async () => {
      const outcome = await contact.tab.world(async (id: string) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
          ?.runtime as
          | {
              sendMessage(id: string, message: unknown, reply: (r: unknown) => void): void;
              lastError?: { message: string };
            }
          | undefined;
        if (typeof runtime?.sendMessage !== 'function') return 'no chrome.runtime.sendMessage';
        try {
          return await new Promise<string>((resolve) =>
            runtime.sendMessage(
              id,
              { type: 'placeCall', payload: { number: '+19735551212', source: 'page' } },
              (reply) => resolve(runtime.lastError?.message ?? `answered ${JSON.stringify(reply)}`),
            ),
          );
        } catch (error) {
          return `threw ${error}`;
        }
      }, h.driver.extensionId);
      expect(outcome).not.toMatch(/^answered/);
      console.info(`${name} (e) chrome.runtime.sendMessage from the page: ${outcome}`);
    });

    it('(f) removing our card host, then the user clicks where its button was', async () => {
      await userOpensCard();
      const point = await contact.card.callButtonCentre();
      await contact.card.pageRemovesCard();
      await contact.tab.clickAt(point);
      // The card still works afterwards.
      await userOpensCard();
      await expectCardUntouched();
    });

    it('(f) clearing CSS.highlights or forging a mark, then the user clicks', async () => {
      // A page of its own: what the page does to the registry here stays here.
      const { tab, card } = await open('contact.html', CONTACT.length);
      await watchCardOpenings(tab);
      await tab.world(() => CSS.highlights.clear(), null);
      // Hit-testing uses the content script's own ranges, not the registry the page can edit.
      await tab.clickAt(await textCentre(tab.world, '(973) 555-0143'));
      expect(await card.opened()).toBe('Call +1 973-555-0143');
      await tab.press('Escape');
      await card.closed();
      // A highlight the page registers under our name over words is not a number to call.
      const forged = await tab.world((name: string) => {
        const text = document.querySelector('header strong')?.firstChild as Text;
        const range = document.createRange();
        range.selectNodeContents(text);
        CSS.highlights.set(name, new Highlight(range));
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }, HIGHLIGHT);
      await tab.clickAt(forged);
      // Then a real number: its card is the second (and last) one that ever opened here.
      await tab.clickAt(await textCentre(tab.world, '1-800-555-0199'));
      expect(await card.opened()).toBe('Call +1 800-555-0199');
      expect(await cardOpenings(tab)).toBe(2);
    });

    it('(g) focus and a synthetic Enter or Space on the Call button', async () => {
      await userOpensCard();
      expect(await contact.card.pageKeysOnCall()).toEqual(ONLY_THE_HOST);
      await expectCardUntouched();
    });

    it('after all that, the user can still call with one real click on Call, and nothing else was called', async () => {
      outsideRateWindow(h.fake);
      await clickNumber(contact.tab, '+1 973 555 0160 x12');
      expect(await contact.card.opened()).toBe('Call +1 973-555-0160');
      await contact.card.call();
      await contact.card.status('your phone will ring first');
      // Every attempt above was sent (if at all) before this call: the log holds only this one.
      await expect.poll(() => h.fake.calls().map((c) => c.fields)).toEqual([{ to: '19735550160' }]);
    });
  });

  describe('a hostile page cannot make a real click call (issue 10)', () => {
    /** hostile.html: the number the page wants called, and an ordinary one (for legit calls). */
    const PREMIUM = '1-900-976-1234';
    const ORDINARY = '(973) 555-0188';
    const REFUSED = 'The call was not placed';

    beforeEach(() => {
      outsideRateWindow(h.fake);
      h.fake.clearLog();
    });
    afterEach(() => h.fake.clearLog());

    /** Runs one of the page's own attack helpers (`window.hostile`, see the fixture). */
    function hostile<R>(tab: Tab, method: string, ...args: unknown[]): Promise<R> {
      return tab.world(
        ({ method, args }: { method: string; args: unknown[] }) =>
          (window as unknown as { hostile: Record<string, (...a: unknown[]) => unknown> }).hostile[
            method
          ]?.(...args),
        { method, args },
      ) as Promise<R>;
    }

    /** A fresh hostile page whose card the user opened with a real click on `number`. */
    async function userOpens(number: string): Promise<Loaded> {
      const loaded = await open('hostile.html', 2);
      await clickNumber(loaded.tab, number);
      expect(await loaded.card.opened()).toMatch(/^Call \+1 /);
      return loaded;
    }

    const trustedClicks = (tab: Tab) =>
      tab.world(
        () =>
          (window as unknown as { clicks: { trusted: boolean }[] }).clicks.filter((c) => c.trusted)
            .length,
        null,
      );

    /** The user's real click at `point`, once the page saw it arrive. */
    async function userClicks(tab: Tab, point: { x: number; y: number }) {
      const before = await trustedClicks(tab);
      await tab.clickAt(point);
      await expect.poll(() => trustedClicks(tab)).toBe(before + 1);
    }

    /** The card refused the click on Call: it says why, in an alert, and offers Call no more. */
    async function expectRefused(card: Card) {
      expect(await card.status(REFUSED)).toMatchObject({ open: true, role: 'alert', button: null });
      expect(h.fake.calls()).toEqual([]);
    }

    it('control: a plain card, and a real click on Call once it has been seen, places exactly one call', async () => {
      const { card } = await userOpens(ORDINARY);
      await card.call();
      await card.status('your phone will ring first');
      await expect.poll(() => h.fake.calls().map((c) => c.fields)).toEqual([{ to: '19735550188' }]);
    });

    it('a real click on Call within 500 ms of the card opening is ignored, and says so', async () => {
      const { card } = await userOpens(ORDINARY);
      await card.callImmediately();
      expect(await card.status('Click Call again to place the call.')).toMatchObject({
        button: 'Call +1 973-555-0188',
      });
      expect(h.fake.calls()).toEqual([]);
      // The same click once the card has been seen counts.
      await card.call();
      await card.status('your phone will ring first');
      await expect.poll(() => h.fake.calls().map((c) => c.fields)).toEqual([{ to: '19735550188' }]);
    });

    it.each([
      ['host.style.opacity = 0', 'setHostStyle', ['opacity', '0']],
      [
        "filter: opacity(0) in the host's style attribute",
        'appendHostStyleAttribute',
        ['filter: opacity(0) !important;'],
      ],
      [
        "visibility: hidden in the host's style attribute",
        'appendHostStyleAttribute',
        ['visibility: hidden !important;'],
      ],
    ])(
      '%s: the card closes at once; the click where Call was calls nothing',
      async (_, method, args) => {
        const { tab, card } = await userOpens(PREMIUM);
        const at = await card.callButtonCentre();
        await hostile(tab, method, ...args);
        await card.closed();
        await userClicks(tab, at);
        expect(h.fake.calls()).toEqual([]);
      },
    );

    it('a page stylesheet fading the host loses to its inline style; fading <html> as well gets Call refused', async () => {
      const { tab, card } = await userOpens(PREMIUM);
      await hostile(tab, 'addStylesheet', `${CARD_HOST} { opacity: 0 !important; }`);
      // The host's own `all: initial !important` outranks every page stylesheet.
      expect(await hostile(tab, 'hostLooks')).toMatchObject({ opacity: '1', filter: 'none' });
      await hostile(tab, 'addStylesheet', 'html { filter: opacity(0); }');
      await card.call();
      await expectRefused(card);
    });

    it.each([
      ['filter: opacity(0)', 'html { filter: opacity(0); }'],
      ['opacity: 0.01', 'html { opacity: 0.01; }'],
      ['a transform', 'html { transform: translate(40px, 40px); }'],
    ])(
      'a page stylesheet giving <html> %s: Call is refused at the click, with a reason',
      async (_, css) => {
        const { tab, card } = await userOpens(PREMIUM);
        await hostile(tab, 'addStylesheet', css);
        await card.call();
        await expectRefused(card);
      },
    );

    it('a page stylesheet moving the host (transform) so that Call sits under a fake Continue button', async () => {
      const { tab, card } = await userOpens(PREMIUM);
      const before = await card.state();
      const target = await hostile<{ x: number; y: number }>(tab, 'centreOf', 'continue');
      const [dx, dy] = [target.x - (before.callAt?.x ?? 0), target.y - (before.callAt?.y ?? 0)];
      await hostile(
        tab,
        'addStylesheet',
        `${CARD_HOST} { transform: translate(${dx}px, ${dy}px) !important; translate: ${dx}px ${dy}px !important; }`,
      );
      // The card stays where it was: Call is not over Continue.
      expect(await hostile(tab, 'hostLooks')).toMatchObject({
        transform: 'none',
        translate: 'none',
      });
      expect((await card.state()).box).toEqual(before.box);
      // The user clicks Continue: the page's button gets the click; the card, clicked outside,
      // closes.
      await card.until((s) => s.shownMs >= SEEN_MS, 'was not seen');
      await userClicks(tab, target);
      expect(await lastClickTarget(tab)).toBe('continue');
      await card.closed();
      expect(h.fake.calls()).toEqual([]);
    });

    it('the page cannot reach the shadow root to restyle the card; a later real Call (the card was seen) calls', async () => {
      const { tab, card } = await userOpens(ORDINARY);
      expect(
        await hostile(tab, 'reachIntoCard', '.card, .call { opacity: 0 !important; }', 'x'),
      ).toEqual({ shadowRoot: false, attachShadow: 'NotSupportedError', stolen: 0 });
      const state = await card.state();
      expect(state).toMatchObject({ heading: '+1 973-555-0188', button: 'Call +1 973-555-0188' });
      // What the card renders is what it styles itself: nothing of the page's CSS got in.
      expect(await cardOpacity(card)).toBe('1');
      await card.call();
      await card.status('your phone will ring first');
      await expect.poll(() => h.fake.calls().map((c) => c.fields)).toEqual([{ to: '19735550188' }]);
    });

    it('the page cannot reword the card: it still shows the number the parser read', async () => {
      const { tab, card } = await userOpens(PREMIUM);
      expect(await hostile(tab, 'reachIntoCard', '', '+1 800-555-0100')).toEqual({
        shadowRoot: false,
        attachShadow: 'NotSupportedError',
        stolen: 0,
      });
      const state = await card.state();
      expect(state).toMatchObject({
        open: true,
        heading: '+1 900-976-1234',
        button: 'Call +1 900-976-1234',
      });
      expect(state.text).not.toContain('800-555-0100');
      expect(h.fake.calls()).toEqual([]);
    });

    // A custom element's ElementInternals hold its shadow root even when closed, so the card's host
    // is a plain <div>, which no page definition (custom tag or customized built-in) can upgrade.
    it('custom elements the page defines (the old tag name, a customized div) get no hold of the card, and cannot fade it into a call', async () => {
      const { tab, card } = await open('hostile.html', 2);
      await hostile(tab, 'defineCardElement');
      await clickNumber(tab, PREMIUM);
      expect(await card.opened()).toBe('Call +1 900-976-1234');
      // For a custom element, `ElementInternals.shadowRoot` is its shadow root, even a closed one.
      const reach = await hostile<{ upgraded: boolean; reach: string[] }>(
        tab,
        'internalsReach',
        '.card, .call { opacity: 0 !important; }',
      );
      expect(reach).toEqual({ upgraded: false, reach: [] });
      // Nothing of the page's stylesheet reached inside: the card still shows its number and Call.
      expect(await card.state()).toMatchObject({ open: true, button: 'Call +1 900-976-1234' });
      expect(h.fake.calls()).toEqual([]);
    });

    it('a full-screen pointer-events:none overlay at z-index max cannot cover the card (top layer); a real Call calls once', async () => {
      const { tab, card } = await userOpens(ORDINARY);
      await hostile(tab, 'coverWithOverlay');
      const at = await card.callButtonCentre();
      // As the page's own hit test sees it: the card's host is painted above the overlay.
      expect(await hostile(tab, 'topAt', at.x, at.y)).toBe('card');
      await card.call();
      await card.status('your phone will ring first');
      await expect.poll(() => h.fake.calls().map((c) => c.fields)).toEqual([{ to: '19735550188' }]);
    });

    it('a top-layer popover the page opens over the card closes the card; the click there calls nothing', async () => {
      const { tab, card } = await userOpens(PREMIUM);
      const at = await card.callButtonCentre();
      expect(await hostile(tab, 'coverWithPopover')).toBe(true);
      await card.closed();
      await userClicks(tab, at);
      expect(h.fake.calls()).toEqual([]);
    });

    it('a double click on the number, with the page scrolling the card under the pointer in between, calls nothing', async () => {
      const { tab, card } = await open('hostile.html', 2);
      // Where Call opens relative to the number (an attacker measures the card beforehand).
      const number = await markCentre(tab.world, PREMIUM);
      await tab.clickAt(number);
      const { callAt } = await card.until((s) => s.callAt !== null, 'showed no Call');
      await tab.press('Escape');
      await card.closed();
      const dy = (callAt?.y ?? 0) - number.y;
      await hostile(tab, 'scrollWhenCardOpens', dy);
      // The second click of the double click lands on Call, 100 ms after the first.
      await tab.doubleClickAt(number, 100);
      expect(
        await tab.world(
          () => (window as unknown as { scrolledForCard: boolean }).scrolledForCard,
          null,
        ),
      ).toBe(true);
      // The second click lands on Call and is ignored (too soon after the card appeared there),
      // or, when the card took longer than the gap to open, on the page: either way no call.
      const after = await card.until((s) => s.open, 'did not open');
      expect(after.button).toBe('Call +1 900-976-1234');
      expect([
        'Click Call again to place the call.',
        'You will be asked to confirm this call.',
      ]).toContain(after.status);
      await new Promise((r) => setTimeout(r, 300));
      expect(h.fake.calls()).toEqual([]);
      expect(await h.driver.openedPage('src/confirm/index.html', 0)).toBeNull();
    });

    it('a real Enter and a real Space right after the card opened by mouse do nothing: Call has no focus', async () => {
      const { tab, card } = await userOpens(PREMIUM);
      await tab.press('Enter');
      await tab.type(' ');
      await expect
        .poll(() =>
          tab.world(
            () =>
              (window as unknown as { keys: { trusted: boolean; key: string }[] }).keys
                .filter((k) => k.trusted)
                .map((k) => k.key),
            null,
          ),
        )
        .toEqual(['Enter', ' ']);
      // Focus stayed in the page (with Call focused, the page would see our host as active).
      expect(await tab.world(() => document.activeElement?.localName, null)).toBe('body');
      // Untouched: still the line it opened with (a premium-rate number: it will ask first).
      expect(await card.state()).toMatchObject({
        open: true,
        status: 'You will be asked to confirm this call.',
        button: 'Call +1 900-976-1234',
      });
      expect(await h.driver.openedPage('src/confirm/index.html', 300)).toBeNull();
      expect(h.fake.calls()).toEqual([]);
    });
  });

  describe('the per-site switch (in the options)', () => {
    it('removes every mark without a reload, opens nothing while off, and brings them back', async () => {
      const { tab, card } = await open('contact.html', CONTACT.length);
      const options = await Options.open(h.driver);
      transient.push(options.tab);
      await options.turnOffSite(HOSTS.crm);
      await expect.poll(() => readMarks(tab.world), { timeout: 10_000 }).toEqual([]);
      expect(await tab.world((name: string) => CSS.highlights.has(name), HIGHLIGHT)).toBe(false);
      // Off means off: a click on the number opens nothing. Nothing would show that the click
      // was ignored, so this one check waits: 300 ms, longer than a card takes to open.
      await tab.clickAt(await textCentre(tab.world, '555-1212'));
      await new Promise((r) => setTimeout(r, 300));
      expect((await card.state()).open).toBe(false);
      // Another site is not affected.
      const other = await open('contact.html', CONTACT.length, false, HOSTS.ads);
      expect(other.marks).toEqual(sorted(CONTACT));

      await options.turnOnSite(HOSTS.crm);
      await expect.poll(() => readMarks(tab.world), { timeout: 10_000 }).toEqual(sorted(CONTACT));
    });
  });
});

/** The id (or tag) of the element the page saw the last click on. */
function lastClickTarget(tab: Tab) {
  return tab.world(
    () => (window as unknown as { clicks: { target: string }[] }).clicks.at(-1)?.target,
    null,
  );
}

/** The opacity the card's own box is painted with (inside its shadow root). */
function cardOpacity(card: Card) {
  return card.surface.inShadowRoot(
    CARD_HOST,
    (root) => {
      const box = root.querySelector('.card');
      const button = root.querySelector('button.call');
      return box && button
        ? String(Number(getComputedStyle(box).opacity) * Number(getComputedStyle(button).opacity))
        : null;
    },
    null,
  );
}

/** Counts, from the page's world, every call card host attached to <html> from now on. */
function watchCardOpenings(tab: Tab) {
  return tab.world(() => {
    const w = window as unknown as { cardOpenings?: number };
    w.cardOpenings = 0;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (node instanceof Element && node.matches('[data-net2phone-call-card]'))
            w.cardOpenings = (w.cardOpenings ?? 0) + 1;
        }
      }
    }).observe(document.documentElement, { childList: true });
  }, null);
}

function cardOpenings(tab: Tab) {
  return tab.world(() => (window as unknown as { cardOpenings: number }).cardOpenings, null);
}

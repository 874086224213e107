import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeApi, startFakeApi } from '../fake-api/server';
import { buildExtension } from './support/build-extension';
import { type ExtensionBrowser, launchWithExtension } from './support/chromium';
import { CONTACT, TEL_LINKS } from './support/fixture-numbers';
import {
  callButtonCentre,
  cardState,
  chromiumWorld,
  type Evaluate,
  HIGHLIGHT,
  markCentre,
  readMarks,
  scanMeasures,
  settledMarks,
  textCentre,
} from './support/page-marks';
import { signInThroughPopup } from './support/popup-page';
import { type StaticServer, serveFixtures } from './support/static-server';

/**
 * The content script (issue 4) in real Chromium, on the fixture pages of
 * test/fixtures/pages served from 127.0.0.1: what it marks, that it never
 * touches the page, the call card, tel: links, live pages, page-script
 * attacks, and the per-site switch. Calls go to the fake net2phone API.
 */
let fake: FakeApi;
let site: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  fake = await startFakeApi({ accessTokenTtlSeconds: 3599 });
  site = await serveFixtures();
  browser = await launchWithExtension(await buildExtension('chrome', fake.url));
  await signInThroughPopup(browser);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await fake?.close();
});

/** The only two numbers on the traps page (its #real section). */
const TRAPS = ['(973) 555-1212', '+44 20 7946 0958'];
const SHADOW = ['973-555-0301', '(973) 555-0302', '212-555-0303', '416-555-0304'];
const SHADOW_LATE = [...SHADOW, '514-555-0306', '303-555-0307'];
const FRAME = ['(201) 555-0308', '+353 1 234 5678'];

const sorted = (list: string[]) => [...list].sort();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Loaded {
  page: Page;
  world: Evaluate;
  marks: string[];
  /** console.error messages and uncaught errors of the page. */
  errors: string[];
}

/** Tabs to close after the current test (see `open`). */
const transient: Page[] = [];
afterEach(async () => {
  for (const page of transient.splice(0)) await page.close();
});

/**
 * A fresh tab on a fixture, once its marks settled (at least `atLeast` of
 * them); closed after the test unless `keep`.
 */
async function open(name: string, atLeast = 1, keep = false): Promise<Loaded> {
  const page = await browser.context.newPage();
  if (!keep) transient.push(page);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.page(name));
  const world = chromiumWorld(page);
  const marks = await settledMarks(world, { atLeast });
  return { page, world, marks, errors };
}

/** Pages that are only read, loaded once for every test that reads them. */
const readOnly = new Map<string, Promise<Loaded>>();
const fixture = (name: string, atLeast: number) => {
  if (!readOnly.has(name)) readOnly.set(name, open(name, atLeast, true));
  return readOnly.get(name) as Promise<Loaded>;
};

const crmNumbers = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-phone]')].map((el) => el.textContent ?? ''),
  );

/** A real mouse click (trusted) on the marked number that reads `text`. */
async function clickNumber({ page, world }: Loaded, text: string) {
  const { x, y } = await markCentre(world, text);
  await page.mouse.click(x, y);
}

async function waitForCard(world: Evaluate, open = true) {
  for (let i = 0; i < 100; i++) {
    if ((await cardState(world)).open === open) return cardState(world);
    await sleep(30);
  }
  throw new Error(`the call card did not ${open ? 'open' : 'close'}`);
}

const waitForCalls = async (count: number) => {
  for (let i = 0; i < 100 && fake.calls().length < count; i++) await sleep(50);
  return fake.calls();
};

/** Long enough for a call request to reach the fake if anything had asked for one. */
const expectNoCall = async () => {
  await sleep(400);
  expect(fake.calls()).toEqual([]);
};

describe('marking', () => {
  it('marks every phone cell of a 200-contact CRM table and nothing else', async () => {
    const { page, marks } = await fixture('crm.html', 328);
    const expected = await crmNumbers(page);
    expect(expected).toHaveLength(328);
    expect(marks).toEqual(sorted(expected));
  });

  it.each([
    ['contact.html', CONTACT],
    ['traps.html', TRAPS],
    ['tel-links.html', TEL_LINKS],
  ])('marks exactly the expected numbers on %s', async (name, expected) => {
    const { marks } = await fixture(name, expected.length);
    expect(marks).toEqual(sorted(expected));
  });

  it.each(['crm.html', 'contact.html', 'traps.html', 'tel-links.html'])(
    'leaves document.body.innerHTML of %s byte-identical',
    async (name) => {
      const { page } = await fixture(name, 1);
      const snapshot = await page.evaluate(() => ({
        same:
          (window as unknown as { bodyAtParse: string }).bodyAtParse === document.body.innerHTML,
        taken: typeof (window as unknown as { bodyAtParse?: string }).bodyAtParse,
        html: [...document.documentElement.children].map((el) => el.tagName),
      }));
      expect(snapshot).toEqual({ same: true, taken: 'string', html: ['HEAD', 'BODY'] });
    },
  );

  it('records its scan passes as net2phone:scan measures the page can read', async () => {
    const { world } = await fixture('crm.html', 328);
    const measures = await scanMeasures(world);
    expect(measures.count).toBeGreaterThan(0);
    console.info(
      `crm.html: ${measures.count} net2phone:scan measures, longest ${measures.longest.toFixed(1)} ms`,
    );
  });

  it('marks numbers in open shadow roots (nested, declarative, added later) and a same-origin iframe', async () => {
    const loaded = await open('shadow.html', SHADOW.length);
    expect(loaded.marks).toEqual(sorted(SHADOW));
    const frame = loaded.page.frames().find((f) => f.url().endsWith('/iframe-child.html'));
    if (!frame) throw new Error('the iframe did not load');
    expect(await settledMarks(chromiumWorld(frame), { atLeast: FRAME.length })).toEqual(
      sorted(FRAME),
    );
    // Scanning the roots left the light DOM as parsed (shadow content is not in innerHTML).
    expect(
      await loaded.page.evaluate(
        () =>
          (window as unknown as { bodyAtParse: string }).bodyAtParse === document.body.innerHTML,
      ),
    ).toBe(true);
    // A host inserted with its root already filled, and text added inside a scanned root.
    await loaded.page.evaluate(() => (window as unknown as { addLate(): void }).addLate());
    expect(await settledMarks(loaded.world, { atLeast: SHADOW_LATE.length })).toEqual(
      sorted(SHADOW_LATE),
    );
  });

  it('marks nothing in inputs, textareas, editable areas, scripts, styles, code or pre, even as they change', async () => {
    const loaded = await open('tel-links.html', TEL_LINKS.length);
    expect(loaded.marks).toEqual(sorted(TEL_LINKS));
    // The user types a number into the editable area…
    await loaded.page.click('#editable');
    await loaded.page.keyboard.press('End');
    await loaded.page.keyboard.type(' or 973-555-0423');
    // …and the page rewrites text in every place that must stay unmarked, then (last) in a
    // paragraph, which proves the changes were seen and scanned.
    await loaded.page.evaluate(() => {
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
    });
    expect(
      await settledMarks(loaded.world, { toEqual: ['+1 416 555 0123', '973-555-0171'] }).catch(
        async (error) => [`${error}`, ...(await readMarks(loaded.world))],
      ),
    ).toEqual(['+1 416 555 0123', '973-555-0171']);
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
    const loaded = await open('app.html', 5);
    const seen: string[][] = [];
    for (let step = 0; step < steps.length; step++) {
      if (step > 0) {
        await loaded.page.evaluate(() =>
          (window as unknown as { app: { next(): void } }).app.next(),
        );
      }
      seen.push(
        await settledMarks(loaded.world, { toEqual: steps[step] }).catch(() =>
          readMarks(loaded.world),
        ),
      );
    }
    expect(seen).toEqual(steps.map(sorted));
    const appErrors = await loaded.page.evaluate(
      () => (window as unknown as { appErrors: string[] }).appErrors,
    );
    expect(appErrors).toEqual([]);
    expect(loaded.errors).toEqual([]);
  });

  it('marks all of 1,000 rows a page appends', async () => {
    const loaded = await open('crm.html', 328);
    const result = await loaded.page.evaluate(async (name) => {
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
    const marks = await settledMarks(loaded.world, { atLeast: 1328 });
    const expected = [...(await crmNumbers(loaded.page)), ...result.numbers];
    expect(expected).toHaveLength(1328);
    expect(marks).toEqual(sorted(expected));
    console.info(`1,000 appended rows: all marked ${result.ms.toFixed(0)} ms after the append`);
    expect(result.ms).toBeGreaterThan(0);
  });
});

describe('calling from the page', () => {
  beforeEach(() => fake.clearLog());

  it('places exactly one call after a trusted click on a number and on Call', async () => {
    const loaded = await open('contact.html', CONTACT.length);
    await clickNumber(loaded, '(973) 555-1212');
    expect(await waitForCard(loaded.world)).toEqual({
      open: true,
      button: 'Call +1 973-555-1212',
    });
    await loaded.page.getByRole('button', { name: 'Call +1 973-555-1212' }).click();
    await loaded.page
      .getByRole('status')
      .filter({ hasText: 'your phone will ring first' })
      .waitFor();
    const calls = await waitForCalls(1);
    await sleep(500);
    expect(fake.calls()).toHaveLength(1);
    expect(calls[0]?.fields).toEqual({ to: '19735551212' });
  });

  it('opens the card for a number inside a shadow root and inside the iframe', async () => {
    const loaded = await open('shadow.html', SHADOW.length);
    await clickNumber(loaded, '212-555-0303'); // in the nested shadow root
    expect((await waitForCard(loaded.world)).button).toBe('Call +1 212-555-0303');
    await loaded.page.keyboard.press('Escape');
    await waitForCard(loaded.world, false);

    const frame = loaded.page.frames().find((f) => f.url().endsWith('/iframe-child.html'));
    if (!frame) throw new Error('the iframe did not load');
    const inFrame = chromiumWorld(frame);
    await settledMarks(inFrame, { atLeast: FRAME.length });
    const box = await loaded.page.locator('#frame').boundingBox();
    const point = await markCentre(inFrame, '(201) 555-0308');
    // +1: the iframe's border.
    await loaded.page.mouse.click((box?.x ?? 0) + 1 + point.x, (box?.y ?? 0) + 1 + point.y);
    // The frame's own content script shows the card in the frame's document.
    expect((await waitForCard(inFrame)).button).toBe('Call +1 201-555-0308');
    expect(fake.calls()).toEqual([]);
  });

  it('closes the card on Escape (its host leaves the DOM) and on a click elsewhere', async () => {
    const loaded = await open('contact.html', CONTACT.length);
    await clickNumber(loaded, '+44 20 7946 0958');
    expect((await waitForCard(loaded.world)).button).toBe('Call +44 20 7946 0958');
    await loaded.page.keyboard.press('Escape');
    expect(await waitForCard(loaded.world, false)).toEqual({ open: false, button: null });
    expect(
      await loaded.page.evaluate(() =>
        [...document.documentElement.children].map((e) => e.tagName),
      ),
    ).toEqual(['HEAD', 'BODY']);
    // A click elsewhere closes it too.
    await clickNumber(loaded, '+49 30 901820');
    await waitForCard(loaded.world);
    await loaded.page.mouse.click(5, 5);
    expect(await waitForCard(loaded.world, false)).toEqual({ open: false, button: null });
    await expectNoCall();
  });

  it('opens the card for a tel: link instead of following it; Call places one call to its number', async () => {
    const loaded = await open('tel-links.html', TEL_LINKS.length);
    const url = loaded.page.url();
    await loaded.page.click('#tel-ext');
    expect((await waitForCard(loaded.world)).button).toBe('Call +1 973-555-0150');
    expect(
      await loaded.page.evaluate(() => (window as unknown as { lastClick: unknown }).lastClick),
    ).toEqual({
      href: 'tel:+1-973-555-0150;ext=204',
      defaultPrevented: true,
    });
    expect(loaded.page.url()).toBe(url);
    await loaded.page.getByRole('button', { name: 'Call +1 973-555-0150' }).click();
    const calls = await waitForCalls(1);
    await sleep(500);
    expect(fake.calls()).toHaveLength(1);
    expect(calls[0]?.fields).toEqual({ to: '19735550150' });
  });

  it.each([
    ['#tel-plain', 'Call +1 973-555-1212'],
    ['#tel-escaped', 'Call +1 416-555-0123'],
    ['#callto', 'Call +44 20 7946 0958'],
    ['#callto-slashes', 'Call +1 604-555-0147'],
  ])('shows the number of the link %s on the card', async (selector, button) => {
    const loaded = await fixture('tel-links.html', TEL_LINKS.length);
    await loaded.page.click(selector);
    expect((await waitForCard(loaded.world)).button).toBe(button);
    await loaded.page.keyboard.press('Escape');
    await waitForCard(loaded.world, false);
    expect(fake.calls()).toEqual([]);
  });
});

describe('page scripts cannot place a call', () => {
  let contact: Loaded;
  let links: Loaded;

  beforeAll(async () => {
    contact = await open('contact.html', CONTACT.length, true);
    links = await open('tel-links.html', TEL_LINKS.length, true);
  });

  beforeEach(async () => {
    fake.clearLog();
    await contact.page.keyboard.press('Escape');
    await waitForCard(contact.world, false);
  });

  /** The user opens the card on the main line (a real click). */
  async function userOpensCard() {
    await clickNumber(contact, '(973) 555-0142');
    await waitForCard(contact.world);
  }

  it('(a) clicking the Call button with .click() after the user opened the card', async () => {
    await userOpensCard();
    await contact.page.evaluate(() => {
      const host = document.querySelector('net2phone-call-card');
      const button = host?.shadowRoot?.querySelector('button.call');
      if (!(button instanceof HTMLButtonElement)) throw new Error('no Call button to attack');
      button.click();
    });
    await expectNoCall();
    expect((await cardState(contact.world)).button).toBe('Call +1 973-555-0142');
  });

  it('(b) a synthetic click at the number does not even open the card', async () => {
    const { x, y } = await markCentre(contact.world, '(973) 555-0142');
    await contact.page.evaluate(
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
    await sleep(300);
    expect(await cardState(contact.world)).toEqual({ open: false, button: null });
    await expectNoCall();
  });

  it('(b) a synthetic click dispatched on the Call button', async () => {
    await userOpensCard();
    const { x, y } = await callButtonCentre(contact.world);
    await contact.page.evaluate(
      ({ x, y }) => {
        const button = document
          .querySelector('net2phone-call-card')
          ?.shadowRoot?.querySelector('button.call');
        if (!button) throw new Error('no Call button to attack');
        const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y };
        button.dispatchEvent(new PointerEvent('pointerdown', init));
        button.dispatchEvent(new MouseEvent('mousedown', init));
        button.dispatchEvent(new MouseEvent('mouseup', init));
        button.dispatchEvent(new MouseEvent('click', { ...init, button: 0, view: window }));
      },
      { x, y },
    );
    await expectNoCall();
  });

  it('(c) a.click() on a tel: link neither opens the card nor calls', async () => {
    await links.page.evaluate(() => (document.querySelector('#tel-plain') as HTMLElement).click());
    await sleep(300);
    expect(await cardState(links.world)).toEqual({ open: false, button: null });
    await expectNoCall();
  });

  it('(d) window.postMessage of messages shaped like ours', async () => {
    await contact.page.evaluate(() => {
      const payload = { number: '+19735551212', source: 'page' };
      const messages = [
        { type: 'placeCall', payload },
        { type: 'placeCall', ...payload },
        JSON.stringify({ type: 'placeCall', payload }),
        { channel: 'net2phone', message: { type: 'placeCall', payload } },
      ];
      for (const message of messages) window.postMessage(message, '*');
    });
    await expectNoCall();
  });

  it('(e) chrome.runtime.sendMessage to our id from the page fails', async () => {
    const outcome = await contact.page.evaluate(async (id) => {
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
    }, browser.extensionId);
    expect(outcome).not.toMatch(/^answered/);
    console.info(`(e) chrome.runtime.sendMessage from the page: ${outcome}`);
    await expectNoCall();
  });

  it('(f) removing our card host, then the user clicks where its button was', async () => {
    await userOpensCard();
    const { x, y } = await callButtonCentre(contact.world);
    await contact.page.evaluate(() => document.querySelector('net2phone-call-card')?.remove());
    await contact.page.mouse.click(x, y);
    await expectNoCall();
    // The card still works afterwards.
    await contact.page.keyboard.press('Escape');
    await userOpensCard();
    expect((await cardState(contact.world)).button).toBe('Call +1 973-555-0142');
  });

  it('(f) clearing CSS.highlights or forging a mark, then the user clicks', async () => {
    // A page of its own: what the page does to the registry here stays here.
    const page = await open('contact.html', CONTACT.length);
    await page.page.evaluate(() => CSS.highlights.clear());
    // Hit-testing uses the content script's own ranges, not the registry the page can edit.
    const number = await textCentre(page.world, '(973) 555-0143');
    await page.page.mouse.click(number.x, number.y);
    expect((await waitForCard(page.world)).button).toBe('Call +1 973-555-0143');
    await page.page.keyboard.press('Escape');
    // A highlight the page registers under our name over words is not a number to call.
    const forged = await page.page.evaluate((name) => {
      const text = document.querySelector('header strong')?.firstChild as Text;
      const range = document.createRange();
      range.selectNodeContents(text);
      CSS.highlights.set(name, new Highlight(range));
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }, HIGHLIGHT);
    await page.page.mouse.click(forged.x, forged.y);
    await sleep(300);
    expect(await cardState(page.world)).toEqual({ open: false, button: null });
    await expectNoCall();
  });

  it('(g) focus and a synthetic Enter or Space on the Call button', async () => {
    await userOpensCard();
    await contact.page.evaluate(() => {
      const button = document
        .querySelector('net2phone-call-card')
        ?.shadowRoot?.querySelector('button.call');
      if (!(button instanceof HTMLButtonElement)) throw new Error('no Call button to attack');
      button.focus();
      for (const key of ['Enter', ' ']) {
        for (const type of ['keydown', 'keypress', 'keyup']) {
          button.dispatchEvent(
            new KeyboardEvent(type, { key, code: key === ' ' ? 'Space' : key, bubbles: true }),
          );
        }
      }
    });
    await expectNoCall();
  });

  it('after all that, the user can still call with one real click on Call', async () => {
    await clickNumber(contact, '+1 973 555 0160 x12');
    expect((await waitForCard(contact.world)).button).toBe('Call +1 973-555-0160');
    await contact.page.getByRole('button', { name: 'Call +1 973-555-0160' }).click();
    const calls = await waitForCalls(1);
    await sleep(500);
    expect(fake.calls()).toHaveLength(1);
    expect(calls[0]?.fields).toEqual({ to: '19735550160' });
  });
});

describe('the per-site switch', () => {
  it('removes every mark without a reload, and brings them back', async () => {
    const loaded = await open('contact.html', CONTACT.length);
    const extensionPage = await browser.context.newPage();
    transient.push(extensionPage);
    await extensionPage.goto(browser.url('src/popup/index.html'));
    const setDisabled = (sites: string[]) =>
      extensionPage.evaluate(async (sites) => {
        const storage = (
          globalThis as unknown as {
            chrome: {
              storage: {
                local: {
                  get(key: string): Promise<Record<string, unknown>>;
                  set(items: Record<string, unknown>): Promise<void>;
                };
              };
            };
          }
        ).chrome.storage.local;
        const { settings } = await storage.get('settings');
        await storage.set({ settings: { ...(settings as object), disabledSites: sites } });
      }, sites);
    try {
      await setDisabled(['127.0.0.1']);
      expect(
        await settledMarks(loaded.world, { toEqual: [] }).catch(() => readMarks(loaded.world)),
      ).toEqual([]);
      expect(await loaded.page.evaluate((name) => CSS.highlights.has(name), HIGHLIGHT)).toBe(false);
      // Off means off: a click on the number opens nothing.
      const point = await textCentre(loaded.world, '555-1212');
      await loaded.page.mouse.click(point.x, point.y);
      await sleep(300);
      expect((await cardState(loaded.world)).open).toBe(false);
    } finally {
      await setDisabled([]);
    }
    expect(
      await settledMarks(loaded.world, { toEqual: CONTACT }).catch(() => readMarks(loaded.world)),
    ).toEqual(sorted(CONTACT));
  });
});

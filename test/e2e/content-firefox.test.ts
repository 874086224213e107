import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser, type FakeApi, startFakeApi } from '../fake-api/server';
import { buildExtension } from './support/build-extension';
import { type FirefoxPage, type FirefoxSession, launchFirefox } from './support/firefox';
import { buttonNamed, byLabel } from './support/firefox-controls';
import { CONTACT, TEL_LINKS } from './support/fixture-numbers';
import {
  callButtonCentre,
  cardState,
  type Evaluate,
  elementCentre,
  firefoxWorld,
  markCentre,
  readMarks,
  sameOriginFrame,
  settledMarks,
} from './support/page-marks';
import { type StaticServer, serveFixtures } from './support/static-server';

/**
 * The content script in Firefox ESR (the main cases of content.test.ts, one
 * browser launch): marks on the CRM and contact fixtures read from the page
 * world, the page's body untouched, and a real click on a number then on
 * Call placing exactly one call.
 */
let fake: FakeApi;
let site: StaticServer;
let firefox: FirefoxSession;

beforeAll(async () => {
  fake = await startFakeApi();
  site = await serveFixtures();
  firefox = await launchFirefox({ extensionPath: await buildExtension('firefox', fake.url) });
  await signIn();
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
  await fake?.close();
});

const ESCAPE = '\uE00C';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Through the popup, as a person does. */
async function signIn() {
  const popup = await firefox.newTab(`${firefox.extensionBaseUrl}src/popup/index.html`);
  await popup.waitFor(`document.querySelector('label') !== null`, 10_000);
  await popup.fill(await byLabel(popup, 'Email'), demoUser.username);
  await popup.fill(await byLabel(popup, 'Password'), demoUser.password);
  await popup.fill(await byLabel(popup, 'Client ID'), demoUser.clientId);
  await popup.click(await buttonNamed(popup, 'Sign in'));
  await popup.waitFor(`document.body.innerText.includes('Your numbers')`, 10_000);
  await popup.close();
}

interface Tab {
  page: FirefoxPage;
  world: Evaluate;
  marks: string[];
}

const tabs = new Map<string, Promise<Tab>>();
/** A fixture tab with its settled marks, opened once. */
function fixture(name: string, atLeast: number): Promise<Tab> {
  if (!tabs.has(name)) {
    tabs.set(
      name,
      (async () => {
        const url = site.page(name);
        const page = await firefox.newTab(url);
        await page.waitFor(
          `location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`,
        );
        const world = firefoxWorld(page);
        return { page, world, marks: await settledMarks(world, { atLeast }) };
      })(),
    );
  }
  return tabs.get(name) as Promise<Tab>;
}

describe('Firefox ESR: the content script', () => {
  it('marks every phone cell of the 200-contact CRM table and nothing else', async () => {
    const { world, marks } = await fixture('crm.html', 328);
    const expected = await world(
      () => [...document.querySelectorAll('[data-phone]')].map((el) => el.textContent ?? ''),
      null,
    );
    expect(expected).toHaveLength(328);
    expect(marks).toEqual([...expected].sort());
  });

  it('marks exactly the numbers of the contact page', async () => {
    const { marks } = await fixture('contact.html', CONTACT.length);
    expect(marks).toEqual([...CONTACT].sort());
  });

  it('marks numbers in open shadow roots and a same-origin iframe', async () => {
    const { world, marks } = await fixture('shadow.html', 4);
    expect(marks).toEqual(['(973) 555-0302', '212-555-0303', '416-555-0304', '973-555-0301']);
    const frame = sameOriginFrame(world, '#frame');
    expect(await settledMarks(frame, { atLeast: 2 })).toEqual([
      '(201) 555-0308',
      '+353 1 234 5678',
    ]);
  });

  it('marks nothing in form controls, editable areas, scripts, styles or code', async () => {
    const { marks } = await fixture('tel-links.html', 2);
    expect(marks).toEqual(['+1 416 555 0123', '973-555-0170']);
  });

  it.each(['crm.html', 'contact.html'])(
    'leaves document.body.innerHTML of %s byte-identical',
    async (name) => {
      const { world } = await fixture(name, 1);
      expect(
        await world(
          () => ({
            same:
              (window as unknown as { bodyAtParse: string }).bodyAtParse ===
              document.body.innerHTML,
            html: [...document.documentElement.children].map((el) => el.tagName),
          }),
          null,
        ),
      ).toEqual({ same: true, html: ['HEAD', 'BODY'] });
    },
  );

  it('places exactly one call after a real click on a number and on Call; page clicks place none', async () => {
    const { page, world } = await fixture('contact.html', CONTACT.length);
    fake.clearLog();
    const number = await markCentre(world, '(973) 555-1212');
    await page.clickAt(number.x, number.y);
    await page.waitFor(
      `document.querySelector('net2phone-call-card')?.shadowRoot?.querySelector('button.call')?.textContent === 'Call +1 973-555-1212'`,
    );
    // The page clicking the button itself is not the user.
    await page.evaluate(
      `document.querySelector('net2phone-call-card').shadowRoot.querySelector('button.call').click()`,
    );
    await sleep(700);
    expect(fake.calls()).toEqual([]);

    const button = await callButtonCentre(world);
    await page.clickAt(button.x, button.y);
    for (let i = 0; i < 100 && fake.calls().length === 0; i++) await sleep(50);
    await sleep(500);
    expect(fake.calls().map((c) => c.fields)).toEqual([{ to: '19735551212' }]);

    await page.press(ESCAPE);
    await page.waitFor(`document.querySelector('net2phone-call-card') === null`);
    expect(await cardState(world)).toEqual({ open: false, button: null });
  });

  it('opens the card for a real click on a tel: link instead of following it; Call places one call', async () => {
    const { page, world } = await fixture('tel-links.html', TEL_LINKS.length);
    fake.clearLog();
    const url = await page.evaluate<string>('location.href');
    const link = await elementCentre(world, '#tel-ext');
    await page.clickAt(link.x, link.y);
    await page.waitFor(
      `document.querySelector('net2phone-call-card')?.shadowRoot?.querySelector('button.call')?.textContent === 'Call +1 973-555-0150'`,
    );
    // The page saw its click cancelled, and stayed where it was.
    expect(await page.evaluate('window.lastClick')).toEqual({
      href: 'tel:+1-973-555-0150;ext=204',
      defaultPrevented: true,
    });
    expect(await page.evaluate<string>('location.href')).toBe(url);

    const button = await callButtonCentre(world);
    await page.clickAt(button.x, button.y);
    for (let i = 0; i < 100 && fake.calls().length === 0; i++) await sleep(50);
    await sleep(500);
    expect(fake.calls().map((c) => c.fields)).toEqual([{ to: '19735550150' }]);
    await page.press(ESCAPE);
    await page.waitFor(`document.querySelector('net2phone-call-card') === null`);
  });

  it('unmarks an open tab when its site is turned off in the options, and marks it again when turned back on', async () => {
    const { world } = await fixture('contact.html', CONTACT.length);
    const host = new URL(site.page('contact.html')).hostname;
    const options = await firefox.newTab(`${firefox.extensionBaseUrl}src/options/index.html`);
    await options.waitFor(`document.body.innerText.includes('Site to add')`, 10_000);
    await options.fill(await byLabel(options, 'Site to add'), host);
    await options.click(await buttonNamed(options, 'Add site'));
    await expect.poll(() => readMarks(world), { timeout: 10_000 }).toEqual([]);

    await options.click(await buttonNamed(options, `Remove ${host}`));
    await expect
      .poll(async () => (await readMarks(world)).length, { timeout: 10_000 })
      .toBe(CONTACT.length);
    await options.close();
  });
});

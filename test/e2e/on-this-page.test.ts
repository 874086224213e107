import { afterEach, describe, expect, it } from 'vitest';
import type { Tab } from './support/driver';
import { BROWSERS, outsideRateWindow, useHarness } from './support/harness';
import { HOSTS } from './support/hosts';
import { settledMarks } from './support/page-marks';
import { Card, SEEN_MS } from './support/pages/card';
import { Popup } from './support/pages/popup';

/**
 * "On this page" (issue 11): the numbers the extension marked, reached without a mouse. Keyboard
 * only, from the popup to the card on the page to one call. Both browsers, pages of their own host.
 */
describe.each(BROWSERS)('%s: On this page', (name) => {
  const h = useHarness(name, { signIn: true });
  const tabs: Tab[] = [];
  afterEach(async () => {
    for (const tab of tabs.splice(0)) await tab.close().catch(() => undefined);
    outsideRateWindow(h.fake);
    h.fake.clearLog();
  });

  /** What has the focus in the popup: its accessible name. */
  const focused = (popup: Popup) =>
    popup.tab.world(
      () =>
        document.activeElement?.getAttribute('aria-label') ??
        document.activeElement?.textContent ??
        '',
      null,
    );

  it('lists the page’s numbers with their labels; keyboard only, one reaches its card and calls it once', async () => {
    const page = await h.driver.newTab(h.site.page('contact.html', HOSTS.crm));
    tabs.push(page);
    await settledMarks(page.world, { atLeast: 3 });
    const popup = await Popup.open(h.driver, page);
    tabs.push(popup.tab);
    await popup.waitFor({ role: 'button', name: 'Call +1 973-555-0142' });
    const list = await popup.texts({
      role: 'listitem',
      within: { role: 'region', name: 'On this page' },
    });
    expect(list).toContain('Phone+1 973-555-0142Call…');
    expect(list.some((row) => row.startsWith('Fax+1 973-555-0143'))).toBe(true);

    // Tab through the popup until "Call +1 973-555-0142" has the focus, then Enter.
    for (let i = 0; i < 30 && (await focused(popup)) !== 'Call +1 973-555-0142'; i++) {
      await popup.tab.press('Tab');
    }
    expect(await focused(popup)).toBe('Call +1 973-555-0142');
    if (name === 'chromium') {
      // Enter chooses it; the popup closes itself, which may end the key press early.
      await popup.tab.press('Enter').catch(() => undefined);
    } else {
      // Firefox over BiDi: Tab moves the focus in the popup's window, but Enter and Space there
      // do not activate its buttons (the same button answers a real click), so the last step is
      // a click; everything on the page after it is keyboard only.
      await popup.click({ role: 'button', name: 'Call +1 973-555-0142' });
    }
    // The page scrolled to it and opened its card, Call focused; a person reads it, then Enter.
    const card = new Card(page);
    expect(await card.opened()).toBe('Call +1 973-555-0142');
    await expect
      .poll(() =>
        page.inShadowRoot(
          '[data-net2phone-call-card]',
          (root) => root.activeElement?.textContent ?? null,
          null,
        ),
      )
      .toBe('Call +1 973-555-0142');
    await new Promise((r) => setTimeout(r, SEEN_MS));
    await page.press('Enter');
    await card.status('your phone will ring first');
    await expect.poll(() => h.fake.calls().map((c) => c.fields)).toEqual([{ to: '19735550142' }]);
  });
});

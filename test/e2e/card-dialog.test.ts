import { afterEach, describe, expect, it } from 'vitest';
import type { Tab } from './support/driver';
import { BROWSERS, outsideRateWindow, useHarness } from './support/harness';
import { markCentre, settledMarks } from './support/page-marks';
import { CARD_HOST, Card } from './support/pages/card';
import { ConfirmWindow, noConfirmWindow } from './support/pages/confirm';

/**
 * The call card as a dialog for keyboard and screen-reader users, and its three outcomes
 * (issue 11): focus goes in and stays in, Escape gives it back, "status unknown" is said plainly
 * and a second call to that number asks first. Both browsers, pages from their own host.
 */
describe.each(BROWSERS)('%s: the card as a dialog', (name) => {
  const h = useHarness(name, { signIn: true });
  const tabs: Tab[] = [];
  afterEach(async () => {
    for (const tab of tabs.splice(0)) await tab.close();
    h.fake.clearFaults();
    outsideRateWindow(h.fake);
    h.fake.clearLog();
  });

  async function page(file: string, atLeast: number) {
    const tab = await h.driver.newTab(h.site.page(file));
    tabs.push(tab);
    await settledMarks(tab.world, { atLeast });
    return { tab, card: new Card(tab) };
  }

  /** The text of what has the focus inside the card (its root is closed to the page). */
  const focusedInCard = (tab: Tab) =>
    tab.inShadowRoot(CARD_HOST, (root) => root.activeElement?.textContent ?? null, null);

  it('opened from a tel: link by keyboard: Call has the focus, Tab stays inside, Escape returns to the link', async () => {
    const { tab, card } = await page('tel-links.html', 1);
    await tab.world(() => (document.getElementById('tel-plain') as HTMLElement).focus(), null);
    await tab.press('Enter');
    expect(await card.opened()).toBe('Call +1 973-555-1212');
    await expect.poll(() => focusedInCard(tab)).toBe('Call +1 973-555-1212');
    await tab.press('Tab');
    expect(await focusedInCard(tab)).toBe('×');
    await tab.press('Tab');
    expect(await focusedInCard(tab)).toBe('Call +1 973-555-1212');
    await tab.press('Escape');
    await card.closed();
    expect(await tab.world(() => document.activeElement?.id, null)).toBe('tel-plain');
    expect(h.fake.calls()).toEqual([]);
  });

  it('opened by mouse: no focus taken, and the next Tab leads into the card', async () => {
    const { tab, card } = await page('contact.html', 3);
    await tab.clickAt(await markCentre(tab.world, '(973) 555-0142'));
    await card.opened();
    expect(await focusedInCard(tab)).toBeNull();
    await tab.press('Tab');
    expect(await focusedInCard(tab)).toBe('Call +1 973-555-0142');
  });

  it('a lost connection is "status unknown" in amber; calling again needs a confirmation', async () => {
    const { tab, card } = await page('contact.html', 3);
    h.fake.inject({ kind: 'cut', path: '/api/calls/', method: 'POST' });
    await tab.clickAt(await markCentre(tab.world, '(973) 555-0142'));
    await card.opened();
    await card.call();
    const after = await card.status('Status unknown: net2phone may have placed the call');
    expect(after).toMatchObject({ role: 'alert', button: 'Call again…' });
    expect(h.fake.calls()).toHaveLength(1);
    h.fake.clearFaults();
    outsideRateWindow(h.fake);
    await card.call();
    const window = (await ConfirmWindow.opened(h.driver)) as ConfirmWindow;
    expect((await window.read()).reasons.join(' ')).toContain(
      'Your last call to this number may have been placed',
    );
    await window.answer('Cancel');
    await noConfirmWindow(h.driver);
    expect(h.fake.calls()).toHaveLength(1);
  });
});

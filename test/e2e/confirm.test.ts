import { afterEach, describe, expect, it } from 'vitest';
import type { Tab } from './support/driver';
import { BROWSERS, outsideRateWindow, useHarness } from './support/harness';
import { markCentre, settledMarks } from './support/page-marks';
import { Card } from './support/pages/card';
import { ConfirmWindow, noConfirmWindow } from './support/pages/confirm';
import { Options } from './support/pages/options';
import { Popup } from './support/pages/popup';

/**
 * High-cost destinations (issue 10): a call opens the confirmation window, an extension window no
 * page can reach ("Confirm this call", Call / Cancel), before any request; Cancel sends nothing,
 * Call sends exactly one; an ordinary number is called at once. Pages from their own host.
 */

/** The page's numbers (test/fixtures/pages/high-cost.html), where they ring and why we ask. */
const HIGH_COST: [shown: string, dialed: string, place: string, reason: RegExp][] = [
  ['1-900-976-1234', '+1 900-976-1234', 'United States', /premium-rate/],
  ['(212) 976-1234', '+1 212-976-1234', 'United States', /premium-rate/],
  ['+882 16 1234 5678', '+882 16 1234 5678', 'International network', /satellite or international/],
  [
    '+883 5100 1234 5678',
    '+883 510 012 345 678',
    'International network',
    /satellite or international/,
  ],
  ['+881 6 1234 5678', '+881 6 123 45678', 'Satellite network', /satellite or international/],
  ['+1 809 249 1234', '+1 809-249-1234', 'Dominican Republic', /rings in another country/],
  ['+1 876 927 1234', '+1 876-927-1234', 'Jamaica', /rings in another country/],
  ['+1 473 444 1234', '+1 473-444-1234', 'Grenada', /rings in another country/],
  ['+44 909 879 0000', '+44 909 879 0000', 'United Kingdom', /premium-rate/],
  ['+53 7 832 1234', '+53 7 8321234', 'Cuba', /toll fraud/],
];

const CARIBBEAN = { label: 'North American numbers in other countries (809, 876, 473, 284, 649…)' };
const northAmerica = (stored: Record<string, unknown>) =>
  (stored.confirmHighCost as Record<string, boolean> | undefined)?.northAmerica;

describe.each(BROWSERS)('%s: confirming high-cost calls', (name) => {
  const h = useHarness(name, { signIn: true });
  const tabs: Tab[] = [];
  afterEach(async () => {
    for (const tab of tabs.splice(0)) await tab.close();
    outsideRateWindow(h.fake);
    h.fake.clearLog();
  });

  async function page() {
    const tab = await h.driver.newTab(h.site.page('high-cost.html'));
    tabs.push(tab);
    await settledMarks(tab.world, { atLeast: 12 });
    return { tab, card: new Card(tab) };
  }

  /** The user clicks the number, then Call on its card. */
  async function callFromCard(tab: Tab, card: Card, shown: string) {
    await tab.clickAt(await markCentre(tab.world, shown));
    await card.opened();
    await card.call();
  }

  it('each high-cost number: the card says where it rings and that it will ask; Cancel sends nothing', async () => {
    const { tab, card } = await page();
    for (const [shown, dialed, place, reason] of HIGH_COST) {
      await tab.clickAt(await markCentre(tab.world, shown));
      await card.opened();
      const before = await card.state();
      expect(before.heading).toBe(dialed);
      expect(before.status).toBe('You will be asked to confirm this call.');
      if (place !== 'United States') expect(before.text).toContain(`Destination: ${place}`);
      await card.call();
      const window = await ConfirmWindow.opened(h.driver);
      expect(window, `${shown}: no confirmation window`).not.toBeNull();
      const asked = await (window as ConfirmWindow).read();
      expect(asked).toMatchObject({
        number: dialed,
        place: `Destination: ${place}`,
        focused: 'Cancel',
      });
      expect(asked.reasons.join(' ')).toMatch(reason);
      await (window as ConfirmWindow).answer('Cancel');
      await noConfirmWindow(h.driver);
      await card.status('The call was cancelled; nothing was dialed.');
      expect(h.fake.calls(), shown).toEqual([]);
      await tab.press('Escape');
      await card.closed();
    }
  });

  it('Call in the window places exactly one call and says so there', async () => {
    const { tab, card } = await page();
    await callFromCard(tab, card, '+1 876 927 1234');
    await card.status('Confirm or cancel the call in the window that opened.');
    const window = (await ConfirmWindow.opened(h.driver)) as ConfirmWindow;
    await window.answer('Call');
    await window.message('status', 'your phone will ring first');
    await card.status('your phone will ring first');
    expect(h.fake.calls().map((c) => c.fields)).toEqual([{ to: '18769271234' }]);
    await window.close();
  });

  it('closing the window is Cancel: nothing is sent', async () => {
    const { tab, card } = await page();
    await callFromCard(tab, card, '1-900-976-1234');
    const window = (await ConfirmWindow.opened(h.driver)) as ConfirmWindow;
    await window.close();
    await card.status('The call was cancelled; nothing was dialed.');
    expect(h.fake.calls()).toEqual([]);
  });

  it('an ordinary number is called at once, with no window; a foreign one shows its country', async () => {
    const { tab, card } = await page();
    await callFromCard(tab, card, '(973) 555-0188');
    await card.status('your phone will ring first');
    expect(await h.driver.openedPage('src/confirm/index.html', 500)).toBeNull();
    await expect.poll(() => h.fake.calls().map((c) => c.fields)).toEqual([{ to: '19735550188' }]);
    outsideRateWindow(h.fake);
    await tab.press('Escape');
    await tab.clickAt(await markCentre(tab.world, '+33 1 42 68 53 00'));
    await card.opened();
    expect((await card.state()).text).toContain('Destination: France');
    await card.call();
    await card.status('your phone will ring first');
    expect(await h.driver.openedPage('src/confirm/index.html', 500)).toBeNull();
  });

  it('the dial box asks too: Cancel sends nothing, Call sends one', async () => {
    const popup = await Popup.open(h.driver);
    tabs.push(popup.tab);
    await popup.call('1 900 976 1234');
    const first = (await ConfirmWindow.opened(h.driver)) as ConfirmWindow;
    await first.answer('Cancel');
    await noConfirmWindow(h.driver);
    expect(h.fake.calls()).toEqual([]);
    await popup.click({ role: 'button', name: 'Call' });
    const second = (await ConfirmWindow.opened(h.driver)) as ConfirmWindow;
    await second.answer('Call');
    await second.message('status', 'your phone will ring first');
    await expect.poll(() => h.fake.calls().map((c) => c.fields)).toEqual([{ to: '19009761234' }]);
    await second.close();
  });

  it('an organisation that turned a category off is not asked for it; the others still ask', async () => {
    const options = await Options.open(h.driver);
    tabs.push(options.tab);
    await options.setChecked(CARIBBEAN, false, (stored) => northAmerica(stored) === false);
    const { tab, card } = await page();
    await callFromCard(tab, card, '+1 876 927 1234');
    await card.status('your phone will ring first');
    await expect.poll(() => h.fake.calls().map((c) => c.fields)).toEqual([{ to: '18769271234' }]);
    outsideRateWindow(h.fake);
    await tab.press('Escape');
    await callFromCard(tab, card, '1-900-976-1234');
    const window = (await ConfirmWindow.opened(h.driver)) as ConfirmWindow;
    await window.answer('Cancel');
    await noConfirmWindow(h.driver);
    await options.setChecked(CARIBBEAN, true, (stored) => northAmerica(stored) === true);
  });
});

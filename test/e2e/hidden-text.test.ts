import { afterEach, describe, expect, it } from 'vitest';
import type { Tab } from './support/driver';
import { BROWSERS, useHarness } from './support/harness';
import { markCentre, readMarks, settledMarks } from './support/page-marks';
import { Card } from './support/pages/card';

/**
 * What is dialed is what the user sees (issue 10): numbers with characters hidden by CSS (a
 * zero font size under a `::before` that shows another digit, `display: none`, `hidden`, off
 * the page, `opacity: 0`) or digits of another script are never marked; a number hidden when
 * the page loaded is marked once the page shows it; one the page hides part of after it was
 * marked cannot be called.
 */
const SHOWN = ['1-800-555-0195', '1-900-555-0193'];

describe.each(BROWSERS)('%s: hidden text', (name) => {
  const h = useHarness(name, { signIn: true });
  const tabs: Tab[] = [];
  afterEach(async () => {
    for (const tab of tabs.splice(0)) await tab.close();
  });

  async function open() {
    const tab = await h.driver.newTab(h.site.page('hidden-text.html'));
    tabs.push(tab);
    return { tab, marks: await settledMarks(tab.world, { toEqual: SHOWN }) };
  }

  it('marks only the numbers whose every character is on screen, in one script', async () => {
    const { marks } = await open();
    expect(marks).toEqual([...SHOWN].sort());
  });

  it('marks a number once the page shows it (a <details> opened)', async () => {
    const { tab } = await open();
    await tab.world(() => {
      (document.getElementById('more') as HTMLDetailsElement).open = true;
    }, null);
    await settledMarks(tab.world, { toEqual: [...SHOWN, '(973) 555-0194'] });
  });

  it('refuses to call a number the page partly hid after it was marked', async () => {
    const { tab } = await open();
    const card = new Card(tab);
    await markCentre(tab.world, '1-900-555-0193'); // scrolled into view
    // The page hides the prefix; the range still covers it, and the user clicks the "555-0193"
    // they see.
    const at = await tab.world(() => {
      (document.getElementById('billing-prefix') as HTMLElement).style.display = 'none';
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('billing')?.lastChild as Text);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, null);
    expect(await readMarks(tab.world)).toContain('1-900-555-0193');
    await tab.clickAt(at);
    await card.opened();
    const state = await card.status('Part of this number is hidden');
    expect(state.button).toBeNull();
    expect(h.fake.calls()).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Tab } from './support/driver';
import { BROWSERS, useHarness } from './support/harness';
import { settledMarks } from './support/page-marks';

/**
 * Layout boundaries are separators (issue 12, item 3): the text of elements the page lays out
 * apart (flex and grid items, table cells, list items, blocks) is not run together, so a number
 * between a name and a note in a row of items is found, whatever tags the items are.
 */
const ROTA = [
  '1-713-555-0164',
  '(617) 555-0123',
  '212-555-0187',
  '973-555-0142',
  '305-555-0110',
  '(973) 555-0100',
];

describe.each(BROWSERS)('%s: layout', (name) => {
  const h = useHarness(name);
  const tabs: Tab[] = [];
  afterEach(async () => {
    for (const tab of tabs.splice(0)) await tab.close();
  });

  async function open() {
    const tab = await h.driver.newTab(h.site.page('layout.html'));
    tabs.push(tab);
    return tab;
  }

  it('marks the number in a row of flex, grid, table-cell, list-item and block items', async () => {
    const tab = await open();
    expect(await settledMarks(tab.world, { toEqual: ROTA })).toEqual([...ROTA].sort());
  });

  it('reads a row the page adds later apart too', async () => {
    const tab = await open();
    await settledMarks(tab.world, { toEqual: ROTA });
    await tab.world(() => {
      const row = document.createElement('div');
      row.className = 'row';
      for (const text of ['Priya Nair', '+1 415 555 0199', 'On call 2-6']) {
        const item = document.createElement('span');
        item.textContent = text;
        row.append(item);
      }
      document.getElementById('rota')?.append(row);
    }, null);
    await settledMarks(tab.world, { toEqual: [...ROTA, '+1 415 555 0199'] });
  });
});

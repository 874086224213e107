import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { demoUser } from '../fake-api/server';
import type { Tab } from './support/driver';
import { BROWSERS, outsideRateWindow, useHarness } from './support/harness';
import { HOSTS } from './support/hosts';
import type { Evaluate } from './support/page-marks';
import { markCentre, settledMarks } from './support/page-marks';
import { CARD_HOST, Card } from './support/pages/card';
import { ConfirmWindow } from './support/pages/confirm';
import { Options } from './support/pages/options';
import { Popup, signInThroughPopup } from './support/pages/popup';

/**
 * axe-core (issue 11) on every surface a person uses: the options page signed in and out, the
 * welcome, the popup with On this page listing numbers, the confirmation window, and the call card.
 * Expected: no violation at all (every rule axe runs by default: WCAG 2.x A and AA and its best
 * practices).
 *
 * How axe gets in: extension pages forbid eval and inline scripts (their CSP), so axe's source is
 * made part of the function the driver evaluates (CDP `Runtime.callFunctionOn` in Chromium,
 * WebDriver BiDi `script.evaluate` in Firefox), which no page CSP applies to.
 *
 * The card lives in a CLOSED shadow root, which axe (running in the page) cannot enter. Its markup,
 * styles included, is read through the debugging protocol and axe checks a copy of it in an open
 * shadow root on the same page: its roles, names and contrast, not its behaviour (focus and
 * Escape are tested in content.test.ts).
 */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** A violation as the report needs it: the rule, and each offending node with why. */
interface Violation {
  rule: string;
  impact: string | null;
  nodes: { target: string; html: string; why: string }[];
}

/** axe on the document of `world` (or only inside `within`); its violations. */
function axe(world: Evaluate, within: string | null = null): Promise<Violation[]> {
  const run = new Function(
    'within',
    `${AXE_SOURCE}
;const axe = globalThis.axe;
return axe.run(within ? { include: [[within]] } : document, { resultTypes: ['violations'] }).then((r) =>
  r.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? null,
    nodes: v.nodes.map((n) => ({
      target: JSON.stringify(n.target),
      html: n.html.slice(0, 300),
      why: n.failureSummary ?? '',
    })),
  })),
);`,
  ) as (within: string | null) => Promise<Violation[]>;
  return world(run, within);
}

describe.each(BROWSERS)('%s: axe-core finds no violation', (name) => {
  const h = useHarness(name);
  const tabs: Tab[] = [];
  afterEach(async () => {
    for (const tab of tabs.splice(0)) await tab.close().catch(() => undefined);
    outsideRateWindow(h.fake);
  });

  it('on the welcome page the extension opened after install (signed out)', async () => {
    const welcome = await Options.welcome(h.driver);
    if (!welcome) throw new Error('no welcome page opened after install');
    tabs.push(welcome.tab);
    expect(await welcome.accountText()).toContain('Welcome');
    expect(await axe(welcome.tab.world)).toEqual([]);
  });

  it('on the options page, signed out', async () => {
    const options = await Options.open(h.driver);
    tabs.push(options.tab);
    await options.webhooksLoaded();
    expect(await axe(options.tab.world)).toEqual([]);
  });

  it('on the options page, signed in, with a webhook listed and its Delete asking', async () => {
    await signInThroughPopup(h.driver, demoUser);
    const options = await Options.open(h.driver);
    tabs.push(options.tab);
    await options.webhooksLoaded();
    await options.subscribe('CRM log', `${h.fake.url}/__fake/hook`, 'Only mine');
    await options.webhookMessage('status', /Subscribed/);
    await options.click({ role: 'button', name: 'Delete CRM log' });
    await options.waitFor({ role: 'button', name: 'Yes, delete CRM log' });
    expect(await axe(options.tab.world)).toEqual([]);
    await options.click({ role: 'button', name: 'Yes, delete CRM log' });
    await options.webhookMessage('status', /Deleted/);
  });

  it('on the popup, signed in, with On this page listing the page’s numbers', async () => {
    const page = await h.driver.newTab(h.site.page('contact.html', HOSTS.crm));
    tabs.push(page);
    await settledMarks(page.world, { atLeast: 3 });
    const popup = await Popup.open(h.driver, page);
    tabs.push(popup.tab);
    await popup.waitFor({ role: 'button', name: 'Call +1 973-555-0142' });
    expect(await axe(popup.tab.world)).toEqual([]);
  });

  it('on the confirmation window for a premium-rate number', async () => {
    const popup = await Popup.open(h.driver);
    tabs.push(popup.tab);
    await popup.call('1-900-976-1234');
    const confirm = await ConfirmWindow.opened(h.driver);
    if (!confirm) throw new Error('no confirmation window opened');
    expect(await axe(confirm.tab.world)).toEqual([]);
    await confirm.answer('Cancel');
  });

  it('on the call card (a copy of its markup: axe cannot enter its closed shadow root)', async () => {
    const tab = await h.driver.newTab(h.site.page('contact.html', HOSTS.crm));
    tabs.push(tab);
    await settledMarks(tab.world, { atLeast: 3 });
    const card = new Card(tab);
    await tab.clickAt(await markCentre(tab.world, '(973) 555-0142'));
    await card.opened();
    const markup = await tab.inShadowRoot(CARD_HOST, (root) => root.innerHTML, null);
    if (!markup) throw new Error('the card has no shadow root');
    await tab.world((html: string) => {
      const host = document.createElement('div');
      host.id = 'card-copy';
      document.body.append(host);
      host.attachShadow({ mode: 'open' }).innerHTML = html;
    }, markup);
    // The copy is the card: its dialog and its Call button are there for axe to check.
    expect(
      await tab.world(() => {
        const root = document.getElementById('card-copy')?.shadowRoot;
        return [
          root?.querySelector('[role=dialog]') != null,
          root?.querySelector('button.call')?.textContent,
        ];
      }, null),
    ).toEqual([true, 'Call +1 973-555-0142']);
    expect(await axe(tab.world, '#card-copy')).toEqual([]);
  });

  it('axe does report, on an extension page and a web page alike (a nameless button, an unlabelled field)', async () => {
    const plant = () => {
      const bad = document.createElement('div');
      bad.id = 'planted';
      bad.innerHTML = '<button type="button"></button><input type="text">';
      document.body.append(bad);
    };
    const options = await Options.open(h.driver);
    tabs.push(options.tab);
    const page = await h.driver.newTab(h.site.page('contact.html', HOSTS.crm));
    tabs.push(page);
    for (const world of [options.tab.world, page.world]) {
      await world(plant, null);
      const rules = (await axe(world, '#planted')).map((v) => v.rule);
      expect(rules).toContain('button-name');
      expect(rules).toContain('label');
    }
  });
});

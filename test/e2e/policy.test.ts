import { describe, expect, it } from 'vitest';
import { demoUser } from '../fake-api/server';
import { BROWSERS, useHarness, waitForCalls } from './support/harness';
import { HOSTS } from './support/hosts';
import { readMarks, scanMeasures, settledMarks } from './support/page-marks';
import { Options } from './support/pages/options';
import { Popup } from './support/pages/popup';
import {
  cannotWritePolicies,
  giveOwnId,
  type InstalledPolicy,
  installPolicy,
} from './support/policies';

/**
 * Organisation policies in real Chromium and Firefox ESR (issue 13): the test writes the policy
 * file each browser reads (support/policies.ts), naming an extension id of this run's own, starts
 * the browser, and checks what a user of a managed browser meets. The file is removed afterwards.
 */

/** The organisation's Client ID: only this user has it, so no other could sign in by mistake. */
const ACME_CLIENT_ID = 'acme-policy-client';
const acmeUser = { ...demoUser, clientId: ACME_CLIENT_ID };

/** The policy under test: the README's example for administrators, with the fake's values. */
const TESTED_POLICY = {
  clientId: ACME_CLIENT_ID,
  defaultCountry: 'GB',
  blockedSites: [HOSTS.crm],
  telLinks: true,
  codeBlocks: false,
  webhooks: 'hidden',
  locked: ['defaultCountry', 'blockedSites'],
};

describe.each(BROWSERS)('%s: organisation policies', (name) => {
  const why = cannotWritePolicies(name);
  if (why) {
    it.skip(`skipped: ${why}`, () => {});
    return;
  }
  let policy: InstalledPolicy | undefined;
  const h = useHarness(name, {
    fake: { users: [acmeUser] },
    beforeLaunch: async (dir) => {
      policy = installPolicy(name, giveOwnId(name, dir), TESTED_POLICY);
      return policy.remove;
    },
  });

  it('signs in with email and password only, with the organisation’s Client ID', async () => {
    const popup = await Popup.open(h.driver);
    expect(await popup.bodyText()).toContain('Managed by your organisation');
    expect(await popup.asksForClientId()).toBe(false);
    expect(await popup.has({ role: 'button', name: 'Advanced' })).toBe(false);
    await popup.signIn(acmeUser);
    await popup.waitForYourNumbers();
    const grants = h.fake.log.filter((r) => r.path === '/api/oauth/token/');
    expect(grants.map((r) => r.fields)).toEqual([
      expect.objectContaining({ grant_type: 'password', client_id: ACME_CLIENT_ID }),
    ]);
    await popup.close();
  });

  it('reads the dial box in the organisation’s country: 020 7946 0000 is a London number', async () => {
    const popup = await Popup.open(h.driver);
    h.fake.clearLog();
    await popup.call('020 7946 0000');
    expect((await waitForCalls(h.fake, 1)).map((c) => c.fields)).toEqual([
      { to: '011442079460000' },
    ]);
    await popup.close();
  });

  it('shows the locked country disabled, "Set by your organisation", and no Webhooks', async () => {
    const options = await Options.open(h.driver);
    const country = { role: 'combobox', name: 'Default country' } as const;
    expect(await options.value(country)).toBe('GB');
    const state = await options.tab.world(() => {
      const select = [...document.querySelectorAll('select')].find(
        (s) => s.labels?.[0]?.textContent === 'Default country',
      );
      const notes = (select?.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '');
      return { disabled: select?.disabled, notes };
    }, null);
    expect(state).toEqual({
      disabled: true,
      notes: expect.arrayContaining(['Set by your organisation']),
    });
    expect(await options.bodyText()).toContain('Managed by your organisation');
    expect(await options.has({ role: 'region', name: 'Webhooks' })).toBe(false);
    await options.tab.close();
  });

  it('marks nothing on a blocked site, while a frame from another site on it is marked', async () => {
    // cross-site.html is on crm.example.test (blocked) and embeds ads.example.net (not blocked):
    // both load together, so once the frame is marked the page has had its chance too.
    const tab = await h.driver.newTab(h.site.page('cross-site.html', HOSTS.crm));
    const ad = await tab.frame('#ad');
    expect((await settledMarks(ad.world, { atLeast: 1 })).length).toBeGreaterThan(0);
    expect(await readMarks(tab.world)).toEqual([]);
    expect((await scanMeasures(tab.world)).count).toBe(0);
    await tab.close();
  });

  // Chromium re-reads its policy folder when it changes; Firefox reads policies.json only at
  // start-up, so there a change waits for the next browser start.
  it.runIf(name === 'chromium')(
    'applies a changed policy without a restart: the options page follows',
    async () => {
      const options = await Options.open(h.driver);
      const country = { role: 'combobox', name: 'Default country' } as const;
      expect(await options.value(country)).toBe('GB');
      policy?.update({ ...TESTED_POLICY, defaultCountry: 'FR' });
      await expect
        .poll(() => options.value(country), { timeout: 30_000, interval: 250 })
        .toBe('FR');
      await options.tab.close();
    },
    40_000,
  );
});

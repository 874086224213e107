import { describe, expect, it } from 'vitest';
import { demoUser } from '../fake-api/server';
import { textIn } from '../unit/support/fake-i18n';
import { useHarness } from './support/harness';
import { Popup } from './support/pages/popup';

/** A message of `folder`'s catalog, as the browser fills it in. */
const message = (folder: string, key: string, ...values: string[]) => textIn(folder, key, values);

/**
 * The popup in French, Spanish and Brazilian Portuguese (issue 11: the popup within 600 px and
 * nothing cut off in every language), in Chromium with its language set as a user's system sets
 * it. Debian's Firefox ESR ships English only, so these run in Chromium alone.
 */
describe.each([
  ['fr', 'fr', 'maintenant'],
  ['es', 'es', 'ahora'],
  ['pt_BR', 'pt-BR', 'agora'],
])('chromium in %s: the popup', (folder, tag, now) => {
  const h = useHarness('chromium', { language: folder });

  it('with calls not placed and of unknown status, stays within 600 px and 360 px, cuts nothing, and speaks the language throughout', async () => {
    const p = new Popup(await h.driver.newTab(h.driver.extensionUrl('src/popup/index.html')));
    await p.waitFor({ role: 'button', name: message(folder, 'popupSignIn') });
    // The layout is what this is about: sign in and call through the background, as the popup does.
    const send = (type: string, payload: unknown) =>
      p.withApi((api, m) => api.runtime.sendMessage(m), { type, payload });
    await send('signIn', {
      email: demoUser.username,
      password: demoUser.password,
      clientId: demoUser.clientId,
    });
    h.fake.inject({
      kind: 'status',
      status: 403,
      body: JSON.stringify({ detail: 'Calls to this destination are blocked.' }),
      contentType: 'application/json',
      path: '/api/calls/',
      method: 'POST',
      times: 2,
    });
    await send('placeCall', { number: '973-555-1301', source: 'dial-box' });
    await send('placeCall', { number: '973-555-1302', source: 'history' });
    h.fake.inject({ kind: 'cut', path: '/api/calls/', method: 'POST' });
    await send('placeCall', { number: '973-555-1212', source: 'dial-box' });

    await p.tab.reload();
    await p.waitFor({ role: 'heading', name: message(folder, 'popupYourNumbers') });
    await expect.poll(async () => (await p.recentCalls()).length).toBe(2);
    const [unknown, failed] = await p.recentCalls();
    expect(unknown).toContain(message(folder, 'popupCallUnknown'));
    expect(unknown).toContain(now);
    expect(failed).toContain(message(folder, 'popupCallNotPlaced'));
    // Screen readers read the popup in its language.
    expect(await p.tab.world(() => document.documentElement.lang, null)).toBe(tag);
    const measure = async () => ({
      height: await p.contentHeight(),
      width: await p.contentWidth(),
      clipped: await p.tab.world(
        () =>
          [...document.querySelectorAll<HTMLElement>('body *')]
            .filter((el) => el.scrollWidth > el.clientWidth + 1)
            .filter((el) => getComputedStyle(el).overflowX !== 'visible')
            .map((el) => `${el.tagName}: ${el.textContent?.slice(0, 40)}`),
        null,
      ),
    });
    expect(await measure()).toEqual({ height: expect.any(Number), width: 360, clipped: [] });
    expect((await measure()).height).toBeLessThanOrEqual(600);
    await p.click({ role: 'button', name: message(folder, 'popupShowAllCalls', '3') });
    await expect.poll(async () => (await p.recentCalls()).length).toBe(3);
    expect((await measure()).height).toBeLessThanOrEqual(600);
    // The reason on demand (the popup then grows: the user asked), named in the language.
    const outcome = message(folder, 'popupCallUnknown');
    await p.click({
      role: 'button',
      name: message(folder, 'popupWhyNumber', outcome, '+1 973-555-1212'),
    });
    await expect
      .poll(async () => (await p.recentCalls())[0] ?? '')
      .toContain(message(folder, 'callStatusUnknown').replace(/\s+/g, ' '));

    await p.close();
  });
});

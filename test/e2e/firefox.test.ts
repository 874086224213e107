import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser, type FakeApi, startFakeApi } from '../fake-api/server';
import { buildExtension } from './support/build-extension';
import { type FirefoxSession, launchFirefox } from './support/firefox';
import { buttonNamed, byLabel } from './support/firefox-controls';

/**
 * The Firefox build in Firefox ESR (temporary add-on over WebDriver BiDi):
 * sign in through the popup and place a dial-box call through the fake API.
 */
let fake: FakeApi;
let firefox: FirefoxSession;

beforeAll(async () => {
  fake = await startFakeApi();
  firefox = await launchFirefox({ extensionPath: await buildExtension('firefox', fake.url) });
});

afterAll(async () => {
  await firefox?.close();
  await fake?.close();
});

describe('Firefox ESR', () => {
  it('signs in through the popup and places a dial-box call', async () => {
    const page = await firefox.newTab(`${firefox.extensionBaseUrl}src/popup/index.html`);
    await page.waitFor(`document.querySelector('label') !== null`, 10_000);
    await page.fill(await byLabel(page, 'Email'), demoUser.username);
    await page.fill(await byLabel(page, 'Password'), demoUser.password);
    await page.fill(await byLabel(page, 'Client ID'), demoUser.clientId);
    await page.click(await buttonNamed(page, 'Sign in'));
    await page.waitFor(`document.body.innerText.includes('Your numbers')`, 10_000);
    expect(await page.textContent()).toContain('Dana Demo');

    await page.fill(await byLabel(page, 'Number to call'), '+44 20 7031 3000');
    await page.click(await buttonNamed(page, 'Call'));
    await page.waitFor(`document.body.innerText.includes('your phone will ring first')`, 10_000);

    const calls = fake.calls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.fields).toEqual({ to: '011442070313000' });
    expect(calls[0]?.headers.accept).toBe('application/vnd.integrate.v1.8.0+json');
    expect(calls[0]?.headers.authorization).toMatch(/^Bearer \S+$/);
  });
});

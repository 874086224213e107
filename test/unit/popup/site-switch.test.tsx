// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { SETTINGS_KEY } from '../../../src/shared/settings';
import { text } from '../support/fake-i18n';
import { fakeClient, ok } from './fake-client';
import { type FakeServicesOptions, fakeServices } from './fake-services';
import { adaAccount, adaSession } from './fixtures';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

async function openPopup(options: FakeServicesOptions) {
  const services = fakeServices(options);
  const fake = fakeClient({
    getSession: ok(adaSession),
    getAccount: ok(adaAccount),
    getHistory: ok([]),
  });
  const view = render(<App client={fake.client} services={services.services} />);
  await screen.findByLabelText('Number to call');
  return { services, view };
}

const siteSwitch = (host: string) =>
  screen.findByRole('switch', { name: `Find numbers on ${host}` }) as Promise<HTMLInputElement>;

describe('popup "On this site" switch', () => {
  it('turns detection off for the active tab’s site, at once, and on again', async () => {
    const { services } = await openPopup({ url: 'https://crm.example.com/contacts?id=7' });
    const toggle = await siteSwitch('crm.example.com');
    expect(services.tabs.queries).toEqual([{ active: true, lastFocusedWindow: true }]);
    expect(toggle.checked).toBe(true);

    fireEvent.click(toggle);
    await waitFor(() => expect(services.stored()?.disabledSites).toEqual(['crm.example.com']));
    expect((await siteSwitch('crm.example.com')).checked).toBe(false);
    screen.getByText(text('popupSiteOff'));

    fireEvent.click(await siteSwitch('crm.example.com'));
    await waitFor(() => expect(services.stored()?.disabledSites).toEqual([]));
    expect((await siteSwitch('crm.example.com')).checked).toBe(true);
  });

  it('shows a site turned off earlier as off, and keeps the other sites listed', async () => {
    const { services } = await openPopup({
      url: 'https://mail.example.org/inbox',
      stored: { disabledSites: ['mail.example.org', 'intranet.example.net'] },
    });
    const toggle = await siteSwitch('mail.example.org');
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(services.stored()?.disabledSites).toEqual(['intranet.example.net']));
  });

  it('explains an off switch that comes from a parent domain, and turning on removes it', async () => {
    const { services } = await openPopup({
      url: 'https://crm.example.com/',
      stored: { disabledSites: ['example.com'] },
    });
    const toggle = await siteSwitch('crm.example.com');
    expect(toggle.checked).toBe(false);
    screen.getByText(text('popupSiteOffParent', 'example.com'));

    fireEvent.click(toggle);
    await waitFor(() => expect(services.stored()?.disabledSites).toEqual([]));
  });

  it('follows a change made in the options page while open', async () => {
    const { services } = await openPopup({ url: 'http://127.0.0.1:8080/demo.html' });
    expect((await siteSwitch('127.0.0.1')).checked).toBe(true);
    await services.storage.write({ [SETTINGS_KEY]: { disabledSites: ['127.0.0.1'] } });
    await waitFor(async () => expect((await siteSwitch('127.0.0.1')).checked).toBe(false));
  });

  it.each([
    ['a browser page', 'chrome://newtab/'],
    ['an extension page', 'chrome-extension://abcdefghijklmnop/src/options/index.html'],
    ['a local file', 'file:///home/ada/numbers.html'],
    ['a tab whose URL was not granted', undefined],
  ])('is not shown on %s', async (_, url) => {
    await openPopup({ url });
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('stops listening to storage when the popup closes', async () => {
    const { services, view } = await openPopup({ url: 'https://crm.example.com/' });
    await siteSwitch('crm.example.com');
    expect(services.storage.listenerCount()).toBe(1);
    view.unmount();
    expect(services.storage.listenerCount()).toBe(0);
  });
});

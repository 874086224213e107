// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import type { AccountView } from '../../../src/shared/messages';
import { fakeClient, ok } from './fake-client';
import { type FakeServicesOptions, fakeServices } from './fake-services';
import { adaAccount, adaSession } from './fixtures';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

const twoDevices: AccountView = {
  ...adaAccount,
  devices: [
    { aor: 'sip:100@example.com', user: '100', model: 'Yealink T54W' },
    { aor: 'sip:100a@example.com', user: '100a', model: 'net2phone Softphone' },
  ],
};

async function openPopup(account = twoDevices, options: FakeServicesOptions = {}) {
  const services = fakeServices(options);
  const fake = fakeClient({
    getSession: ok(adaSession),
    getAccount: ok(account),
    getHistory: ok([]),
  });
  render(<App client={fake.client} services={services.services} />);
  await screen.findByLabelText('Number to call');
  return { fake, services };
}

describe('popup under an organisation policy', () => {
  it('says "Managed by your organisation" and locks the site switch with the reason', async () => {
    await openPopup(twoDevices, {
      url: 'https://intranet.acme.example/home',
      managed: { blockedSites: ['intranet.acme.example'], locked: ['blockedSites'] },
    });
    screen.getByText('Managed by your organisation');
    const site = await screen.findByRole('switch', {
      name: 'Find numbers on intranet.acme.example',
    });
    expect((site as HTMLInputElement).checked).toBe(false);
    expect((site as HTMLInputElement).disabled).toBe(true);
    expect(document.getElementById(site.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Set by your organisation',
    );
  });

  it('reads the dial box in the organisation’s country', async () => {
    await openPopup(twoDevices, { managed: { defaultCountry: 'GB' } });
    const box = screen.getByLabelText('Number to call');
    fireEvent.input(box, { target: { value: '020 7946 0000' } });
    await screen.findByText(/\+44 20 7946 0000/);
  });
});

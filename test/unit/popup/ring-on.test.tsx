// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import type { AccountView } from '../../../src/shared/messages';
import { optionTexts } from '../support/options';
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

describe('popup "Ring on"', () => {
  it('offers each device when the account has several; the choice is remembered', async () => {
    const { services } = await openPopup();
    const select = (await screen.findByRole('combobox', { name: 'Ring on' })) as HTMLSelectElement;
    expect(optionTexts(select)).toEqual([
      'net2phone default',
      'Ext. 100 · Yealink T54W',
      'Ext. 100a · net2phone Softphone',
    ]);
    fireEvent.change(select, { target: { value: 'sip:100a@example.com' } });
    await waitFor(() => expect(services.stored()?.ringOn).toBe('sip:100a@example.com'));
    cleanup();

    // Opened again: the saved device is selected.
    await openPopup(twoDevices, { stored: services.stored() });
    const again = (await screen.findByRole('combobox', { name: 'Ring on' })) as HTMLSelectElement;
    expect(again.value).toBe('sip:100a@example.com');
  });

  it('is not offered with one device, and shows a device no longer listed as the default', async () => {
    await openPopup(adaAccount);
    await screen.findByText('Yealink T54W', { exact: false });
    expect(screen.queryByRole('combobox', { name: 'Ring on' })).toBeNull();
    cleanup();

    await openPopup(twoDevices, { stored: { ringOn: 'sip:999@example.com' } });
    const select = (await screen.findByRole('combobox', { name: 'Ring on' })) as HTMLSelectElement;
    expect(select.value).toBe('');
  });
});

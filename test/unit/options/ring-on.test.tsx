// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../../src/shared/messages';
import { ok } from '../popup/fake-client';
import { adaAccount } from '../popup/fixtures';
import { optionTexts } from '../support/options';
import { openOptions } from './open-options';

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

describe('options: Ring on (the default device)', () => {
  it('offers net2phone’s default and each device; the choice is saved', async () => {
    const page = await openOptions({ replies: { getAccount: ok(twoDevices) } });
    const select = (await screen.findByRole('combobox', { name: 'Ring on' })) as HTMLSelectElement;
    expect(optionTexts(select)).toEqual([
      'net2phone default',
      'Ext. 100 · Yealink T54W',
      'Ext. 100a · net2phone Softphone',
    ]);
    fireEvent.change(select, { target: { value: 'sip:100a@example.com' } });
    await screen.findByText('Saved');
    expect(page.stored()?.ringOn).toBe('sip:100a@example.com');
  });

  it('shows a saved device the account no longer lists as the default', async () => {
    await openOptions({
      replies: { getAccount: ok(twoDevices) },
      stored: { ringOn: 'sip:999@example.com' },
    });
    const select = (await screen.findByRole('combobox', { name: 'Ring on' })) as HTMLSelectElement;
    expect(select.value).toBe('');
  });

  it('offers no choice with a single device', async () => {
    await openOptions({ replies: { getAccount: ok(adaAccount) } });
    await screen.findByRole('combobox', { name: 'Default caller ID' });
    expect(screen.queryByRole('combobox', { name: 'Ring on' })).toBeNull();
  });
});

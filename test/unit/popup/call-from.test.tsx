// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { SETTINGS_KEY } from '../../../src/shared/settings';
import { FIXTURE_CALLER_IDS, optionTexts } from '../support/options';
import { fakeClient, ok, type Replies } from './fake-client';
import { fakeServices } from './fake-services';
import { adaAccount, adaSession, noAccount, twoCallerIds } from './fixtures';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

async function openPopup(replies: Replies = {}, services = fakeServices()) {
  const fake = fakeClient({
    getSession: ok(adaSession),
    getAccount: ok(twoCallerIds),
    getHistory: ok([]),
    ...replies,
  });
  const view = render(<App client={fake.client} services={services.services} />);
  await screen.findByLabelText('Number to call');
  return { fake, services, view };
}

const callFrom = () =>
  screen.findByRole('combobox', { name: 'Call from' }) as Promise<HTMLSelectElement>;
const choose = async (value: string) => fireEvent.change(await callFrom(), { target: { value } });

describe('popup "Call from"', () => {
  it('offers net2phone’s default and each caller-ID number with its description', async () => {
    const { fake } = await openPopup();
    const select = await callFrom();
    expect(optionTexts(select)).toEqual(['Your net2phone default number', ...FIXTURE_CALLER_IDS]);
    expect(select.value).toBe('');
    // "Your numbers" and "Call from" share one request.
    expect(fake.sent('getAccount')).toEqual([{ refresh: false }]);
  });

  it('saves the choice as the caller ID, and shows it again in the next popup', async () => {
    const { services, view } = await openPopup();
    await choose('+16135550199');
    await waitFor(() => expect(services.stored()?.callerId).toBe('+16135550199'));

    view.unmount();
    await openPopup({}, services);
    expect((await callFrom()).value).toBe('+16135550199');
  });

  it('goes back to net2phone’s default', async () => {
    const services = fakeServices({ stored: { callerId: '+19735550100' } });
    await openPopup({}, services);
    expect((await callFrom()).value).toBe('+19735550100');
    await choose('');
    await waitFor(() => expect(services.stored()?.callerId).toBe(''));
  });

  it('shows a saved number the account no longer has as the default', async () => {
    await openPopup({}, fakeServices({ stored: { callerId: '+12125550123' } }));
    expect((await callFrom()).value).toBe('');
  });

  it('follows a choice made elsewhere (the options page) while open', async () => {
    const { services } = await openPopup();
    await callFrom();
    await services.storage.write({ [SETTINGS_KEY]: { callerId: '+19735550100' } });
    await waitFor(async () => expect((await callFrom()).value).toBe('+19735550100'));
  });

  it('says so when the choice cannot be saved', async () => {
    const services = fakeServices();
    services.storage.local.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    await openPopup({}, services);
    await choose('+19735550100');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The change was not saved: QUOTA_BYTES quota exceeded',
    );
  });

  it('sits between the number and the Call button, in the dial box', async () => {
    await openPopup();
    const select = await callFrom();
    const number = screen.getByLabelText('Number to call');
    const call = screen.getByRole('button', { name: 'Call' });
    expect(select.form).toBe(call.closest('form'));
    expect(number.compareDocumentPosition(select) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(select.compareDocumentPosition(call) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('offers a single caller-ID number against the default', async () => {
    await openPopup({ getAccount: ok(adaAccount) });
    const select = await callFrom();
    expect(optionTexts(select)).toEqual([
      'Your net2phone default number',
      '+1 973-555-0100 · Main line',
    ]);
  });

  it('says the callee sees the net2phone default number when the account has no caller IDs', async () => {
    await openPopup({ getAccount: ok(noAccount) });
    const form = screen.getByRole('button', { name: 'Call' }).closest('form');
    await waitFor(() =>
      expect(form?.textContent).toContain('Call from Your net2phone default number'),
    );
    expect(screen.queryByRole('combobox', { name: 'Call from' })).toBeNull();
  });
});

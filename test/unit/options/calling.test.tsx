// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../popup/fake-client';
import { adaAccount, noAccount } from '../popup/fixtures';
import { text } from '../support/fake-i18n';
import { FIXTURE_CALLER_IDS, optionTexts } from '../support/options';
import { openOptions, section } from './open-options';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

const callerIdSelect = () =>
  screen.findByRole('combobox', { name: 'Default caller ID' }) as Promise<HTMLSelectElement>;

describe('options: Calling', () => {
  it('offers net2phone’s default and every caller-ID number, and saves the choice', async () => {
    const page = await openOptions();
    const select = await callerIdSelect();
    expect(optionTexts(select)).toEqual(['net2phone default', ...FIXTURE_CALLER_IDS]);
    expect(select.value).toBe('');

    fireEvent.change(select, { target: { value: '+16135550199' } });
    await screen.findByText('Saved');
    expect(page.stored()?.callerId).toBe('+16135550199');
    expect(page.fake.sent('getAccount')).toEqual([{ refresh: false }]);
  });

  it('offers the choice with a single caller-ID number too', async () => {
    await openOptions({
      replies: { getAccount: ok(adaAccount) },
      stored: { callerId: '+19735550100' },
    });
    expect((await callerIdSelect()).value).toBe('+19735550100');
  });

  it('shows a saved number the account no longer has as the default', async () => {
    await openOptions({ stored: { callerId: '+12125550123' } });
    expect((await callerIdSelect()).value).toBe('');
  });

  it.each([
    ['not-signed-in', text('errorNotSignedIn')],
    ['session-expired', text('errorSessionExpired')],
  ] as const)('says to sign in from the popup when %s', async (code, message) => {
    await openOptions({ replies: { getAccount: fail(code, message) } });
    await within(section('Calling')).findByText(
      'You are not signed in. Sign in from the toolbar popup to choose a caller ID.',
    );
    expect(screen.queryByRole('combobox', { name: 'Default caller ID' })).toBeNull();
  });

  it('shows why the numbers could not be read', async () => {
    await openOptions({
      replies: { getAccount: fail('network', 'Cannot reach net2phone (integrate.versature.com).') },
    });
    await within(section('Calling')).findByText(
      'Cannot reach net2phone (integrate.versature.com).',
    );
  });

  it('says when the account has no caller-ID numbers, or why they are missing', async () => {
    await openOptions({ replies: { getAccount: ok(noAccount) } });
    await within(section('Calling')).findByText(text('optionsNoCallerIds'));
    cleanup();

    await openOptions({
      replies: {
        getAccount: ok({
          ...noAccount,
          callerIdsError: { code: 'forbidden', message: 'Caller IDs are not available.' },
        }),
      },
    });
    await waitFor(() => within(section('Calling')).getByText('Caller IDs are not available.'));
  });
});

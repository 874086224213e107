// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import type { CallRecord, Reply } from '../../../src/shared/messages';
import { text } from '../support/fake-i18n';
import { deferred, fail, fakeClient, ok, type Replies } from './fake-client';
import { fakeServices } from './fake-services';
import { adaAccount, adaSession, manyCalls, recentCalls } from './fixtures';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

async function openPopup(replies: Replies = {}, calls: CallRecord[] = recentCalls()) {
  const fake = fakeClient({
    getSession: ok(adaSession),
    getAccount: ok(adaAccount),
    getHistory: ok(calls),
    ...replies,
  });
  render(<App client={fake.client} services={fakeServices().services} />);
  const section = await screen.findByRole('region', { name: 'Recent calls' });
  if (calls.length > 0) await within(section).findAllByRole('listitem');
  return { fake, section };
}

const items = (section: HTMLElement) =>
  within(section)
    .queryAllByRole('listitem')
    .map((item) => item.textContent);

const placed = { dial: '19735551212', display: '+1 973-555-1212', ext: '12' };

describe('popup "Recent calls"', () => {
  it('lists the last calls, newest first: number, where from, when, and how it went', async () => {
    const { section } = await openPopup();
    within(section).getByRole('heading', { name: 'Recent calls' });
    const [first, second, third] = items(section);
    expect(first).toContain('+1 973-555-1212 ext. 12');
    expect(first).toContain('Number on Acme CRM (crm.example.com)');
    expect(first).toContain('5 minutes ago');
    expect(first).toContain('Placed');
    expect(second).toContain('+44 20 7031 3000');
    expect(second).toContain('Dial box');
    expect(second).toContain('2 hours ago');
    expect(second).toContain('Failed: net2phone answered HTTP 503. Try again in a moment.');
    expect(third).toContain('Address bar');
    expect(third).toContain('yesterday');
    // A past call's failure is history, not an alert.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('calls a number again with one placeCall from "history", and says how it went', async () => {
    const { fake, section } = await openPopup({ placeCall: ok(placed) });
    const redial = within(section).getByRole('button', {
      name: 'Call +1 973-555-1212 ext. 12 again',
    });
    fireEvent.click(redial);
    fireEvent.click(redial);

    const status = await within(section).findByText(/your phone will ring first/);
    expect(status.closest('[role="status"]')?.textContent).toContain(
      'Number called: +1 973-555-1212 ext. 12.',
    );
    expect(fake.sent('placeCall')).toEqual([{ number: '+1 973-555-1212 x12', source: 'history' }]);
    // The list is read again, so the new call shows at the top.
    expect(fake.sent('getHistory')).toHaveLength(2);
  });

  it('calls a number without an extension as it is displayed', async () => {
    const { fake, section } = await openPopup({ placeCall: ok(placed) });
    fireEvent.click(within(section).getByRole('button', { name: 'Call +44 20 7031 3000 again' }));
    await within(section).findByText(/your phone will ring first/);
    expect(fake.sent('placeCall')).toEqual([{ number: '+44 20 7031 3000', source: 'history' }]);
  });

  it('disables the redial buttons while a call is in flight', async () => {
    const pending = deferred<Reply<'placeCall'>>();
    const { fake, section } = await openPopup({ placeCall: () => pending.promise });
    fireEvent.click(within(section).getByRole('button', { name: 'Call +1 613-555-0100 again' }));

    await within(section).findByText(text('popupPlacingCall'));
    const buttons = within(section).getAllByRole('button', { name: /^Call .* again$/ });
    expect(buttons.every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    fireEvent.click(buttons[0] as HTMLElement);
    pending.resolve(ok(placed));
    await within(section).findByText(/your phone will ring first/);
    expect(fake.sent('placeCall')).toHaveLength(1);
  });

  it('shows a failed redial in an alert', async () => {
    const { section } = await openPopup({
      placeCall: fail('rate-limited', text('errorRateLimited', '1')),
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Call +44 20 7031 3000 again' }));
    expect((await within(section).findByRole('alert')).textContent).toBe(
      'Too many calls. Wait 1 s and try again.',
    );
  });

  it('clears the history', async () => {
    const { fake, section } = await openPopup({ clearHistory: ok([]) });
    fireEvent.click(within(section).getByRole('button', { name: 'Clear history' }));

    await within(section).findByText(text('popupNoRecentCalls'));
    expect(fake.sent('clearHistory')).toEqual([{}]);
    expect(items(section)).toEqual([]);
    expect(within(section).queryByRole('button', { name: 'Clear history' })).toBeNull();
  });

  it('keeps the list and says why when clearing fails', async () => {
    const { section } = await openPopup({
      clearHistory: fail('bad-response', text('errorNoBackground')),
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Clear history' }));
    expect((await within(section).findByRole('alert')).textContent).toBe(text('errorNoBackground'));
    expect(items(section)).toHaveLength(3);
  });

  it('says there are no calls yet, without a Clear button', async () => {
    const { section } = await openPopup({}, []);
    await within(section).findByText(text('popupNoRecentCalls'));
    expect(within(section).queryByRole('button', { name: 'Clear history' })).toBeNull();
  });

  it('shows the latest five, and all of them on request', async () => {
    const { section } = await openPopup({}, manyCalls(12));
    expect(items(section)).toHaveLength(5);
    expect(items(section)[0]).toContain('+1 973-555-1000');

    fireEvent.click(within(section).getByRole('button', { name: 'Show all 12' }));
    expect(items(section)).toHaveLength(12);
    fireEvent.click(within(section).getByRole('button', { name: 'Show fewer' }));
    expect(items(section)).toHaveLength(5);
  });

  it('shows why the list could not be read, without blocking the rest', async () => {
    const { section } = await openPopup(
      { getHistory: fail('bad-response', text('errorNoBackground')) },
      [],
    );
    await within(section).findByText(text('errorNoBackground'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByLabelText('Number to call') as HTMLInputElement).disabled).toBe(false);
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { FEW_CALLS, UNDO_MS } from '../../../src/popup/RecentCalls';
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

/** Unfolds the whole list ("Show all N"). */
const showAll = (section: HTMLElement) =>
  fireEvent.click(within(section).getByRole('button', { name: /^Show all/ }));

const items = (section: HTMLElement) =>
  within(section)
    .queryAllByRole('listitem')
    .map((item) => item.textContent);

const placed = { dial: '19735551212', display: '+1 973-555-1212', ext: '12' };

describe('popup "Recent calls"', () => {
  it('lists the last calls, newest first: number, where from, when, and how it went', async () => {
    const { section } = await openPopup();
    within(section).getByRole('heading', { name: 'Recent calls' });
    expect(items(section)).toHaveLength(FEW_CALLS);
    showAll(section);
    const [first, second, third, fourth] = items(section);
    expect(first).toContain('+1 973-555-1212 ext. 12');
    expect(first).toContain('from crm.example.com');
    expect(first).toContain('5 minutes ago');
    expect(first).toContain('Placed');
    expect(second).toContain('+44 20 7031 3000');
    expect(second).toContain('typed');
    expect(second).toContain('2 hours ago');
    expect(second).toContain('Status unknown');
    expect(third).toContain('from the address bar');
    expect(third).toContain('yesterday');
    expect(fourth).toContain('from a link on help.example.com');
    expect(fourth).toContain('Not placed');
    // A past call's failure is history, not an alert.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names each outcome in its colour: placed green, not placed red, status unknown amber', async () => {
    const { section } = await openPopup();
    showAll(section);
    const entries = within(section).getAllByRole('listitem');
    const outcomes = entries.map((li) => [
      li.className,
      li.querySelector('.call__outcome')?.textContent,
    ]);
    expect(outcomes).toEqual([
      ['call call--placed', '✓ Placed'],
      ['call call--unknown', '? Status unknown'],
      ['call call--placed', '✓ Placed'],
      ['call call--failed', '✕ Not placed'],
    ]);
  });

  it('tells why a call was not placed, or its status is unknown, only when asked', async () => {
    const { section } = await openPopup();
    showAll(section);
    // The reasons are not on screen until asked for.
    const reasons = () => [...section.querySelectorAll<HTMLElement>('.call__why')];
    expect(reasons().map((p) => p.hidden)).toEqual([true, true]);
    const whys = within(section).getAllByRole('button', { name: /: why\? / });
    expect(whys).toHaveLength(2); // the placed calls have none

    const unknown = within(section).getByRole('button', {
      name: 'Status unknown: why? +44 20 7031 3000',
    });
    expect(unknown.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(unknown);
    expect(unknown.getAttribute('aria-expanded')).toBe('true');
    const reason = document.getElementById(unknown.getAttribute('aria-controls') ?? '');
    expect(reason?.hidden).toBe(false);
    expect(reason?.textContent).toBe(`${text('callStatusUnknown')}net2phone answered 503`);
    // net2phone's own terms are the small print, never the message.
    expect(reason?.querySelector('small')?.textContent).toBe('net2phone answered 503');

    const failed = within(section).getByRole('button', {
      name: 'Not placed: why? +1 212-555-0123',
    });
    fireEvent.click(failed);
    expect(items(section)[3]).toContain(
      'net2phone refused the call: this number is blocked for your account.',
    );
    fireEvent.click(failed);
    expect(reason?.hidden).toBe(false);
    const failedReason = document.getElementById(failed.getAttribute('aria-controls') ?? '');
    expect(failedReason?.hidden).toBe(true);
  });

  it('shows a redial whose status is unknown in amber, with the detail small', async () => {
    const { section } = await openPopup({
      placeCall: fail('call-uncertain', text('callStatusUnknown'), {
        detail: 'the connection was lost after the call was requested',
      }),
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Call +44 20 7031 3000 again' }));
    const alert = await within(section).findByRole('alert');
    expect(alert.className).toContain('message--warning');
    expect(alert.textContent).toContain('Status unknown: net2phone may have placed the call');
    expect(alert.querySelector('small')?.textContent).toBe(
      'the connection was lost after the call was requested',
    );
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
    showAll(section);
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

  it('clears the history, and offers Undo with the keyboard focus on it', async () => {
    const { fake, section } = await openPopup({ clearHistory: ok([]) });
    fireEvent.click(within(section).getByRole('button', { name: 'Clear history' }));

    const undo = await within(section).findByRole('button', { name: 'Undo' });
    expect(fake.sent('clearHistory')).toEqual([{}]);
    expect(items(section)).toEqual([]);
    expect(within(section).queryByRole('button', { name: 'Clear history' })).toBeNull();
    expect(undo.closest('[role="status"]')?.textContent).toContain('Recent calls cleared.');
    expect(document.activeElement).toBe(undo);
  });

  it('puts the calls back on Undo, and focus on Clear history again', async () => {
    const { fake, section } = await openPopup({
      clearHistory: ok([]),
      restoreHistory: ok(recentCalls()),
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Clear history' }));
    fireEvent.click(await within(section).findByRole('button', { name: 'Undo' }));

    await vi.waitFor(() => expect(items(section)).toHaveLength(FEW_CALLS));
    expect(fake.sent('restoreHistory')).toEqual([{}]);
    expect(within(section).queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(document.activeElement).toBe(
      within(section).getByRole('button', { name: 'Clear history' }),
    );
  });

  it('says so when Undo comes too late', async () => {
    const { section } = await openPopup({
      clearHistory: ok([]),
      restoreHistory: fail('expired', text('errorUndoExpired')),
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Clear history' }));
    fireEvent.click(await within(section).findByRole('button', { name: 'Undo' }));
    expect((await within(section).findByRole('alert')).textContent).toBe(text('errorUndoExpired'));
    expect(items(section)).toEqual([]);
  });

  it('takes Undo away after 10 s, unless the keyboard focus is on it', async () => {
    const { section } = await openPopup({ clearHistory: ok([]) });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      fireEvent.click(within(section).getByRole('button', { name: 'Clear history' }));
      const undo = await vi.waitFor(() => within(section).getByRole('button', { name: 'Undo' }));
      // Focused (as after Clear): it stays.
      await vi.advanceTimersByTimeAsync(UNDO_MS + 1);
      expect(within(section).queryByRole('button', { name: 'Undo' })).toBe(undo);
      // Focus elsewhere: it goes at the next turn, and the list says it is empty.
      undo.blur();
      await vi.advanceTimersByTimeAsync(UNDO_MS + 1);
      expect(within(section).queryByRole('button', { name: 'Undo' })).toBeNull();
      within(section).getByText(text('popupNoRecentCalls'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the list and says why when clearing fails', async () => {
    const { section } = await openPopup({
      clearHistory: fail('bad-response', text('errorNoBackground')),
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Clear history' }));
    expect((await within(section).findByRole('alert')).textContent).toBe(text('errorNoBackground'));
    expect(items(section)).toHaveLength(FEW_CALLS);
  });

  it('says there are no calls yet, without a Clear button', async () => {
    const { section } = await openPopup({}, []);
    await within(section).findByText(text('popupNoRecentCalls'));
    expect(within(section).queryByRole('button', { name: 'Clear history' })).toBeNull();
  });

  it('shows the latest two, and all of them on request', async () => {
    const { section } = await openPopup({}, manyCalls(12));
    expect(items(section)).toHaveLength(FEW_CALLS);
    expect(items(section)[0]).toContain('+1 973-555-1000');

    fireEvent.click(within(section).getByRole('button', { name: 'Show all 12' }));
    expect(items(section)).toHaveLength(12);
    fireEvent.click(within(section).getByRole('button', { name: 'Show fewer' }));
    expect(items(section)).toHaveLength(FEW_CALLS);
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

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import type { Reply } from '../../../src/shared/messages';
import { text } from '../support/fake-i18n';
import { deferred, fail, fakeClient, ok, type Replies } from './fake-client';
import { adaAccount, adaSession } from './fixtures';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

const called = { dial: '19735551212', display: '+1 973-555-1212', ext: '12' };

async function openPopup(replies: Replies = {}) {
  const fake = fakeClient({ getSession: ok(adaSession), getAccount: ok(adaAccount), ...replies });
  render(<App client={fake.client} />);
  await screen.findByLabelText('Number to call');
  return fake;
}

const dialInput = () => screen.getByLabelText('Number to call') as HTMLInputElement;
const callButton = () => screen.getByRole('button', { name: 'Call' }) as HTMLButtonElement;
const dial = (value: string) => fireEvent.input(dialInput(), { target: { value } });

describe('popup dial box', () => {
  it('is focused on open and previews the normalised number as the user types', async () => {
    await openPopup();
    expect(document.activeElement).toBe(dialInput());
    const preview = () =>
      document.getElementById(dialInput().getAttribute('aria-describedby') ?? '');

    expect(preview()?.textContent).toBe(text('popupDialHint'));
    dial('973.555.1212 x12');
    expect(preview()?.textContent).toBe('Will call +1 973-555-1212 ext. 12');
    dial('12345');
    expect(preview()?.textContent).toBe(text('popupDialIncomplete'));
  });

  it('places the call and says the phone will ring first, with the number', async () => {
    const fake = await openPopup({ placeCall: ok(called) });
    dial('(973) 555-1212 x12');
    fireEvent.click(callButton());

    const status = await screen.findByText(/your phone will ring first/);
    expect(status.closest('[role="status"]')?.textContent).toContain('+1 973-555-1212 ext. 12');
    expect(fake.sent('placeCall')).toEqual([{ number: '(973) 555-1212 x12', source: 'dial-box' }]);
  });

  it('submits with Enter: the input and the Call submit button share one form', async () => {
    await openPopup();
    // happy-dom has no implicit submission; in a browser, Enter in a field submits its form.
    expect(callButton().type).toBe('submit');
    expect(callButton().form).toBe(dialInput().form);
  });

  it('shows the failure in an alert', async () => {
    await openPopup({ placeCall: fail('rate-limited', text('errorRateLimited', '1')) });
    dial('+44 20 7031 3000');
    fireEvent.submit(dialInput().form as HTMLFormElement);

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many calls. Wait 1 s and try again.',
    );
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it.each([
    ['', text('errorEmptyNumber')],
    ['   ', text('errorEmptyNumber')],
    ['12345', '“12345” is not a callable phone number.'],
    ['call me', '“call me” is not a callable phone number.'],
  ])('refuses %j before sending anything', async (input, message) => {
    const fake = await openPopup();
    dial(input);
    fireEvent.click(callButton());

    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(dialInput().getAttribute('aria-invalid')).toBe('true');
    expect(fake.sent('placeCall')).toEqual([]);
  });

  it('sends one placeCall for a double click, with Call disabled while it is in flight', async () => {
    const pending = deferred<Reply<'placeCall'>>();
    const fake = await openPopup({ placeCall: () => pending.promise });
    dial('973-555-1212');
    fireEvent.click(callButton());
    fireEvent.click(callButton());

    expect((await screen.findByText(text('popupPlacingCall'))).getAttribute('role')).toBe('status');
    expect(callButton().disabled).toBe(true);
    fireEvent.click(callButton());
    pending.resolve(ok({ dial: '19735551212', display: '+1 973-555-1212' }));

    await screen.findByText(/your phone will ring first/);
    expect(callButton().disabled).toBe(false);
    expect(fake.sent('placeCall')).toHaveLength(1);
  });

  it('sends one placeCall even for two submits in the same tick, before any re-render', async () => {
    const pending = deferred<Reply<'placeCall'>>();
    const fake = await openPopup({ placeCall: () => pending.promise });
    dial('973-555-1212');
    const form = dialInput().form as HTMLFormElement;
    // Raw events, not fireEvent: nothing flushes preact's render queue in between.
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    pending.resolve(ok({ dial: '19735551212', display: '+1 973-555-1212' }));

    await screen.findByText(/your phone will ring first/);
    expect(fake.sent('placeCall')).toHaveLength(1);
  });
});

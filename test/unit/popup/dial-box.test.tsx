// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import type { Reply } from '../../../src/shared/messages';
import { text } from '../support/fake-i18n';
import { deferred, fail, fakeClient, ok, type Replies } from './fake-client';
import { fakeServices } from './fake-services';
import { adaAccount, adaSession, recentCalls } from './fixtures';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

const called = { dial: '19735551212', display: '+1 973-555-1212', ext: '12' };

async function openPopup(replies: Replies = {}, stored?: unknown) {
  const fake = fakeClient({
    getSession: ok(adaSession),
    getAccount: ok(adaAccount),
    getHistory: ok([]),
    ...replies,
  });
  render(<App client={fake.client} services={fakeServices({ stored }).services} />);
  await screen.findByLabelText('Number to call');
  return fake;
}

const dialInput = () => screen.getByLabelText('Number to call') as HTMLInputElement;
const callButton = () => screen.getByRole('button', { name: 'Call' }) as HTMLButtonElement;
const dial = (value: string) => fireEvent.input(dialInput(), { target: { value } });
/** The dial box's own live region (Recent calls has another). */
const dialStatus = () => within(dialInput().form as HTMLFormElement).getByRole('status');

/** Types `keys` one at a time at the end of the input, as a person would. */
function typeKeys(keys: string) {
  for (const key of keys) {
    fireEvent.input(dialInput(), {
      target: { value: dialInput().value + key },
      inputType: 'insertText',
      data: key,
    });
  }
}

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
    expect(dialStatus().textContent).toBe('');
  });

  it.each([
    ['', text('errorEmptyNumber')],
    ['   ', text('errorEmptyNumber')],
    // Formatted as typed: what is quoted is what the box shows.
    ['12345', '“1 (234) 5” is not a callable phone number.'],
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

describe('popup dial box formatting and country', () => {
  it('formats the number as it is typed, for the default country', async () => {
    await openPopup();
    typeKeys('973');
    expect(dialInput().value).toBe('(973)');
    typeKeys('5551212');
    expect(dialInput().value).toBe('(973) 555-1212');
  });

  it('formats a pasted number too', async () => {
    await openPopup();
    fireEvent.input(dialInput(), { target: { value: '9735551212' }, inputType: 'insertFromPaste' });
    expect(dialInput().value).toBe('(973) 555-1212');
  });

  it('formats for the country in the settings, not always the US', async () => {
    const fake = await openPopup({ placeCall: ok(called) }, { defaultCountry: 'GB' });
    typeKeys('02070313000');
    expect(dialInput().value).toBe('020 7031 3000');
    const preview = document.getElementById(dialInput().getAttribute('aria-describedby') ?? '');
    expect(preview?.textContent).toBe('Will call +44 20 7031 3000');
    fireEvent.click(callButton());
    await screen.findByText(/your phone will ring first/);
    expect(fake.sent('placeCall')).toEqual([{ number: '020 7031 3000', source: 'dial-box' }]);
  });

  it('reads national numbers with a settings country it does not know as US', async () => {
    await openPopup({}, { defaultCountry: 'ZZ' });
    typeKeys('9735551212');
    expect(dialInput().value).toBe('(973) 555-1212');
  });

  it('leaves an extension, letters and the user’s own punctuation as typed', async () => {
    await openPopup();
    typeKeys('9735551212 x12');
    expect(dialInput().value).toBe('(973) 555-1212 x12');
    dial('1-800-FLOWERS');
    expect(dialInput().value).toBe('1-800-FLOWERS');
    dial('973-');
    expect(dialInput().value).toBe('973-');
  });

  it('does not fight deleting or editing in the middle', async () => {
    await openPopup();
    typeKeys('973');
    expect(dialInput().value).toBe('(973)');
    // Backspace over the bracket: it stays deleted.
    fireEvent.input(dialInput(), {
      target: { value: '(973' },
      inputType: 'deleteContentBackward',
    });
    expect(dialInput().value).toBe('(973');

    typeKeys(') 555-1212');
    expect(dialInput().value).toBe('(973) 555-1212');
    // A digit typed after the area code, the caret in the middle: nothing is rearranged.
    const input = dialInput();
    input.value = '(9731) 555-1212';
    input.setSelectionRange(5, 5);
    fireEvent.input(input, { inputType: 'insertText', data: '1' });
    expect(dialInput().value).toBe('(9731) 555-1212');
  });

  it('refreshes Recent calls after each call attempt, placed or not', async () => {
    const fake = await openPopup({
      placeCall: fail('call-uncertain', text('callStatusUnknown'), {
        detail: 'net2phone answered 503',
      }),
    });
    await screen.findByText(text('popupNoRecentCalls'));
    const [failed] = recentCalls().filter((call) => call.outcome === 'unknown');
    fake.reply('getHistory', ok(failed ? [failed] : []));
    dial('+44 20 7031 3000');
    fireEvent.click(callButton());

    await screen.findByRole('alert');
    const list = screen.getByRole('region', { name: 'Recent calls' });
    await within(list).findByRole('button', { name: 'Call +44 20 7031 3000 again' });
    expect(fake.sent('getHistory')).toHaveLength(2);
  });

  it('says placed in green, not placed in red with the reason, status unknown in amber', async () => {
    const fake = await openPopup({
      placeCall: ok({ dial: '19735551212', display: '+1 973-555-1212' }),
    });
    const form = () => callButton().closest('form') as HTMLFormElement;
    dial('973-555-1212');
    fireEvent.click(callButton());
    const status = within(form()).getByRole('status');
    await vi.waitFor(() => expect(status.textContent).toContain('your phone will ring first'));
    expect(status.className).toContain('message--ok');

    fake.reply('placeCall', fail('rate-limited', text('errorRateLimited', '2')));
    fireEvent.click(callButton());
    const refused = await within(form()).findByRole('alert');
    expect(refused.textContent).toBe('Too many calls. Wait 2 s and try again.');
    expect(refused.className).toContain('message--error');
    expect(status.textContent).toBe('');

    fake.reply(
      'placeCall',
      fail('call-uncertain', text('callStatusUnknown'), { detail: 'net2phone answered 503' }),
    );
    fireEvent.click(callButton());
    await vi.waitFor(() =>
      expect(within(form()).getByRole('alert').className).toContain('message--warning'),
    );
    const unknown = within(form()).getByRole('alert');
    expect(unknown.textContent).toBe(`${text('callStatusUnknown')}net2phone answered 503`);
    expect(unknown.querySelector('small')?.textContent).toBe('net2phone answered 503');
    expect(unknown.textContent).not.toMatch(/HTTP/);
  });
});

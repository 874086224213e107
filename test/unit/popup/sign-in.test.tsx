// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { text } from '../support/fake-i18n';
import { deferred, fail, fakeClient, ok, type Replies } from './fake-client';
import { fakeServices } from './fake-services';
import { adaAccount, adaSession, signedOutSession } from './fixtures';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

async function openPopup(replies: Replies = {}) {
  const fake = fakeClient({
    getSession: ok(signedOutSession),
    getAccount: ok(adaAccount),
    getHistory: ok([]),
    ...replies,
  });
  render(<App client={fake.client} services={fakeServices().services} />);
  await screen.findByRole('button', { name: 'Sign in' });
  return fake;
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.input(field(name), { target: { value } });

function fillIn(email: string, password: string) {
  type('Email', email);
  type('Password', password);
}

describe('popup sign-in', () => {
  it('shows the form with labelled fields, the Client ID prefilled and email focused', async () => {
    const fake = await openPopup();
    expect(fake.calls).toEqual([{ type: 'getSession', payload: {} }]);
    expect(field('Email')).toMatchObject({ type: 'email', autocomplete: 'username', value: '' });
    expect(field('Password')).toMatchObject({ type: 'password', autocomplete: 'current-password' });
    expect(field('Client ID').value).toBe('org-client-7');
    expect(document.activeElement).toBe(field('Email'));
  });

  it('signs in and shows who is signed in and "Your numbers"', async () => {
    const fake = await openPopup({ signIn: ok(adaSession) });
    fillIn('ada@example.com', 'hunter2');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('heading', { name: 'Your numbers' });
    screen.getByText('Signed in as Ada Lovelace (ext. 100)');
    expect(fake.sent('signIn')).toEqual([
      { email: 'ada@example.com', password: 'hunter2', clientId: 'org-client-7' },
    ]);
    screen.getByRole('button', { name: 'Sign out' });
  });

  it('on a wrong password shows the message, clears the password and keeps the rest', async () => {
    await openPopup({ signIn: fail('bad-credentials', text('errorBadCredentials')) });
    fillIn('ada@example.com', 'wrong');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    expect(field('Email').value).toBe('ada@example.com');
    expect(field('Client ID').value).toBe('org-client-7');
    expect(field('Password').value).toBe('');
    expect(document.activeElement).toBe(field('Password'));
  });

  it('refuses to send with an empty field and says which one', async () => {
    const fake = await openPopup();
    type('Email', 'ada@example.com');
    type('Client ID', '');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toBe(text('popupMissingPassword'));
    expect(document.activeElement).toBe(field('Password'));

    type('Password', 'hunter2');
    fireEvent.submit(field('Password').form as HTMLFormElement);
    expect(screen.getByRole('alert').textContent).toBe(text('popupMissingClientId'));
    expect(fake.sent('signIn')).toEqual([]);
  });

  it('disables the button and shows progress while signing in; one request per attempt', async () => {
    const pending = deferred<ReturnType<typeof ok<typeof adaSession>>>();
    const fake = await openPopup({ signIn: () => pending.promise });
    fillIn('ada@example.com', 'hunter2');
    const button = screen.getByRole('button', { name: 'Sign in' });
    fireEvent.click(button);
    fireEvent.click(button);

    const progress = await screen.findByRole('button', { name: 'Signing in…' });
    expect((progress as HTMLButtonElement).disabled).toBe(true);
    pending.resolve(ok(adaSession));
    await screen.findByRole('heading', { name: 'Your numbers' });
    expect(fake.sent('signIn')).toHaveLength(1);
  });

  it('shows why the user was signed out above the form', async () => {
    await openPopup({
      getSession: ok({
        ...signedOutSession,
        notice: { code: 'session-expired', message: text('errorSessionExpired') },
      }),
    });
    expect(screen.getByRole('alert').textContent).toBe(
      'Your net2phone session has expired. Sign in again.',
    );
  });

  it('shows the error when the background cannot be reached', async () => {
    await openPopup({ getSession: fail('bad-response', text('errorNoBackground')) });
    expect(screen.getByRole('alert').textContent).toBe(text('errorNoBackground'));
  });
});

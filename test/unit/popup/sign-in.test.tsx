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

  it('on a wrong password shows the message and keeps everything typed, the password selected', async () => {
    await openPopup({ signIn: fail('bad-credentials', text('errorBadCredentials')) });
    fillIn('ada@example.com', 'wrong');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    expect(field('Email').value).toBe('ada@example.com');
    expect(field('Client ID').value).toBe('org-client-7');
    expect(field('Password').value).toBe('wrong');
    expect(document.activeElement).toBe(field('Password'));
    const password = field('Password');
    expect([password.selectionStart, password.selectionEnd]).toEqual([0, 5]);
  });

  it.each([
    ['unknown-client' as const, 'errorUnknownClient', 'Client ID'],
    ['network' as const, 'errorUnreachable', 'Password'],
  ])('after a %s failure keeps the password typed and focuses %s', async (code, key, focused) => {
    const fake = await openPopup({ signIn: fail(code, text(key, 'integrate.versature.com')) });
    fillIn('ada@example.com', 'hunter2');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('alert');
    expect(field('Password').value).toBe('hunter2');
    expect(document.activeElement).toBe(field(focused));
    // The next attempt sends the same password without retyping it.
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(fake.sent('signIn')).toHaveLength(2));
    expect(fake.sent('signIn')[1]?.password).toBe('hunter2');
  });

  it('Show password shows what was typed, and hides it again', async () => {
    await openPopup();
    type('Password', 'hunter2');
    const show = screen.getByRole('checkbox', { name: 'Show password' });
    fireEvent.click(show);
    expect(field('Password')).toMatchObject({ type: 'text', value: 'hunter2' });
    fireEvent.click(show);
    expect(field('Password')).toMatchObject({ type: 'password', value: 'hunter2' });
  });

  it('keeps a remembered Client ID under a closed "Advanced", and opens it when there is none', async () => {
    await openPopup();
    const advanced = screen.getByText('Advanced').closest('details') as HTMLDetailsElement;
    expect(advanced.open).toBe(false);
    expect(advanced.contains(field('Client ID'))).toBe(true);
    cleanup();

    await openPopup({ getSession: ok({ ...signedOutSession, clientId: '' }) });
    expect((screen.getByText('Advanced').closest('details') as HTMLDetailsElement).open).toBe(true);
  });

  it('asks only for email and password when the organisation or the build sets the Client ID', async () => {
    const fake = await openPopup({
      getSession: ok({ signedIn: false, clientId: 'acme-managed', clientIdFixed: true }),
      signIn: ok(adaSession),
    });
    expect(screen.queryByLabelText('Client ID')).toBeNull();
    expect(screen.queryByText('Advanced')).toBeNull();
    fillIn('ada@example.com', 'hunter2');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Your numbers' });
    expect(fake.sent('signIn')).toEqual([
      { email: 'ada@example.com', password: 'hunter2', clientId: 'acme-managed' },
    ]);
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
    // The empty Client ID is shown and focused, "Advanced" opened for it.
    await vi.waitFor(() => expect(document.activeElement).toBe(field('Client ID')));
    expect((field('Client ID').closest('details') as HTMLDetailsElement).open).toBe(true);
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

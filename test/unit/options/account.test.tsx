// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_COMMAND, readWelcomeFacts } from '../../../src/options/welcome-facts';
import { fail, ok } from '../popup/fake-client';
import { adaSession, signedOutSession } from '../popup/fixtures';
import { text } from '../support/fake-i18n';
import { openOptions, section } from './open-options';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

const account = () => within(section('Account'));
const field = (label: string) => account().getByLabelText(label) as HTMLInputElement;

describe('options: Account', () => {
  it('is the first section and says who is signed in: name, extension, email', async () => {
    await openOptions();
    expect(screen.getAllByRole('heading', { level: 2 })[0]?.textContent).toBe('Account');
    account().getByText('Signed in as Ada Lovelace (ext. 100)');
    account().getByText('ada@example.com');
    expect(account().queryByRole('button', { name: 'Sign in' })).toBeNull();
  });

  it('Sign out: the background forgets the session, the form replaces it with the email kept, webhooks close', async () => {
    const page = await openOptions({ replies: { signOut: ok(signedOutSession) } });
    fireEvent.click(account().getByRole('button', { name: 'Sign out' }));

    await account().findByRole('button', { name: 'Sign in' });
    expect(page.fake.sent('signOut')).toEqual([{}]);
    expect(field('Email').value).toBe('ada@example.com');
    // The button that had the focus is gone: the first empty field takes it.
    expect(document.activeElement).toBe(field('Password'));
    within(section('Webhooks')).getByText(text('webhookSignInFirst'), { exact: false });
  });

  it('says why Sign out failed, and stays signed in', async () => {
    await openOptions({
      replies: { signOut: fail('bad-message', 'The browser refused to delete the session.') },
    });
    fireEvent.click(account().getByRole('button', { name: 'Sign out' }));
    expect((await account().findByRole('alert')).textContent).toBe(
      'The browser refused to delete the session.',
    );
    account().getByRole('button', { name: 'Sign out' });
  });

  it('signed out, offers the popup’s sign-in form; signing in there shows who, focused', async () => {
    const page = await openOptions({
      replies: { getSession: ok(signedOutSession), signIn: ok(adaSession) },
    });
    expect(field('Client ID').value).toBe('org-client-7');
    // Arriving signed out, the focus stays at the top of the page (a screen reader starts there).
    expect(document.activeElement).toBe(document.body);
    fireEvent.input(field('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.input(field('Password'), { target: { value: 'secret' } });
    fireEvent.click(account().getByRole('button', { name: 'Sign in' }));

    const who = await account().findByText('Signed in as Ada Lovelace (ext. 100)');
    await waitFor(() => expect(document.activeElement).toBe(who));
    expect(page.fake.sent('signIn')).toEqual([
      { email: 'ada@example.com', password: 'secret', clientId: 'org-client-7' },
    ]);
  });

  it('does not ask for the Client ID when the organisation or the build sets it', async () => {
    await openOptions({
      replies: { getSession: ok({ ...signedOutSession, clientIdFixed: true }) },
    });
    field('Email');
    field('Password');
    expect(account().queryByLabelText('Client ID')).toBeNull();
  });

  it('says when the session could not be read', async () => {
    await openOptions({
      replies: { getSession: fail('bad-response', 'Something went wrong in the extension.') },
    });
    expect((await account().findByRole('alert')).textContent).toBe(
      'Something went wrong in the extension.',
    );
  });
});

describe('options: the first-run welcome (#welcome)', () => {
  it('opens Account with what the extension does, how to sign in, the shortcut and the keyword', async () => {
    await openOptions({
      replies: { getSession: ok(signedOutSession) },
      welcome: { shortcut: 'Alt+Shift+C', suggested: 'Alt+Shift+C', keyword: 'call' },
    });
    const welcome = account().getByRole('heading', {
      level: 3,
      name: text('welcomeHeading'),
    }).parentElement as HTMLElement;
    // First thing in Account, above the form.
    expect(
      welcome.compareDocumentPosition(field('Email')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      within(welcome)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'To start, sign in below with your net2phone email and password.',
      'Keyboard: select a number on a page and press Alt+Shift+C.',
      'Address bar: type call, a space and a number, then press Enter.',
    ]);
    within(welcome).getByText(text('welcomeWhat'));
  });

  it('says the user is signed in when they are, and how to get a shortcut when none is set', async () => {
    await openOptions({ welcome: { shortcut: '', suggested: 'Alt+Shift+C', keyword: 'call' } });
    const items = account()
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      text('welcomeSignedIn'),
      'Keyboard: your browser has no shortcut set for calling a selected number; you can choose one (for example Alt+Shift+C) in its extension shortcut settings.',
      text('welcomeKeyword', 'call'),
    ]);
  });

  it('is not there on an ordinary visit', async () => {
    await openOptions();
    expect(screen.queryByText(text('welcomeHeading'))).toBeNull();
  });

  it('reads the shortcut the browser has for the manifest’s command, and the manifest’s keyword', async () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
    expect(Object.keys(manifest.commands)).toContain(CALL_COMMAND);
    const facts = await readWelcomeFacts({
      commands: {
        getAll: async () => [
          { name: '_execute_action', shortcut: 'Ctrl+Shift+Y' },
          { name: CALL_COMMAND, shortcut: 'Alt+Shift+C' },
        ],
      },
      runtime: { getManifest: () => manifest },
    });
    expect(facts).toEqual({ shortcut: 'Alt+Shift+C', suggested: 'Alt+Shift+C', keyword: 'call' });
  });

  it('has no shortcut to show when the browser gave none (taken by another extension, removed)', async () => {
    const facts = await readWelcomeFacts({
      commands: { getAll: async () => [{ name: CALL_COMMAND, shortcut: '' }] },
      runtime: { getManifest: () => ({ omnibox: { keyword: 'call' } }) },
    });
    expect(facts.shortcut).toBe('');
    const refused = await readWelcomeFacts({
      commands: { getAll: () => Promise.reject(new Error('no commands API')) },
      runtime: { getManifest: () => ({ omnibox: { keyword: 'call' } }) },
    });
    expect(refused).toEqual({ shortcut: '', suggested: '', keyword: 'call' });
  });
});

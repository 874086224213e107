// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { text } from '../support/fake-i18n';
import { fail, fakeClient, ok, type Replies } from './fake-client';
import { fakeServices } from './fake-services';
import { adaAccount, adaSession, noAccount, signedOutSession } from './fixtures';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

async function openPopup(replies: Replies = {}) {
  const fake = fakeClient({
    getSession: ok(adaSession),
    getAccount: ok(adaAccount),
    getHistory: ok([]),
    ...replies,
  });
  render(<App client={fake.client} services={fakeServices().services} />);
  await screen.findByRole('heading', { name: 'Your numbers' });
  return fake;
}

describe('popup link to the options', () => {
  it.each([
    ['signed in', adaSession],
    ['signed out', signedOutSession],
  ])('opens the options page when %s', async (_, session) => {
    const fake = fakeClient({
      getSession: ok(session),
      getAccount: ok(adaAccount),
      getHistory: ok([]),
    });
    const services = fakeServices();
    render(<App client={fake.client} services={services.services} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Options' }));
    expect(services.optionsOpened.count).toBe(1);
  });
});

/** The "Your numbers" section, once its lists have loaded. */
async function numbersSection() {
  const section = screen.getByRole('region', { name: 'Your numbers' });
  // Folded by default (Call from and Ring on offer them), so the popup stays within 600 px.
  const show = within(section).getByRole('button', { name: 'Show' });
  expect(show.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(show);
  expect(show.getAttribute('aria-expanded')).toBe('true');
  await within(section).findByRole('heading', { name: text('popupDevices') });
  return section;
}

const expiredText = 'Your net2phone session has expired. Sign in again.';

describe('popup when signed in', () => {
  it('says who is signed in and lists devices and caller-ID numbers', async () => {
    const fake = await openPopup();
    screen.getByText('Signed in as Ada Lovelace (ext. 100)');
    const section = await numbersSection();
    expect(section.textContent).toContain('Ext. 100 · Yealink T54W');
    expect(section.textContent).toContain('sip:100@example.com');
    expect(section.textContent).toContain('+1 973-555-0100');
    expect(section.textContent).toContain('Main line');
    expect(fake.sent('getAccount')).toEqual([{ refresh: false }]);
  });

  it('falls back to the email when net2phone did not say who the user is', async () => {
    const { user: _, ...withoutUser } = adaSession;
    await openPopup({ getSession: ok(withoutUser) });
    screen.getByText('Signed in as ada@example.com');
  });

  it('shows list errors plainly and keeps the dial box usable', async () => {
    await openPopup({
      getAccount: ok({
        devices: [],
        devicesError: {
          code: 'server',
          message: 'net2phone answered HTTP 503. Try again in a moment.',
        },
        callerIds: [],
        callerIdsError: { code: 'forbidden', message: 'Caller IDs are not available.' },
      }),
    });
    const section = await numbersSection();
    expect(section.textContent).toContain('net2phone answered HTTP 503. Try again in a moment.');
    expect(section.textContent).toContain('Caller IDs are not available.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('button', { name: 'Call' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('says when no devices are registered', async () => {
    await openPopup({ getAccount: ok(noAccount) });
    expect((await screen.findByText(text('popupNoDevices'))).textContent).toMatch(/No devices/);
  });

  it('signs out back to the form, keeping the email', async () => {
    const fake = await openPopup({ signOut: ok(signedOutSession) });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    await screen.findByRole('button', { name: 'Sign in' });
    expect(fake.sent('signOut')).toEqual([{}]);
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@example.com');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('heading', { name: 'Your numbers' })).toBeNull();
  });

  it('switches to the form with the message when a call finds the session expired', async () => {
    await openPopup({ placeCall: fail('session-expired', expiredText) });
    fireEvent.input(screen.getByLabelText('Number to call'), { target: { value: '973 555 1212' } });
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));

    await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.getByRole('alert').textContent).toBe(expiredText);
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@example.com');
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
  });

  it('switches to the form when loading the numbers finds the user signed out', async () => {
    const fake = fakeClient({
      getSession: ok(adaSession),
      getAccount: fail('not-signed-in', text('errorNotSignedIn')),
      getHistory: fail('not-signed-in', text('errorNotSignedIn')),
    });
    render(<App client={fake.client} services={fakeServices().services} />);

    await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.getByRole('alert').textContent).toBe(text('errorNotSignedIn'));
  });
});

describe('popup with bad stored settings', () => {
  it.each([
    ['garbage', 'garbage'],
    ['wrong types', { defaultCountry: 42, disabledSites: 'all', callerId: 7, version: 'x' }],
    ['an old version', { version: 1, defaultCountry: 'GB' }],
  ])('opens and calls with %s', async (_, stored) => {
    const fake = fakeClient({
      getSession: ok(adaSession),
      getAccount: ok(adaAccount),
      getHistory: ok([]),
      placeCall: ok({ dial: '19735551212', display: '+1 973-555-1212' }),
    });
    render(
      <App
        client={fake.client}
        services={fakeServices({ stored, url: 'https://crm.example.com/' }).services}
      />,
    );
    fireEvent.input(await screen.findByLabelText('Number to call'), {
      target: { value: '+1 973 555 1212' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    await screen.findByText(/your phone will ring first/);
    const site = await screen.findByRole('switch', { name: 'Find numbers on crm.example.com' });
    expect((site as HTMLInputElement).checked).toBe(true);
  });
});

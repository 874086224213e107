// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reply, WebhookDraft, WebhookSubscription } from '../../../src/shared/messages';
import { deferred, fail, ok, type Replies } from '../popup/fake-client';
import { adaSession, signedOutSession } from '../popup/fixtures';
import { text } from '../support/fake-i18n';
import { openOptions, section } from './open-options';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

const expires = Date.UTC(2025, 5, 14, 19, 4);
const crm: WebhookSubscription = {
  id: '5754713652854784',
  name: 'CRM log',
  postUri: 'https://crm.example.com/hooks/Zk3vQ9rT2mW8xY4bN6cD1e',
  events: { calls: true, cdrs: false, recordings: true },
  scope: 'self',
  expiresAt: expires,
  renewAt: expires - 16.8 * 3_600_000,
  state: 'active',
};
const dashboard: WebhookSubscription = {
  id: '42',
  name: 'Dashboard',
  postUri: 'https://dash.example.com/in',
  events: { calls: false, cdrs: true, recordings: false },
  scope: 'company',
  expiresAt: expires,
  state: 'failed',
  error: 'Access Forbidden, you do not have the correct permissions.',
};

const webhooks = () => section('Webhooks');
const inSection = () => within(webhooks());
const urlField = () =>
  inSection().getByRole('textbox', { name: 'Destination URL' }) as HTMLInputElement;
const nameField = () => inSection().getByRole('textbox', { name: 'Name' }) as HTMLInputElement;
const checkbox = (name: string) => inSection().getByRole('checkbox', { name }) as HTMLInputElement;
const subscribe = () => inSection().getByRole('button', { name: 'Subscribe' });
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
const listed = () =>
  inSection()
    .queryAllByRole('listitem')
    .map((item) => item.querySelector('.webhook__name')?.textContent);
/** The facts of the entry named `name`, as "term: value" lines. */
function facts(name: string): string[] {
  const item = inSection()
    .getAllByRole('listitem')
    .find((li) => li.querySelector('.webhook__name')?.textContent === name);
  if (!item) throw new Error(`no entry named ${name}`);
  return [...item.querySelectorAll('dt')].map(
    (dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`,
  );
}

async function open(replies: Replies = {}) {
  const page = await openOptions({ replies: { listSubscriptions: ok([]), ...replies } });
  await waitFor(() => expect(inSection().queryByText(text('webhookLoading'))).toBeNull());
  return page;
}

function fill(url: string, name = 'CRM log') {
  fireEvent.input(nameField(), { target: { value: name } });
  fireEvent.input(urlField(), { target: { value: url } });
}

const created = (draft: WebhookDraft): Reply<'createSubscription'> =>
  ok({ ...crm, name: draft.name, postUri: draft.url, events: draft.events, scope: draft.scope });

describe('options: Webhooks', () => {
  it('is the last section, explains itself, and asks net2phone which subscriptions still exist', async () => {
    const page = await open();
    expect(screen.getAllByRole('region').at(-1)).toBe(webhooks());
    inSection().getByText(text('webhookIntro'));
    inSection().getByText(text('webhookNone'));
    expect(page.fake.sent('listSubscriptions')).toEqual([{ refresh: true }]);
  });

  it('lists each subscription: destination, events, whose, expiry and state with the reason', async () => {
    const renewing: WebhookSubscription = {
      ...crm,
      id: '7',
      name: 'Helpdesk',
      state: 'renewing',
      error: 'net2phone answered HTTP 503. Try again in a moment.',
    };
    await open({ listSubscriptions: ok([crm, dashboard, renewing]) });
    expect(listed()).toEqual(['CRM log', 'Dashboard', 'Helpdesk']);
    const when = new Date(expires).toLocaleString('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    expect(facts('CRM log')).toEqual([
      `Destination: ${crm.postUri}`,
      'Events: Calls, Recordings',
      'Whose events: Only mine',
      `Expires: ${when}`,
      'State: Active',
    ]);
    expect(facts('Dashboard')).toEqual([
      `Destination: ${dashboard.postUri}`,
      'Events: CDRs (beta)',
      'Whose events: Everyone in my company',
      `Expires: ${when}`,
      'State: Failed: Access Forbidden, you do not have the correct permissions.',
    ]);
    expect(facts('Helpdesk').at(-1)).toBe(
      'State: Renewing: net2phone answered HTTP 503. Try again in a moment.',
    );
    expect(
      inSection()
        .getByRole('list', { name: text('webhookYours') })
        .querySelectorAll('li'),
    ).toHaveLength(3);
  });

  it.each([
    ['http://crm.example.com/hook', 'webhookUrlNotHttps'],
    ['ftp://crm.example.com/hook', 'webhookUrlNotHttps'],
    ['crm.example.com/hook', 'webhookUrlInvalid'],
    ['', 'webhookUrlInvalid'],
    ['https://crm.example.com/hook#Zk3vQ9rT2mW8xY4bN6cD1e', 'webhookUrlFragment'],
    [`https://crm.example.com/${'a'.repeat(2000)}`, 'webhookUrlTooLong'],
    ['https://user:pass@crm.example.com/hook', 'webhookUrlCredentials'],
    ['https://crm.example.com@evil.example.net/hook', 'webhookUrlCredentials'],
    ['https://crm.example.com:0/hook', 'webhookUrlPortZero'],
    ['https://0x7f000001/hook', 'webhookUrlLoopback'],
    ['https://192.168.1.20/hook', 'webhookUrlPrivate'],
    ['https://169.254.169.254/latest/meta-data', 'webhookUrlLinkLocal'],
    ['https://0.0.0.0/hook', 'webhookUrlUnspecified'],
    ['https://255.255.255.255/hook', 'webhookUrlReserved'],
    ['https://intranet/hook', 'webhookUrlSingleLabel'],
  ])('refuses %j with its reason before any request', async (url, key) => {
    const page = await open();
    fill(url);
    fireEvent.click(subscribe());

    const alert = await inSection().findByRole('alert');
    expect(alert.textContent).toBe(text(key));
    expect(urlField().getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(urlField())).toContain(text(key));
    // Beside its field (in the URL's own block), not under the Subscribe button.
    expect(alert.closest('.field')?.contains(urlField())).toBe(true);
    expect(
      alert.compareDocumentPosition(subscribe()) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(document.activeElement).toBe(urlField());
    expect(page.fake.sent('createSubscription')).toEqual([]);

    fireEvent.input(urlField(), { target: { value: 'https://crm.example.com/x' } });
    expect(inSection().queryByRole('alert')).toBeNull();
  });

  it('needs at least one kind of event', async () => {
    const page = await open();
    fill('https://crm.example.com/hooks/Zk3vQ9rT2mW8xY4bN6cD1e');
    expect(checkbox('Calls').checked).toBe(true);
    fireEvent.click(checkbox('Calls'));
    fireEvent.click(subscribe());

    const alert = await inSection().findByRole('alert');
    expect(alert.textContent).toBe(text('webhookNoEvents'));
    // In the Events group, which it describes.
    const events = inSection().getByRole('group', { name: 'Events' });
    expect(events.contains(alert)).toBe(true);
    expect(events.getAttribute('aria-describedby')).toBe(alert.id);
    expect(document.activeElement).toBe(checkbox('Calls'));
    expect(page.fake.sent('createSubscription')).toEqual([]);
    fireEvent.click(checkbox('Recordings'));
    expect(inSection().queryByRole('alert')).toBeNull();
  });

  it('adds a secret path on demand, and warns while the address has none', async () => {
    await open();
    fill('https://crm.example.com/hooks/');
    expect(describedBy(urlField())).toContain(text('webhookNoSecret'));

    fireEvent.click(inSection().getByRole('button', { name: 'Add a secret path' }));
    await waitFor(() =>
      expect(urlField().value).toMatch(/^https:\/\/crm\.example\.com\/hooks\/[A-Za-z0-9_-]{22}$/),
    );
    expect(describedBy(urlField())).not.toContain(text('webhookNoSecret'));
    expect(inSection().queryByText(text('webhookNoSecret'))).toBeNull();
    expect(document.activeElement).toBe(urlField());

    // A second press adds another segment: each press is a fresh secret.
    const first = urlField().value;
    fireEvent.click(inSection().getByRole('button', { name: 'Add a secret path' }));
    await waitFor(() =>
      expect(urlField().value).toMatch(new RegExp(`^${first}/[A-Za-z0-9_-]{22}$`)),
    );
  });

  it('says why no secret path can be added to an address it would refuse', async () => {
    await open();
    fill('http://crm.example.com/hooks');
    fireEvent.click(inSection().getByRole('button', { name: 'Add a secret path' }));
    expect((await inSection().findByRole('alert')).textContent).toBe(text('webhookUrlNotHttps'));
    expect(urlField().value).toBe('http://crm.example.com/hooks');
  });

  it('warns without blocking: an address without a secret part is sent as typed', async () => {
    const page = await open({ createSubscription: created });
    fill('https://crm.example.com/hooks');
    fireEvent.click(subscribe());
    await inSection().findByText(text('webhookSubscribed', 'CRM log'));
    expect(page.fake.sent('createSubscription')[0]?.url).toBe('https://crm.example.com/hooks');
  });

  it('sends the draft, says it is subscribed, re-reads the list and clears the address', async () => {
    const page = await open({ createSubscription: created });
    fill(' https://CRM.example.com/hooks/Zk3vQ9rT2mW8xY4bN6cD1e ', '  CRM log ');
    fireEvent.click(checkbox('CDRs (beta)'));
    fireEvent.click(inSection().getByRole('radio', { name: 'Everyone in my company' }));
    page.fake.reply('listSubscriptions', ok([{ ...crm, scope: 'company' }]));
    fireEvent.click(subscribe());

    const status = await inSection().findByText(text('webhookSubscribed', 'CRM log'));
    expect(status.getAttribute('role')).toBe('status');
    expect(page.fake.sent('createSubscription')).toEqual([
      {
        name: 'CRM log',
        url: 'https://crm.example.com/hooks/Zk3vQ9rT2mW8xY4bN6cD1e',
        events: { calls: true, cdrs: true, recordings: false },
        scope: 'company',
      },
    ]);
    await waitFor(() => expect(listed()).toEqual(['CRM log']));
    expect(page.fake.sent('listSubscriptions')).toEqual([{ refresh: true }, { refresh: false }]);
    expect(urlField().value).toBe('');
    expect(nameField().value).toBe('');
    expect(inSection().queryByRole('alert')).toBeNull();
  });

  it('sends only mine, calls only, by default', async () => {
    const page = await open({ createSubscription: created });
    expect(
      (inSection().getByRole('radio', { name: 'Only mine' }) as HTMLInputElement).checked,
    ).toBe(true);
    fill('https://crm.example.com/hooks/Zk3vQ9rT2mW8xY4bN6cD1e', '');
    fireEvent.click(subscribe());
    await waitFor(() => expect(page.fake.sent('createSubscription')).toHaveLength(1));
    expect(page.fake.sent('createSubscription')[0]).toMatchObject({
      name: '',
      events: { calls: true, cdrs: false, recordings: false },
      scope: 'self',
    });
  });

  it('shows net2phone’s refusal plainly, e.g. a 403 for the whole company', async () => {
    const message = 'Access Forbidden, you do not have the correct permissions.';
    const page = await open({ createSubscription: fail('forbidden', message) });
    fill('https://crm.example.com/hooks/Zk3vQ9rT2mW8xY4bN6cD1e');
    fireEvent.click(inSection().getByRole('radio', { name: 'Everyone in my company' }));
    fireEvent.click(subscribe());

    expect((await inSection().findByRole('alert')).textContent).toBe(message);
    // Nothing was lost: the user can choose "Only mine" and try again.
    expect(urlField().value).toBe('https://crm.example.com/hooks/Zk3vQ9rT2mW8xY4bN6cD1e');
    expect(page.fake.sent('listSubscriptions')).toEqual([{ refresh: true }]);
    expect(inSection().getByRole('status').textContent).toBe('');
  });

  it('says it is subscribing, and sends one request for a double click', async () => {
    const pending = deferred<Reply<'createSubscription'>>();
    const page = await open({ createSubscription: () => pending.promise });
    fill('https://crm.example.com/hooks/Zk3vQ9rT2mW8xY4bN6cD1e');
    const button = subscribe();
    fireEvent.click(button);
    fireEvent.click(button);

    const busy = await inSection().findByRole('button', { name: 'Subscribing…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    fireEvent.submit(busy.closest('form') as HTMLFormElement);
    pending.resolve(ok(crm));
    await inSection().findByText(text('webhookSubscribed', 'CRM log'));
    expect((subscribe() as HTMLButtonElement).disabled).toBe(false);
    expect(page.fake.sent('createSubscription')).toHaveLength(1);
  });

  it('deletes with each entry’s own button and shows what remains', async () => {
    const page = await open({
      listSubscriptions: ok([crm, dashboard]),
      deleteSubscription: ok([dashboard]),
    });
    fireEvent.click(inSection().getByRole('button', { name: 'Delete CRM log' }));
    // It asks first, in place; nothing is sent until the user says yes.
    const question = inSection().getByRole('group', {
      name: text('webhookDeleteQuestion', 'CRM log'),
    });
    expect(page.fake.sent('deleteSubscription')).toEqual([]);
    fireEvent.click(within(question).getByRole('button', { name: 'Yes, delete CRM log' }));

    await waitFor(() => expect(listed()).toEqual(['Dashboard']));
    expect(page.fake.sent('deleteSubscription')).toEqual([{ id: crm.id }]);
    expect(inSection().getByRole('status').textContent).toBe(text('webhookDeleted', 'CRM log'));
    expect(document.activeElement?.textContent).toBe(text('webhookYours'));
  });

  it('sends one delete for a double click, and says why a delete failed', async () => {
    const pending = deferred<Reply<'deleteSubscription'>>();
    const page = await open({
      listSubscriptions: ok([crm]),
      deleteSubscription: () => pending.promise,
    });
    const button = inSection().getByRole('button', { name: 'Delete CRM log' });
    fireEvent.click(button);
    const yes = inSection().getByRole('button', { name: 'Yes, delete CRM log' });
    fireEvent.click(yes);
    fireEvent.click(yes);
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(true));
    pending.resolve(fail('network', 'Cannot reach net2phone (integrate.versature.com).'));

    expect((await inSection().findByRole('alert')).textContent).toBe(
      'Cannot reach net2phone (integrate.versature.com).',
    );
    expect(listed()).toEqual(['CRM log']);
    expect(page.fake.sent('deleteSubscription')).toEqual([{ id: crm.id }]);
    expect((button as HTMLButtonElement).disabled).toBe(false);
  });

  it.each([
    ['not-signed-in', text('errorNotSignedIn')],
    ['session-expired', text('errorSessionExpired')],
  ] as const)('when %s, says renewal and adding need sign-in', async (code, message) => {
    const page = await open({
      listSubscriptions: fail(code, message),
      createSubscription: fail(code, message),
    });
    inSection().getByText(`${message} ${text('webhookSignedOut')}`);
    expect(inSection().queryByRole('alert')).toBeNull();

    fill('https://crm.example.com/hooks/Zk3vQ9rT2mW8xY4bN6cD1e');
    fireEvent.click(subscribe());
    expect((await inSection().findByRole('alert')).textContent).toBe(message);
    expect(page.fake.sent('createSubscription')).toHaveLength(1);
  });

  it('shows why the list could not be read', async () => {
    await open({
      listSubscriptions: fail('network', 'Cannot reach net2phone (integrate.versature.com).'),
    });
    expect((await inSection().findByRole('alert')).textContent).toBe(
      'Cannot reach net2phone (integrate.versature.com).',
    );
  });

  it('shows the list after a change even when the first read answers last', async () => {
    const first = deferred<Reply<'listSubscriptions'>>();
    const page = await openOptions({
      replies: { listSubscriptions: () => first.promise, createSubscription: created },
    });
    page.fake.reply('listSubscriptions', ok([crm]));
    fill(crm.postUri);
    fireEvent.click(subscribe());
    await waitFor(() => expect(listed()).toEqual(['CRM log']));
    first.resolve(ok([]));
    await new Promise((r) => setTimeout(r, 20));
    expect(listed()).toEqual(['CRM log']);
  });
});

describe('options: Webhooks, Delete asks first', () => {
  const question = () =>
    inSection().getByRole('group', { name: text('webhookDeleteQuestion', 'CRM log') });

  it('asks in place with Cancel focused; Cancel keeps it and gives the focus back to Delete', async () => {
    const page = await open({ listSubscriptions: ok([crm, dashboard]) });
    const del = inSection().getByRole('button', { name: 'Delete CRM log' });
    expect(del.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(del);

    expect(question().textContent).toContain('Yes, delete');
    expect(del.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(within(question()).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(question()).getByRole('button', { name: 'Cancel' }));

    expect(inSection().queryByRole('group', { name: /Delete “CRM log”/ })).toBeNull();
    expect(document.activeElement).toBe(del);
    expect(listed()).toEqual(['CRM log', 'Dashboard']);
    expect(page.fake.sent('deleteSubscription')).toEqual([]);
  });

  it('Escape cancels too', async () => {
    const page = await open({ listSubscriptions: ok([crm]) });
    const del = inSection().getByRole('button', { name: 'Delete CRM log' });
    fireEvent.click(del);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });

    expect(inSection().queryByRole('group', { name: /Delete “CRM log”/ })).toBeNull();
    expect(document.activeElement).toBe(del);
    expect(page.fake.sent('deleteSubscription')).toEqual([]);
  });
});

/** Disabled as browsers have it: its own attribute or a disabled fieldset around it (happy-dom has no `:disabled` for the latter). */
const isDisabled = (control: HTMLElement) =>
  (control as HTMLInputElement).disabled || control.closest('fieldset[disabled]') !== null;

describe('options: Webhooks when signed out', () => {
  it('says to sign in, shows the form disabled, and asks net2phone nothing', async () => {
    const page = await openOptions({ replies: { getSession: ok(signedOutSession) } });
    const note = inSection().getByText(text('webhookSignInFirst'), { exact: false });
    expect(within(note).getByRole('link', { name: 'Go to sign-in' }).getAttribute('href')).toBe(
      '#account',
    );
    expect(isDisabled(urlField())).toBe(true);
    expect(isDisabled(subscribe())).toBe(true);
    const form = urlField().closest('fieldset');
    expect(describedBy(form as HTMLElement)).toBe(note.textContent);
    expect(inSection().queryByRole('list')).toBeNull();
    expect(page.fake.sent('listSubscriptions')).toEqual([]);
  });

  it('comes alive when the user signs in from Account: the list is read, the form enabled', async () => {
    const page = await openOptions({
      replies: {
        getSession: ok(signedOutSession),
        signIn: ok(adaSession),
        listSubscriptions: ok([crm]),
      },
    });
    const account = within(section('Account'));
    fireEvent.input(account.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.input(account.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(account.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(listed()).toEqual(['CRM log']));
    expect(isDisabled(urlField())).toBe(false);
    expect(page.fake.sent('listSubscriptions')).toEqual([{ refresh: true }]);
  });
});

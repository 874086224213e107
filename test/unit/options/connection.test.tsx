// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionReport, Reply } from '../../../src/shared/messages';
import { deferred, fail, ok } from '../popup/fake-client';
import { text } from '../support/fake-i18n';
import { openOptions, section } from './open-options';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

const host = 'integrate.versature.com';
const testButton = () => screen.getByRole('button', { name: 'Test connection' });

async function testWith(report: ConnectionReport) {
  const page = await openOptions({ replies: { testConnection: ok(report) } });
  fireEvent.click(testButton());
  return page;
}

describe('options: Connection', () => {
  it('reports a good connection as a status', async () => {
    const message = text('connectionOk', ['ada@example.com', host]);
    const page = await testWith({
      signedIn: true,
      email: 'ada@example.com',
      reachable: true,
      message,
    });

    const status = await within(section('Connection')).findByText(message);
    expect(status.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(page.fake.sent('testConnection')).toEqual([{}]);
  });

  it.each([
    [
      'signed out, net2phone reachable',
      { signedIn: false, reachable: true, message: text('connectionSignedOut', host) },
    ],
    [
      'signed out, net2phone unreachable',
      { signedIn: false, reachable: false, message: text('connectionUnreachable', host) },
    ],
    [
      'signed in, net2phone unreachable',
      {
        signedIn: true,
        email: 'ada@example.com',
        reachable: false,
        message: text('errorUnreachable', host),
      },
    ],
  ])('reports %s as an alert with the background’s message', async (_, report) => {
    await testWith(report);
    expect((await within(section('Connection')).findByRole('alert')).textContent).toBe(
      report.message,
    );
  });

  it('shows why the test itself could not run', async () => {
    await openOptions({
      replies: { testConnection: fail('bad-response', text('errorNoBackground')) },
    });
    fireEvent.click(testButton());
    expect((await screen.findByRole('alert')).textContent).toBe(text('errorNoBackground'));
  });

  it('says it is testing, and sends one request for a double click', async () => {
    const pending = deferred<Reply<'testConnection'>>();
    const page = await openOptions({ replies: { testConnection: () => pending.promise } });
    const button = testButton();
    fireEvent.click(button);
    fireEvent.click(button);

    const busy = await screen.findByRole('button', { name: 'Testing…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    pending.resolve(
      ok({ signedIn: false, reachable: true, message: text('connectionSignedOut', host) }),
    );
    await screen.findByRole('alert');
    expect((testButton() as HTMLButtonElement).disabled).toBe(false);
    expect(page.fake.sent('testConnection')).toHaveLength(1);
  });
});

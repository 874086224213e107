// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OnThisPage } from '../../../src/popup/OnThisPage';
import type { PageListItem } from '../../../src/shared/messages';
import { fail, fakeClient, ok } from './fake-client';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

const items: PageListItem[] = [
  { frameId: 0, key: 3, display: '+1 973-555-0142', label: 'Phone', link: false },
  { frameId: 0, key: 4, display: '+1 973-555-0150', ext: '204', label: 'Sales', link: false },
  { frameId: 7, key: 1, display: '+44 20 7946 0321', link: true },
];

function open(replies = {}) {
  const close = vi.fn();
  const fake = fakeClient({ getPageNumbers: ok(items), showPageNumber: ok(null), ...replies });
  render(<OnThisPage client={fake.client} tabId={12} close={close} />);
  return { fake, close };
}

describe('On this page', () => {
  it('lists every number with its label, each with a "Call " + number button', async () => {
    open();
    const section = await screen.findByRole('region', { name: 'On this page' });
    const rows = (await within(section).findAllByRole('listitem')).map((li) => li.textContent);
    expect(rows).toEqual([
      'Phone+1 973-555-0142Call…',
      'Sales+1 973-555-0150 ext. 204Call…',
      '+44 20 7946 0321in a linkCall…',
    ]);
    expect(
      within(section)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Call +1 973-555-0142', 'Call +1 973-555-0150 ext. 204', 'Call +44 20 7946 0321']);
  });

  it('choosing one shows it on the page (its frame and key) and closes the popup', async () => {
    const { fake, close } = open();
    fireEvent.click(await screen.findByRole('button', { name: 'Call +44 20 7946 0321' }));
    await vi.waitFor(() => expect(close).toHaveBeenCalledOnce());
    expect(fake.sent('showPageNumber')).toEqual([{ tabId: 12, frameId: 7, key: 1 }]);
  });

  it('a number gone from the page says so and keeps the popup open', async () => {
    const { close } = open({
      showPageNumber: fail('expired', 'That number is no longer on the page.'),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Call +1 973-555-0142' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That number is no longer on the page.',
    );
    expect(close).not.toHaveBeenCalled();
  });

  it('a page without numbers says so', async () => {
    open({ getPageNumbers: ok([]) });
    await screen.findByText('No phone numbers found on this page.');
  });
});

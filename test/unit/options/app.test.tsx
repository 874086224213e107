// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sections } from '../../../src/options/sections';
import { openOptions } from './open-options';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

describe('options page', () => {
  it('has the sections Account, General, Calling, Ask before calling, Sites and Advanced (Connection, Webhooks), in that order', async () => {
    await openOptions();
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'))).toEqual([
      'account-heading',
      'general-heading',
      'calling-heading',
      'confirm-heading',
      'sites-heading',
      'advanced-heading',
      'connection-heading',
      'webhooks-heading',
    ]);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Account',
      'General',
      'Calling',
      'Ask before calling',
      'Sites',
      'Advanced',
    ]);
    const advanced = screen.getByRole('region', { name: 'Advanced' });
    expect(
      within(advanced)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Connection', 'Webhooks']);
    // Webhooks and Connection still have their own anchors (options/index.html#webhooks).
    expect(within(advanced).getByRole('region', { name: 'Webhooks' }).id).toBe('webhooks');
    expect(within(advanced).getByRole('region', { name: 'Connection' }).id).toBe('connection');
  });

  it('takes its sections as a list, so another one can be added', async () => {
    const extra = {
      id: 'extra',
      title: 'optionsHeading',
      Body: () => <p>More goes here</p>,
    };
    await openOptions({ sections: [...sections, extra] });
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(sections.length + 1);
    expect(screen.getByText('More goes here').closest('section')?.id).toBe('extra');
  });

  it.each([
    ['not an object', 'garbage'],
    [
      'wrong types',
      { defaultCountry: 7, handleTelLinks: 'yes', disabledSites: [1, '!!', 'ok.com'] },
    ],
    ['null', null],
  ])('opens with repaired settings when the stored ones are %s', async (_, stored) => {
    await openOptions({ stored });
    expect(
      (screen.getByRole('combobox', { name: 'Default country' }) as HTMLSelectElement).value,
    ).toBe('US');
    expect(
      (
        screen.getByRole('checkbox', {
          name: 'Use net2phone for phone links (tel: and callto:)',
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
  });

  it('says when a change cannot be saved, and shows what is stored', async () => {
    const page = await openOptions();
    page.storage.local.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    fireEvent.click(screen.getByRole('checkbox', { name: 'Find numbers in code blocks' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'The change was not saved: QUOTA_BYTES quota exceeded',
    );
    expect(screen.queryByText('Saved')).toBeNull();
  });

  it('says "Saved" briefly after a change', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const page = await openOptions();
      fireEvent.click(screen.getByRole('checkbox', { name: 'Find numbers in code blocks' }));
      await vi.waitFor(() => expect(screen.getByText('Saved').getAttribute('role')).toBe('status'));
      expect(page.stored()?.markInCode).toBe(true);
      await vi.advanceTimersByTimeAsync(2_500);
      const box = screen.getByRole('checkbox', { name: 'Find numbers in code blocks' });
      expect((box as HTMLInputElement).checked).toBe(true);
      await waitFor(() => expect(screen.queryByText('Saved')).toBeNull());
    } finally {
      vi.useRealTimers();
    }
  });
});

import { describe, expect, it, vi } from 'vitest';
import { pageText, redialNumber, whenText, whereFrom } from '../../../src/popup/call-record';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

const page = { title: 'Acme CRM', host: 'crm.example.com' };

describe('recent call texts', () => {
  it.each([
    [{ source: 'dial-box' }, 'typed'],
    [{ source: 'selection', page }, 'from a selection on crm.example.com'],
    [{ source: 'selection' }, 'from a selection'],
    [{ source: 'link', page }, 'from a link on crm.example.com'],
    [{ source: 'link' }, 'from a link'],
    [{ source: 'page', page }, 'from crm.example.com'],
    [{ source: 'page', page: { title: 'Acme CRM', host: '' } }, 'from a page'],
    [{ source: 'command', page }, 'by keyboard shortcut on crm.example.com'],
    [{ source: 'command' }, 'by keyboard shortcut'],
    [{ source: 'omnibox' }, 'from the address bar'],
    [{ source: 'history' }, 'redial'],
  ] as const)('where from: %j → %s', (record, expected) => {
    expect(whereFrom(record)).toBe(expected);
  });

  it('names the page fully in the tooltip: its title and host', () => {
    expect(pageText(page)).toBe('Acme CRM (crm.example.com)');
    expect(pageText({ title: ' ', host: 'crm.example.com' })).toBe('crm.example.com');
    expect(pageText(undefined)).toBeUndefined();
  });

  it.each([
    [0, 'now'],
    [-40_000, 'now'],
    [-5 * 60_000, '5 minutes ago'],
    [-3 * 3_600_000, '3 hours ago'],
    [-26 * 3_600_000, 'yesterday'],
    [-3 * 86_400_000, '3 days ago'],
  ])('when: %i ms → %s', (offset, expected) => {
    const now = Date.UTC(2025, 5, 15, 12);
    expect(whenText(now + offset, now)).toBe(expected);
  });

  it('gives a date for calls older than a week', () => {
    const now = Date.UTC(2025, 5, 15, 12);
    expect(whenText(Date.UTC(2025, 4, 2, 12), now)).toBe('May 2, 2025');
  });

  it('redials the display form, with the extension', () => {
    expect(redialNumber({ display: '+1 973-555-1212', ext: '12' })).toBe('+1 973-555-1212 x12');
    expect(redialNumber({ display: '+44 20 7031 3000' })).toBe('+44 20 7031 3000');
  });
});

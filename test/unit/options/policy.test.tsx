// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { text } from '../support/fake-i18n';
import { openOptions, section } from './open-options';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
const SET_BY = 'Set by your organisation';

describe('options under an organisation policy (issue 13)', () => {
  it('says nothing of an organisation when no policy applies', async () => {
    await openOptions();
    expect(screen.queryByText('Managed by your organisation')).toBeNull();
    expect(screen.queryByText(SET_BY)).toBeNull();
    screen.getByRole('region', { name: 'Webhooks' });
  });

  it('shows a locked country disabled, "Set by your organisation", over the user’s own', async () => {
    await openOptions({
      stored: { version: 2, defaultCountry: 'CA', countryChosen: true },
      managed: { clientId: 'acme-1', defaultCountry: 'GB', locked: ['defaultCountry'] },
    });
    screen.getByText('Managed by your organisation');
    const country = screen.getByRole('combobox', { name: 'Default country' }) as HTMLSelectElement;
    expect(country.value).toBe('GB');
    expect(country.disabled).toBe(true);
    expect(describedBy(country)).toContain(SET_BY);
    // Not locked: managed or not, the user may change it.
    const links = screen.getByRole('checkbox', { name: text('optionsHandleTelLinks') });
    expect((links as HTMLInputElement).disabled).toBe(false);
  });

  it('lets the user change a managed value that is not locked', async () => {
    const page = await openOptions({ managed: { telLinks: false } });
    const links = screen.getByRole('checkbox', {
      name: text('optionsHandleTelLinks'),
    }) as HTMLInputElement;
    expect(links.checked).toBe(false);
    fireEvent.click(links);
    await screen.findByText('Saved');
    expect(page.stored()?.handleTelLinks).toBe(true);
    expect(
      (screen.getByRole('checkbox', { name: text('optionsHandleTelLinks') }) as HTMLInputElement)
        .checked,
    ).toBe(true);
  });

  it('locks blocked sites: no Remove, no Add, and says why', async () => {
    await openOptions({
      stored: { disabledSites: ['mine.example.com'] },
      managed: { blockedSites: ['intranet.acme.example'], locked: ['blockedSites'] },
    });
    const sites = section('Sites');
    within(sites).getByText('intranet.acme.example');
    // The organisation's list replaces the user's while it is locked.
    expect(within(sites).queryByText('mine.example.com')).toBeNull();
    expect(
      (
        within(sites).getByRole('button', {
          name: 'Remove intranet.acme.example',
        }) as HTMLButtonElement
      ).disabled,
    ).toBe(true);
    expect(within(sites).queryByRole('button', { name: 'Add site' })).toBeNull();
    within(sites).getByText(SET_BY);
  });

  it('lists the only sites where numbers are marked', async () => {
    await openOptions({ managed: { onlySites: ['crm.acme.example'], locked: ['onlySites'] } });
    const list = screen.getByRole('list', { name: text('optionsOnlySites') });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['crm.acme.example']);
  });

  it('hides Webhooks when the policy says "hidden"', async () => {
    await openOptions({ managed: { webhooks: 'hidden' } });
    screen.getByText('Managed by your organisation');
    expect(screen.queryByRole('region', { name: 'Webhooks' })).toBeNull();
    screen.getByRole('region', { name: 'Sites' });
  });

  it('ignores a bad policy value: the user’s setting stays, unlocked', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await openOptions({
      stored: { version: 2, defaultCountry: 'CA', countryChosen: true },
      managed: { defaultCountry: 'Britain', locked: ['defaultCountry'] },
    });
    const country = screen.getByRole('combobox', { name: 'Default country' }) as HTMLSelectElement;
    expect(country.value).toBe('CA');
    expect(country.disabled).toBe(false);
    expect(screen.queryByText('Managed by your organisation')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"defaultCountry" ignored'));
    warn.mockRestore();
  });
});

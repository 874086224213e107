// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { getCountries } from 'libphonenumber-js/min';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { text } from '../support/fake-i18n';
import { openOptions } from './open-options';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

const countrySelect = () =>
  screen.getByRole('combobox', { name: 'Default country' }) as HTMLSelectElement;
const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const hintOf = (element: HTMLElement) =>
  document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('options: General', () => {
  it('lists every country by name with its calling code, sorted, the current one selected', async () => {
    await openOptions({ stored: { version: 2, defaultCountry: 'CA', countryChosen: true } });
    const options = within(countrySelect()).getAllByRole('option') as HTMLOptionElement[];
    expect(options).toHaveLength(getCountries().length);
    expect(options.map((o) => o.textContent)).toContain('United Kingdom (+44)');
    expect(options.map((o) => o.textContent)).toContain('United States (+1)');
    const names = options.map((o) => o.textContent ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(countrySelect().value).toBe('CA');
    expect(countrySelect().selectedOptions[0]?.textContent).toBe('Canada (+1)');
    expect(hintOf(countrySelect())).not.toContain(text('optionsCountryGuessed'));
  });

  it('says when the country is a guess; choosing one saves it as chosen', async () => {
    const page = await openOptions({
      stored: { version: 2, defaultCountry: 'FR', countryChosen: false },
    });
    expect(countrySelect().value).toBe('FR');
    expect(hintOf(countrySelect())).toContain(text('optionsCountryGuessed'));

    fireEvent.change(countrySelect(), { target: { value: 'GB' } });
    expect((await screen.findByText('Saved')).getAttribute('role')).toBe('status');
    expect(page.stored()).toMatchObject({ defaultCountry: 'GB', countryChosen: true });
    expect(hintOf(countrySelect())).not.toContain(text('optionsCountryGuessed'));
  });

  it('shows a stored country the engine does not know as the United States', async () => {
    await openOptions({ stored: { defaultCountry: 'ZZ' } });
    expect(countrySelect().value).toBe('US');
  });

  it('handles tel: links by default, and can stop', async () => {
    const page = await openOptions();
    const links = checkbox('Use net2phone for phone links (tel: and callto:)');
    expect(links.checked).toBe(true);
    expect(hintOf(links)).toBe(text('optionsHandleTelLinksHint'));
    fireEvent.click(links);
    await screen.findByText('Saved');
    expect(page.stored()?.handleTelLinks).toBe(false);
    expect(checkbox('Use net2phone for phone links (tel: and callto:)').checked).toBe(false);
  });

  it('leaves numbers in code blocks alone by default, and can mark them', async () => {
    const page = await openOptions();
    const code = checkbox('Find numbers in code blocks');
    expect(code.checked).toBe(false);
    fireEvent.click(code);
    await waitFor(() => expect(page.stored()?.markInCode).toBe(true));
    expect(checkbox('Find numbers in code blocks').checked).toBe(true);
  });

  it('keeps quick successive changes: neither undoes the other', async () => {
    const page = await openOptions();
    fireEvent.click(checkbox('Find numbers in code blocks'));
    fireEvent.click(checkbox('Use net2phone for phone links (tel: and callto:)'));
    fireEvent.change(countrySelect(), { target: { value: 'MX' } });
    await waitFor(() =>
      expect(page.stored()).toMatchObject({
        markInCode: true,
        handleTelLinks: false,
        defaultCountry: 'MX',
      }),
    );
    // And the page shows all three.
    expect(checkbox('Find numbers in code blocks').checked).toBe(true);
    expect(checkbox('Use net2phone for phone links (tel: and callto:)').checked).toBe(false);
    expect(countrySelect().value).toBe('MX');
  });
});

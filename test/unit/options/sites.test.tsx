// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { text } from '../support/fake-i18n';
import { openOptions, section } from './open-options';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

const siteField = () => screen.getByLabelText('Site to add') as HTMLInputElement;
function addSite(value: string) {
  fireEvent.input(siteField(), { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
}
const listed = () =>
  within(section('Sites'))
    .queryAllByRole('listitem')
    .map((item) => item.querySelector('.sites__host')?.textContent);

describe('options: Sites', () => {
  it('starts empty and says numbers are found everywhere', async () => {
    await openOptions();
    within(section('Sites')).getByText(text('optionsNoSites'));
    expect(listed()).toEqual([]);
  });

  it('adds a site typed as an address, normalised, and clears the field', async () => {
    const page = await openOptions();
    addSite('https://Mail.Example.com/inbox?x=1');

    await waitFor(() => expect(listed()).toEqual(['mail.example.com']));
    expect(page.stored()?.disabledSites).toEqual(['mail.example.com']);
    await waitFor(() => expect(siteField().value).toBe(''));
    await screen.findByText('Saved');
    screen.getByRole('list', { name: 'Sites where detection is off' });
  });

  it.each([
    ['', 'Type a site to add, such as mail.example.com.'],
    ['   ', 'Type a site to add, such as mail.example.com.'],
    [
      'mail example',
      "“mail example” is not a site name. Type a host name such as mail.example.com, or paste the page's address.",
    ],
    [
      'http://',
      "“http://” is not a site name. Type a host name such as mail.example.com, or paste the page's address.",
    ],
    ['CRM.example.com', 'crm.example.com is already in the list.'],
    [
      'deep.crm.example.com',
      'Detection is already off for deep.crm.example.com: crm.example.com is in the list.',
    ],
  ])('refuses %j with a specific message, saving nothing', async (typed, message) => {
    const page = await openOptions({ stored: { disabledSites: ['crm.example.com'] } });
    addSite(typed);

    const alert = await within(section('Sites')).findByRole('alert');
    expect(alert.textContent).toBe(message);
    expect(siteField().getAttribute('aria-invalid')).toBe('true');
    expect(siteField().getAttribute('aria-describedby')).toBe(alert.id);
    expect(document.activeElement).toBe(siteField());
    expect(page.stored()).toEqual({ disabledSites: ['crm.example.com'] });
    expect(screen.queryByText('Saved')).toBeNull();

    fireEvent.input(siteField(), { target: { value: 'x' } });
    expect(within(section('Sites')).queryByRole('alert')).toBeNull();
  });

  it('removes each site with its own button', async () => {
    const page = await openOptions({
      stored: { disabledSites: ['crm.example.com', 'mail.example.org', 'intranet.local'] },
    });
    expect(listed()).toEqual(['crm.example.com', 'mail.example.org', 'intranet.local']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove mail.example.org' }));

    await waitFor(() => expect(listed()).toEqual(['crm.example.com', 'intranet.local']));
    expect(page.stored()?.disabledSites).toEqual(['crm.example.com', 'intranet.local']);
    expect(document.activeElement).toBe(siteField());
  });

  it('shows a site turned off from the popup while open', async () => {
    const page = await openOptions();
    await page.storage.write({ settings: { disabledSites: ['news.example.com'] } });
    await waitFor(() => expect(listed()).toEqual(['news.example.com']));
  });
});

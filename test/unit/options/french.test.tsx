// @vitest-environment happy-dom
import {
  cleanup,
  fireEvent,
  getDefaultNormalizer,
  screen,
  waitFor,
  within,
} from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../popup/fake-client';
import { textIn } from '../support/fake-i18n';
import { FIXTURE_CALLER_IDS, optionTexts } from '../support/options';
import { openOptions, section } from './open-options';

// The options page in French (Canada is a main market): the same roles, French names.
vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser('fr-CA'),
);

afterEach(cleanup);

/** Opens the page ("Options" in French too) and waits for its sections. */
async function openFrench(options: Parameters<typeof openOptions>[0] = {}) {
  const page = await openOptions(options);
  await screen.findByRole('region', { name: 'Général' });
  return page;
}

/** Matches text as written: the default normalizer turns French non-breaking spaces into spaces. */
const keepSpaces = getDefaultNormalizer({ collapseWhitespace: false });
const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const hintOf = (element: HTMLElement) =>
  document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('options page in French', () => {
  it('names the product and its sections in French, in order', async () => {
    await openFrench();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Options');
    screen.getByText('Appel en un clic pour net2phone');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Compte',
      'Général',
      'Appels',
      'Demander avant d’appeler',
      'Sites',
      'Avancé',
    ]);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Connexion',
      'Webhooks',
    ]);
  });

  it('General: countries named in French, sorted the French way; French checkboxes', async () => {
    const page = await openFrench({
      stored: { version: 2, defaultCountry: 'CA', countryChosen: false },
    });
    const country = screen.getByRole('combobox', { name: 'Pays par défaut' }) as HTMLSelectElement;
    const names = within(country)
      .getAllByRole('option')
      .map((o) => o.textContent ?? '');
    expect(names).toContain('États-Unis (+1)');
    expect(names).toContain('Royaume-Uni (+44)');
    expect(names).toEqual([...names].sort(new Intl.Collator('fr').compare));
    expect(country.selectedOptions[0]?.textContent).toBe('Canada (+1)');
    expect(hintOf(country)).toContain(textIn('fr', 'optionsCountryGuessed'));

    const links = checkbox('Utiliser net2phone pour les liens téléphoniques (tel: et callto:)');
    expect(links.checked).toBe(true);
    expect(hintOf(links)).toBe(textIn('fr', 'optionsHandleTelLinksHint'));
    const code = checkbox('Repérer les numéros dans les blocs de code');
    expect(code.checked).toBe(false);
    fireEvent.click(code);
    expect((await screen.findByText('Enregistré')).getAttribute('role')).toBe('status');
    expect(page.stored()?.markInCode).toBe(true);
  });

  it('Calling: the default caller ID, with net2phone’s default in French', async () => {
    await openFrench();
    const callerId = (await within(section('Appels')).findByRole('combobox', {
      name: 'Numéro affiché par défaut',
    })) as HTMLSelectElement;
    expect(optionTexts(callerId)).toEqual([
      'Numéro par défaut de net2phone',
      ...FIXTURE_CALLER_IDS,
    ]);
  });

  it('Sites: refuses an empty site in French, then adds and removes one', async () => {
    const page = await openFrench();
    const sites = within(section('Sites'));
    sites.getByText('Aucun\u00a0: les numéros sont repérés sur tous les sites.', {
      normalizer: keepSpaces,
    });
    const add = sites.getByRole('button', { name: 'Ajouter le site' });
    fireEvent.click(add);
    expect(sites.getByRole('alert').textContent).toBe(
      'Entrez un site à ajouter, par exemple mail.example.com.',
    );

    fireEvent.input(sites.getByRole('textbox', { name: 'Site à ajouter' }), {
      target: { value: 'crm.example.com' },
    });
    fireEvent.click(add);
    const list = await sites.findByRole('list', { name: 'Sites où la détection est désactivée' });
    within(list).getByText('crm.example.com');
    await waitFor(() => expect(page.stored()?.disabledSites).toEqual(['crm.example.com']));

    fireEvent.click(sites.getByRole('button', { name: 'Retirer crm.example.com' }));
    await waitFor(() => expect(page.stored()?.disabledSites).toEqual([]));
  });

  it('Connection: "Tester la connexion" shows the background’s French answer', async () => {
    const message = textIn('fr', 'connectionOk', ['ada@example.com', 'integrate.versature.com']);
    const page = await openFrench({
      replies: {
        testConnection: ok({ signedIn: true, email: 'ada@example.com', reachable: true, message }),
      },
    });
    const connection = within(section('Connexion'));
    connection.getByText(textIn('fr', 'optionsConnectionHint'));
    fireEvent.click(connection.getByRole('button', { name: 'Tester la connexion' }));
    expect((await connection.findByRole('status')).textContent).toBe(message);
    expect(message).toMatch(/^Connexion réussie/);
    expect(page.fake.sent('testConnection')).toEqual([{}]);
  });

  it('Webhooks: the list and the form in French', async () => {
    await openFrench();
    const webhooks = within(section('Webhooks'));
    await webhooks.findByText('Aucun abonnement pour l’instant.');
    webhooks.getByRole('heading', { name: 'Ajouter un abonnement' });
    webhooks.getByRole('textbox', { name: 'Nom' });
    webhooks.getByRole('textbox', { name: 'URL de destination' });
    const events = webhooks.getByRole('group', { name: 'Événements' });
    expect(
      within(events)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent),
    ).toEqual(['Appels', 'CDR (bêta)', 'Enregistrements']);
    webhooks.getByRole('radio', { name: 'Seulement les miens' });
    webhooks.getByRole('button', { name: 'S’abonner' });
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { textIn } from '../support/fake-i18n';
import { FIXTURE_CALLER_IDS, optionTexts } from '../support/options';
import { fail, fakeClient, ok, type Replies } from './fake-client';
import { fakeServices } from './fake-services';
import { adaSession, recentCalls, signedOutSession, twoCallerIds } from './fixtures';

// The popup in French (Canada is a main market): the same roles, French names.
vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser('fr-CA'),
);

afterEach(cleanup);

/** French puts a non-breaking space before a colon. */
const nb = '\u00a0';

function openPopup(replies: Replies = {}) {
  const fake = fakeClient({
    getSession: ok(adaSession),
    getAccount: ok(twoCallerIds),
    getHistory: ok(recentCalls()),
    ...replies,
  });
  const { services } = fakeServices({ url: 'https://crm.example.com/contacts' });
  render(<App client={fake.client} services={services} />);
  return fake;
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const hintOf = (element: HTMLElement) =>
  document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent;

describe('popup in French, signed out', () => {
  it('shows the sign-in form with French labels, and says in French what is missing', async () => {
    const fake = openPopup({ getSession: ok(signedOutSession) });
    const signIn = await screen.findByRole('button', { name: 'Se connecter' });

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Appel en un clic pour net2phone',
    );
    screen.getByRole('heading', { name: 'Connexion à net2phone' });
    expect(field('Courriel')).toMatchObject({ type: 'email', value: '' });
    expect(field('Mot de passe').type).toBe('password');
    expect(field('ID client').value).toBe('org-client-7');
    expect(hintOf(field('ID client'))).toBe(textIn('fr', 'popupClientIdHint'));

    fireEvent.click(signIn);
    expect(screen.getByRole('alert').textContent).toBe('Entrez votre adresse courriel.');
    fireEvent.input(field('Courriel'), { target: { value: 'ada@example.com' } });
    fireEvent.click(signIn);
    expect(screen.getByRole('alert').textContent).toBe('Entrez votre mot de passe.');
    expect(document.activeElement).toBe(field('Mot de passe'));
    expect(fake.sent('signIn')).toEqual([]);
  });

  it('signs in to the French signed-in view', async () => {
    const fake = openPopup({ getSession: ok(signedOutSession), signIn: ok(adaSession) });
    await screen.findByRole('button', { name: 'Se connecter' });
    fireEvent.input(field('Courriel'), { target: { value: 'ada@example.com' } });
    fireEvent.input(field('Mot de passe'), { target: { value: 'hunter2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    await screen.findByRole('heading', { name: 'Vos numéros' });
    screen.getByRole('button', { name: 'Se déconnecter' });
    expect(fake.sent('signIn')).toEqual([
      { email: 'ada@example.com', password: 'hunter2', clientId: 'org-client-7' },
    ]);
  });
});

describe('popup in French, signed in', () => {
  it('says who is signed in, with the site switch, the dial box and Call from', async () => {
    openPopup();
    await screen.findByText(/^Connecté\s: Ada Lovelace \(poste 100\)$/);
    screen.getByRole('button', { name: 'Se déconnecter' });
    const site = await screen.findByRole('switch', {
      name: 'Repérer les numéros sur crm.example.com',
    });
    expect((site as HTMLInputElement).checked).toBe(true);

    const dialBox = screen.getByRole('textbox', { name: 'Numéro à composer' });
    expect(hintOf(dialBox)).toBe(textIn('fr', 'popupDialHint'));
    screen.getByRole('button', { name: 'Appeler' });

    const callFrom = await screen.findByRole('combobox', { name: 'Appeler depuis' });
    expect(optionTexts(callFrom)).toEqual([
      'Votre numéro net2phone par défaut',
      ...FIXTURE_CALLER_IDS,
    ]);
  });

  it('previews, places a call and says so in French', async () => {
    const fake = openPopup({
      placeCall: ok({ dial: '19735551212', display: '+1 973-555-1212', ext: '12' }),
    });
    const dialBox = await screen.findByRole('textbox', { name: 'Numéro à composer' });
    fireEvent.input(dialBox, { target: { value: '(973) 555-1212 x12' } });
    expect(hintOf(dialBox)).toBe(`Numéro qui sera composé${nb}: +1 973-555-1212, poste 12`);
    fireEvent.click(screen.getByRole('button', { name: 'Appeler' }));

    const status = within((dialBox as HTMLInputElement).form as HTMLFormElement).getByRole(
      'status',
    );
    await vi.waitFor(() =>
      expect(status.textContent).toBe(
        `Numéro composé${nb}: +1 973-555-1212, poste 12. ${textIn('fr', 'callPlaced')} ` +
          'Quand votre correspondant répondra, composez le poste 12.',
      ),
    );
    expect(status.textContent).toContain('votre téléphone sonnera d’abord');
    expect(fake.sent('placeCall')).toEqual([{ number: '(973) 555-1212 x12', source: 'dial-box' }]);
  });

  it('refuses an empty or invalid number in French', async () => {
    const fake = openPopup();
    const dialBox = await screen.findByRole('textbox', { name: 'Numéro à composer' });
    fireEvent.click(screen.getByRole('button', { name: 'Appeler' }));
    expect(screen.getByRole('alert').textContent).toBe('Entrez un numéro de téléphone à appeler.');

    fireEvent.input(dialBox, { target: { value: '12345' } });
    expect(hintOf(dialBox)).toBe(textIn('fr', 'popupDialIncomplete'));
    fireEvent.click(screen.getByRole('button', { name: 'Appeler' }));
    // The dial box formats as you type: the message quotes what it shows.
    expect(screen.getByRole('alert').textContent).toBe(
      `«${nb}${(dialBox as HTMLInputElement).value}${nb}» n’est pas un numéro de téléphone que l’on peut composer.`,
    );
    expect(fake.sent('placeCall')).toEqual([]);
  });

  it('lists recent calls in French, with French times and redial buttons', async () => {
    const fake = openPopup({
      placeCall: fail('call-uncertain', textIn('fr', 'callStatusUnknown')),
    });
    const section = await screen.findByRole('region', { name: 'Appels récents' });
    await within(section).findAllByRole('listitem');
    fireEvent.click(within(section).getByRole('button', { name: 'Tout afficher (4)' }));
    const [first, second, third] = within(section)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(first).toContain('+1 973-555-1212, poste 12');
    expect(first).toContain('depuis crm.example.com');
    expect(first).toContain('il y a 5 minutes');
    expect(first).toContain('Lancé');
    expect(second).toContain('saisi');
    expect(second).toContain('il y a 2 heures');
    expect(second).toContain('Statut inconnu');
    expect(third).toContain('depuis la barre d’adresse');
    expect(third).toContain('hier');
    within(section).getByRole('button', { name: 'Effacer l’historique' });

    fireEvent.click(
      within(section).getByRole('button', { name: 'Rappeler le +1 973-555-1212, poste 12' }),
    );
    expect((await within(section).findByRole('alert')).textContent).toBe(
      `Statut inconnu${nb}: net2phone a peut-être passé l’appel${nb}; vérifiez votre téléphone avant de rappeler.`,
    );
    expect(fake.sent('placeCall')).toEqual([{ number: '+1 973-555-1212 x12', source: 'history' }]);
  });

  it('lists devices and caller-ID numbers under "Vos numéros"', async () => {
    openPopup();
    const numbers = await screen.findByRole('region', { name: 'Vos numéros' });
    // Folded by default, so the popup stays within 600 px.
    fireEvent.click(within(numbers).getByRole('button', { name: 'Afficher' }));
    await within(numbers).findByRole('heading', { name: 'Appareils' });
    within(numbers).getByRole('heading', { name: 'Numéros affichés' });
    expect(numbers.textContent).toContain('Poste 100 · Yealink T54W');
    expect(numbers.textContent).toContain('+1 613-555-0199');
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARM_DELAY_MS, Confirm } from '../../../src/confirm/Confirm';
import { App } from '../../../src/popup/App';
import { textIn } from '../support/fake-i18n';
import { FIXTURE_CALLER_IDS, optionTexts } from '../support/options';
import { fail, fakeClient, ok, type Replies } from './fake-client';
import { fakeServices } from './fake-services';
import { adaSession, recentCalls, signedOutSession, twoCallerIds } from './fixtures';

// The popup, and the confirmation window it may lead to, in Brazilian Portuguese (net2phone sells
// in Brazil): the same roles, Portuguese names.
// A pt-BR browser reads public/_locales/pt_BR, the folder Chrome and Firefox expect.
vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser('pt-BR'),
);

afterEach(cleanup);

/** Settings of a user in Brazil: national numbers read as Brazilian ones. */
const inBrazil = { version: 2, defaultCountry: 'BR', countryChosen: true };

function openPopup(replies: Replies = {}, stored: unknown = inBrazil) {
  const fake = fakeClient({
    getSession: ok(adaSession),
    getAccount: ok(twoCallerIds),
    getHistory: ok(recentCalls()),
    ...replies,
  });
  const { services } = fakeServices({ url: 'https://crm.example.com.br/contatos', stored });
  render(<App client={fake.client} services={services} />);
  return fake;
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const hintOf = (element: HTMLElement) =>
  document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent;

describe('popup in Brazilian Portuguese, signed out', () => {
  it('shows the sign-in form with Portuguese labels, and says in Portuguese what is missing', async () => {
    const fake = openPopup({ getSession: ok(signedOutSession) });
    const signIn = await screen.findByRole('button', { name: 'Entrar' });

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Clique para ligar com net2phone',
    );
    screen.getByRole('heading', { name: 'Entrar no net2phone' });
    expect(field('E-mail')).toMatchObject({ type: 'email', value: '' });
    expect(field('Senha').type).toBe('password');
    expect(field('ID do cliente').value).toBe('org-client-7');
    expect(hintOf(field('ID do cliente'))).toBe(textIn('pt_BR', 'popupClientIdHint'));

    fireEvent.click(signIn);
    expect(screen.getByRole('alert').textContent).toBe('Informe seu endereço de e-mail.');
    fireEvent.input(field('E-mail'), { target: { value: 'ada@example.com' } });
    fireEvent.click(signIn);
    expect(screen.getByRole('alert').textContent).toBe('Informe sua senha.');
    expect(document.activeElement).toBe(field('Senha'));
    expect(fake.sent('signIn')).toEqual([]);
  });

  it('signs in to the Portuguese signed-in view', async () => {
    const fake = openPopup({ getSession: ok(signedOutSession), signIn: ok(adaSession) });
    await screen.findByRole('button', { name: 'Entrar' });
    fireEvent.input(field('E-mail'), { target: { value: 'ada@example.com' } });
    fireEvent.input(field('Senha'), { target: { value: 'hunter2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Entrar' }));

    await screen.findByRole('heading', { name: 'Seus números' });
    screen.getByRole('button', { name: 'Sair' });
    expect(fake.sent('signIn')).toEqual([
      { email: 'ada@example.com', password: 'hunter2', clientId: 'org-client-7' },
    ]);
  });
});

describe('popup in Brazilian Portuguese, signed in', () => {
  it('says who is signed in, with the site switch, the dial box and the caller ID', async () => {
    openPopup();
    await screen.findByText('Conectado como Ada Lovelace (ramal 100)');
    screen.getByRole('button', { name: 'Sair' });
    const site = await screen.findByRole('switch', {
      name: 'Detectar números em crm.example.com.br',
    });
    expect((site as HTMLInputElement).checked).toBe(true);

    const dialBox = screen.getByRole('textbox', { name: 'Número para ligar' });
    expect(hintOf(dialBox)).toBe(textIn('pt_BR', 'popupDialHint'));
    screen.getByRole('button', { name: 'Ligar' });

    const callFrom = await screen.findByRole('combobox', { name: 'Ligar do número' });
    expect(optionTexts(callFrom)).toEqual([
      'Seu número padrão do net2phone',
      ...FIXTURE_CALLER_IDS,
    ]);
  });

  it('reads a Brazilian number as Brazilian, as its hint promises, and calls it', async () => {
    const fake = openPopup({
      placeCall: ok({ dial: '011551134567890', display: '+55 11 3456 7890' }),
    });
    const dialBox = (await screen.findByRole('textbox', {
      name: 'Número para ligar',
    })) as HTMLInputElement;
    // The hint's own national example, typed as bare digits, is formatted the Brazilian way.
    expect(textIn('pt_BR', 'popupDialHint')).toContain('(11) 3456-7890');
    fireEvent.input(dialBox, { target: { value: '1134567890' } });
    expect(dialBox.value).toBe('(11) 3456-7890');
    expect(hintOf(dialBox)).toBe('Número a discar: +55 11 3456 7890');
    fireEvent.click(screen.getByRole('button', { name: 'Ligar' }));

    const status = within(dialBox.form as HTMLFormElement).getByRole('status');
    await vi.waitFor(() =>
      expect(status.textContent).toBe(
        `Número discado: +55 11 3456 7890. ${textIn('pt_BR', 'callPlaced')}`,
      ),
    );
    expect(status.textContent).toContain('seu telefone vai tocar primeiro');
    expect(fake.sent('placeCall')).toEqual([{ number: '(11) 3456-7890', source: 'dial-box' }]);
  });

  it('previews a number with an extension, and says to dial the ramal', async () => {
    const fake = openPopup({
      placeCall: ok({ dial: '19735551212', display: '+1 973-555-1212', ext: '12' }),
    });
    const dialBox = await screen.findByRole('textbox', { name: 'Número para ligar' });
    fireEvent.input(dialBox, { target: { value: '+1 973 555 1212 x12' } });
    expect(hintOf(dialBox)).toBe('Número a discar: +1 973-555-1212, ramal 12');
    fireEvent.click(screen.getByRole('button', { name: 'Ligar' }));

    const status = within((dialBox as HTMLInputElement).form as HTMLFormElement).getByRole(
      'status',
    );
    await vi.waitFor(() =>
      expect(status.textContent).toBe(
        `Número discado: +1 973-555-1212, ramal 12. ${textIn('pt_BR', 'callPlaced')} ` +
          'Quando atenderem, disque o ramal 12.',
      ),
    );
    expect(fake.sent('placeCall')).toEqual([{ number: '+1 973 555 1212 x12', source: 'dial-box' }]);
  });

  it('refuses an empty or invalid number in Portuguese', async () => {
    const fake = openPopup();
    const dialBox = await screen.findByRole('textbox', { name: 'Número para ligar' });
    fireEvent.click(screen.getByRole('button', { name: 'Ligar' }));
    expect(screen.getByRole('alert').textContent).toBe('Digite um número de telefone para ligar.');

    fireEvent.input(dialBox, { target: { value: '12345' } });
    expect(hintOf(dialBox)).toBe(textIn('pt_BR', 'popupDialIncomplete'));
    expect(hintOf(dialBox)).toContain('DDD');
    fireEvent.click(screen.getByRole('button', { name: 'Ligar' }));
    expect(screen.getByRole('alert').textContent).toBe(
      `“${(dialBox as HTMLInputElement).value}” não é um número de telefone que possa ser discado.`,
    );
    expect(fake.sent('placeCall')).toEqual([]);
  });

  it('lists recent calls in Portuguese, with Portuguese times and redial buttons', async () => {
    const fake = openPopup({
      placeCall: fail('call-uncertain', textIn('pt_BR', 'callStatusUnknown')),
    });
    const section = await screen.findByRole('region', { name: 'Chamadas recentes' });
    await within(section).findAllByRole('listitem');
    fireEvent.click(within(section).getByRole('button', { name: 'Mostrar todas (4)' }));
    const [first, second, third] = within(section)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(first).toContain('+1 973-555-1212, ramal 12');
    expect(first).toContain('de crm.example.com');
    expect(first).toContain('há 5 minutos');
    expect(first).toContain('Realizada');
    expect(second).toContain('digitado');
    expect(second).toContain('há 2 horas');
    expect(second).toContain('Status desconhecido');
    expect(third).toContain('da barra de endereço');
    expect(third).toContain('ontem');
    within(section).getByRole('button', { name: 'Limpar histórico' });

    fireEvent.click(
      within(section).getByRole('button', { name: 'Ligar de novo para +1 973-555-1212, ramal 12' }),
    );
    expect((await within(section).findByRole('alert')).textContent).toBe(
      'Status desconhecido: o net2phone pode ter feito a chamada; verifique seu telefone antes de ligar de novo.',
    );
    expect(fake.sent('placeCall')).toEqual([{ number: '+1 973-555-1212 x12', source: 'history' }]);
  });

  it('lists devices and caller-ID numbers under "Seus números"', async () => {
    openPopup();
    const numbers = await screen.findByRole('region', { name: 'Seus números' });
    fireEvent.click(within(numbers).getByRole('button', { name: 'Mostrar' }));
    await within(numbers).findByRole('heading', { name: 'Dispositivos' });
    within(numbers).getByRole('heading', { name: 'Números exibidos' });
    expect(numbers.textContent).toContain('Ramal 100 · Yealink T54W');
    expect(numbers.textContent).toContain('+1 613-555-0199');
  });
});

describe('confirmation window in Brazilian Portuguese', () => {
  it('asks in Portuguese, with Cancel focused, and calls after Ligar', async () => {
    let clock = 1_000;
    const fake = fakeClient({
      getConfirmation: ok({
        display: '+1 876-927-1234',
        place: 'Jamaica',
        reasons: ['northAmerica', 'unseen'],
      }),
      answerConfirmation: ok({ dial: '18769271234', display: '+1 876-927-1234' }),
    });
    render(<Confirm id="c-1" client={fake.client} close={() => {}} now={() => clock} />);
    await screen.findByRole('heading', { name: 'Confirme esta chamada' });
    screen.getByText('Destino: Jamaica');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'É discado como um número norte-americano, mas toca em outro país e é cobrado como chamada internacional.',
      'Este número não aparecia assim na página (texto oculto ou endereço de um link): confira-o antes de ligar.',
    ]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancelar' }));

    clock += ARM_DELAY_MS;
    fireEvent.click(screen.getByRole('button', { name: 'Ligar' }));
    await screen.findByText(textIn('pt_BR', 'callPlaced'));
    expect(fake.sent('answerConfirmation')).toEqual([{ id: 'c-1', call: true }]);
    screen.getByRole('button', { name: 'Fechar' });
  });
});

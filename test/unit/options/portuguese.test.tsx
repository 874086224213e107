// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/options/App';
import { storageSettings } from '../../../src/options/services';
import type { WebhookSubscription } from '../../../src/shared/messages';
import { SETTINGS_KEY, type Settings } from '../../../src/shared/settings';
import { fakeClient, ok, type Replies } from '../popup/fake-client';
import { adaSession, twoCallerIds } from '../popup/fixtures';
import { fakeStorage, textIn } from '../support/fake-i18n';
import { FIXTURE_CALLER_IDS, optionTexts } from '../support/options';
import { section } from './open-options';

// The options page in Brazilian Portuguese (net2phone sells in Brazil): the same roles,
// Portuguese names, countries and dates in Portuguese.
vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser('pt-BR'),
);

afterEach(cleanup);

/**
 * Opens the page over fakes, as open-options.tsx does, waiting for the Portuguese heading
 * ("Opções") where that helper waits for the English one.
 */
async function openPortuguese({ replies = {}, stored }: { replies?: Replies; stored?: unknown }) {
  const storage = fakeStorage(stored === undefined ? {} : { [SETTINGS_KEY]: stored });
  const fake = fakeClient({
    getSession: ok(adaSession),
    getAccount: ok(twoCallerIds),
    listSubscriptions: ok([]),
    ...replies,
  });
  render(<App client={fake.client} services={{ settings: storageSettings(storage) }} />);
  await screen.findByRole('heading', { level: 1, name: 'Opções' });
  await screen.findByRole('region', { name: 'Geral' });
  return { fake, stored: () => storage.peek(SETTINGS_KEY) as Settings | undefined };
}

const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const hintOf = (element: HTMLElement) =>
  document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('options page in Brazilian Portuguese', () => {
  it('names the product and its sections in Portuguese, in order', async () => {
    await openPortuguese({});
    screen.getByText('Clique para ligar com net2phone');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Conta',
      'Geral',
      'Chamadas',
      'Perguntar antes de ligar',
      'Sites',
      'Avançado',
    ]);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Conexão',
      'Webhooks',
    ]);
  });

  it('General: countries named in Portuguese, sorted the Portuguese way; a guessed Brazil', async () => {
    const page = await openPortuguese({
      stored: { version: 2, defaultCountry: 'BR', countryChosen: false },
    });
    const country = screen.getByRole('combobox', { name: 'País padrão' }) as HTMLSelectElement;
    const names = within(country)
      .getAllByRole('option')
      .map((o) => o.textContent ?? '');
    expect(names).toContain('Estados Unidos (+1)');
    expect(names).toContain('Reino Unido (+44)');
    expect(names).toContain('Alemanha (+49)');
    expect(names).toEqual([...names].sort(new Intl.Collator('pt-BR').compare));
    // Accented names sort with their letter, not after Z: Áustria comes before Bélgica.
    expect(names.findIndex((n) => n.startsWith('Áustria'))).toBeLessThan(
      names.findIndex((n) => n.startsWith('Bélgica')),
    );
    expect(country.selectedOptions[0]?.textContent).toBe('Brasil (+55)');
    expect(hintOf(country)).toContain(textIn('pt_BR', 'optionsCountryGuessed'));
    // The example in the hint is a Brazilian number, read as one with Brazil chosen.
    expect(hintOf(country)).toContain('(11) 3456-7890');

    fireEvent.change(country, { target: { value: 'PT' } });
    await screen.findByText('Salvo');
    expect(page.stored()).toMatchObject({ defaultCountry: 'PT', countryChosen: true });

    const links = checkbox('Usar o net2phone para links de telefone (tel: e callto:)');
    expect(links.checked).toBe(true);
    expect(hintOf(links)).toBe(textIn('pt_BR', 'optionsHandleTelLinksHint'));
    const code = checkbox('Detectar números em blocos de código');
    expect(code.checked).toBe(false);
    fireEvent.click(code);
    await waitFor(() => expect(page.stored()?.markInCode).toBe(true));
  });

  it('Calls: the default caller ID, with net2phone’s default in Portuguese', async () => {
    await openPortuguese({});
    const callerId = (await within(section('Chamadas')).findByRole('combobox', {
      name: 'Número exibido padrão',
    })) as HTMLSelectElement;
    expect(optionTexts(callerId)).toEqual(['Padrão do net2phone', ...FIXTURE_CALLER_IDS]);
  });

  it('Ask before calling: the kinds of costly number, with Brazilian examples, all on', async () => {
    const page = await openPortuguese({});
    const ask = within(section('Perguntar antes de ligar'));
    ask.getByText(textIn('pt_BR', 'optionsConfirmIntro'));
    const names = [
      'Números de tarifa premium (1-900, prefixos 976, 0900 no Brasil…)',
      'Números de custo compartilhado e pessoais (070 no Reino Unido, 0300 no Brasil, +808…)',
      'Redes por satélite e internacionais (+870, +881, +882, +883)',
      'Números norte-americanos de outros países (809, 876, 473, 284, 649…)',
      'Países muito usados em fraudes telefônicas (Cuba)',
    ];
    expect(ask.getAllByRole('checkbox').map((box) => (box as HTMLInputElement).checked)).toEqual(
      names.map(() => true),
    );
    for (const name of names) ask.getByRole('checkbox', { name });
    const premium = checkbox(names[0] as string);
    expect(hintOf(premium)).toBe(textIn('pt_BR', 'confirmReasonPremium'));
    fireEvent.click(checkbox(names[4] as string));
    await waitFor(() => expect(page.stored()?.confirmHighCost?.tollFraud).toBe(false));
  });

  it('Sites: refuses an empty site in Portuguese, then adds and removes one', async () => {
    const page = await openPortuguese({});
    const sites = within(section('Sites'));
    sites.getByText('Nenhum: os números são detectados em todos os sites.');
    const add = sites.getByRole('button', { name: 'Adicionar site' });
    fireEvent.click(add);
    expect(sites.getByRole('alert').textContent).toBe(
      'Digite um site para adicionar, como mail.example.com.',
    );

    fireEvent.input(sites.getByRole('textbox', { name: 'Site a adicionar' }), {
      target: { value: 'crm.example.com.br' },
    });
    fireEvent.click(add);
    const list = await sites.findByRole('list', { name: 'Sites com a detecção desativada' });
    within(list).getByText('crm.example.com.br');
    await waitFor(() => expect(page.stored()?.disabledSites).toEqual(['crm.example.com.br']));

    fireEvent.click(sites.getByRole('button', { name: 'Remover crm.example.com.br' }));
    await waitFor(() => expect(page.stored()?.disabledSites).toEqual([]));
  });

  it('Connection: "Testar conexão" shows the background’s Portuguese answer', async () => {
    const message = textIn('pt_BR', 'connectionOk', ['ada@example.com', 'integrate.versature.com']);
    const page = await openPortuguese({
      replies: {
        testConnection: ok({ signedIn: true, email: 'ada@example.com', reachable: true, message }),
      },
    });
    const connection = within(section('Conexão'));
    connection.getByText(textIn('pt_BR', 'optionsConnectionHint'));
    fireEvent.click(connection.getByRole('button', { name: 'Testar conexão' }));
    expect((await connection.findByRole('status')).textContent).toBe(message);
    expect(message).toBe(
      'Conexão bem-sucedida: conectado como ada@example.com, e o net2phone (integrate.versature.com) respondeu.',
    );
    expect(page.fake.sent('testConnection')).toEqual([{}]);
  });

  it('Webhooks: the form in Portuguese', async () => {
    await openPortuguese({});
    const webhooks = within(section('Webhooks'));
    await webhooks.findByText('Nenhuma assinatura ainda.');
    webhooks.getByRole('heading', { name: 'Adicionar uma assinatura' });
    webhooks.getByRole('textbox', { name: 'Nome' });
    webhooks.getByRole('textbox', { name: 'URL de destino' });
    const events = webhooks.getByRole('group', { name: 'Eventos' });
    expect(
      within(events)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent),
    ).toEqual(['Chamadas', 'CDRs (beta)', 'Gravações']);
    webhooks.getByRole('radio', { name: 'Somente os meus' });
    webhooks.getByRole('radio', { name: 'Todos da minha empresa' });
    webhooks.getByRole('button', { name: 'Assinar' });
  });

  it('Webhooks: a subscription listed with Portuguese words and a Portuguese date', async () => {
    const expires = Date.UTC(2025, 5, 14, 19, 4);
    const crm: WebhookSubscription = {
      id: '5754713652854784',
      name: 'Registro do CRM',
      postUri: 'https://crm.example.com.br/hooks/Zk3vQ9rT2mW8xY4bN6cD1e',
      events: { calls: true, cdrs: false, recordings: true },
      scope: 'company',
      expiresAt: expires,
      state: 'active',
    };
    await openPortuguese({ replies: { listSubscriptions: ok([crm]) } });
    const webhooks = within(section('Webhooks'));
    const item = await webhooks.findByRole('listitem');
    const facts = [...item.querySelectorAll('dt')].map(
      (dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`,
    );
    const when = new Date(expires).toLocaleString('pt-BR', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    expect(when).toMatch(/jun\.? de 2025/);
    expect(facts).toEqual([
      `Destino: ${crm.postUri}`,
      'Eventos: Chamadas e Gravações',
      'De quem: Todos da minha empresa',
      `Expira em: ${when}`,
      'Status: Ativa',
    ]);
    webhooks.getByRole('button', { name: 'Excluir Registro do CRM' });
  });
});

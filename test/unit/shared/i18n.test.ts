import { afterEach, describe, expect, it, vi } from 'vitest';

/** `uiLanguage()` with the messages of `locale` while the browser reports `reported`. */
async function uiLanguageWith(locale: string, reported: string): Promise<string> {
  vi.resetModules();
  vi.doMock('../../../src/shared/browser', async () =>
    (await import('../support/fake-i18n')).i18nOnlyBrowser(locale, reported),
  );
  const { uiLanguage } = await import('../../../src/shared/i18n');
  return uiLanguage();
}

describe('the language the text is shown in', () => {
  afterEach(() => {
    vi.doUnmock('../../../src/shared/browser');
  });

  it('is the language of the messages, even when the browser reports another', async () => {
    expect(await uiLanguageWith('fr', 'en-US')).toBe('fr');
    expect(await uiLanguageWith('es', 'en-US')).toBe('es');
    expect(await uiLanguageWith('pt_BR', 'en-US')).toBe('pt-BR');
  });

  it("keeps the browser's region when it names the same language, for its date formats", async () => {
    expect(await uiLanguageWith('en', 'en-GB')).toBe('en-GB');
    expect(await uiLanguageWith('fr', 'fr-CA')).toBe('fr-CA');
    expect(await uiLanguageWith('en', 'en_AU')).toBe('en-AU');
  });

  it('keeps the translation’s own region over the browser’s', async () => {
    expect(await uiLanguageWith('pt_BR', 'pt-PT')).toBe('pt-BR');
  });
});

describe('relative times in Recent calls', () => {
  it('are in the language of the popup', async () => {
    vi.resetModules();
    vi.doMock('../../../src/shared/browser', async () =>
      (await import('../support/fake-i18n')).i18nOnlyBrowser('fr', 'en-US'),
    );
    const { whenText } = await import('../../../src/popup/call-record');
    const now = Date.UTC(2025, 5, 15, 12);
    expect(whenText(now, now)).toBe('maintenant');
    expect(whenText(now - 5 * 60_000, now)).toBe('il y a 5 minutes');
    vi.doUnmock('../../../src/shared/browser');
  });
});

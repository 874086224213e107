import { describe, expect, it } from 'vitest';
import { fakeStorage, fakeTabs, getMessage, i18nOnlyBrowser, textIn } from './fake-i18n';

describe('fake browser.i18n', () => {
  it('reads messages.json and fills named placeholders from substitutions', () => {
    expect(getMessage('popupSignIn')).toBe('Sign in');
    expect(getMessage('errorRateLimited', '3')).toBe('Too many calls. Wait 3 s and try again.');
    expect(getMessage('popupUserWithExt', ['Ada', '100'])).toBe('Ada (ext.\u00a0100)'); // no break inside "(ext. 100)"
  });

  it('answers "" for an unknown key and leaves missing substitutions empty, like the browser', () => {
    expect(getMessage('noSuchKey')).toBe('');
    expect(getMessage('popupUserWithExt', ['Ada'])).toBe('Ada (ext.\u00a0)');
  });

  it('does not re-read "$1" inside a substituted value', () => {
    expect(getMessage('popupWillCall', '$2 $$')).toBe('Will call $2 $$');
  });

  it('fails closed: any other browser API throws', () => {
    const { browser } = i18nOnlyBrowser() as { browser: Record<string, unknown> };
    expect(() => browser.runtime).toThrow(/not faked/);
  });
});

describe('fake browser.i18n in another locale', () => {
  it('reads the closest locale folder and reports the UI language asked for', () => {
    const { browser } = i18nOnlyBrowser('en-GB') as unknown as {
      browser: { i18n: { getMessage(key: string): string; getUILanguage(): string } };
    };
    expect(browser.i18n.getUILanguage()).toBe('en-GB');
    expect(browser.i18n.getMessage('popupSignIn')).toBe('Sign in');
    expect(textIn('en-GB', 'popupWillCall', '+1 973-555-1212')).toBe('Will call +1 973-555-1212');
  });

  it('says which messages file is missing', () => {
    expect(() => i18nOnlyBrowser('xx')).toThrow(/public\/_locales\/xx\/messages\.json/);
  });
});

describe('fake storage and tabs', () => {
  it('keeps copies, and tells listeners about each write, asynchronously', async () => {
    const storage = fakeStorage({ settings: { markInCode: true } });
    const heard: unknown[] = [];
    storage.onChanged.addListener((changes, area) => heard.push([changes, area]));
    const stored = (await storage.local.get('settings')).settings as { markInCode: boolean };
    stored.markInCode = false;
    expect(storage.peek('settings')).toEqual({ markInCode: true });

    const write = storage.local.set({ settings: { markInCode: false } });
    expect(heard).toEqual([]);
    await write;
    await Promise.resolve();
    expect(heard).toEqual([
      [{ settings: { oldValue: { markInCode: true }, newValue: { markInCode: false } } }, 'local'],
    ]);
    expect(await storage.local.get('nothing')).toEqual({});
  });

  it('answers tabs.query with the one active tab, with or without its URL', async () => {
    expect(await fakeTabs('https://crm.example.com/').query({ active: true })).toEqual([
      { id: 1, active: true, url: 'https://crm.example.com/' },
    ]);
    expect(await fakeTabs(undefined).query({ active: true })).toEqual([{ id: 1, active: true }]);
  });
});

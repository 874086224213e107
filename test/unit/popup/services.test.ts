import { describe, expect, it, vi } from 'vitest';
import { activeTabHost, storageSettings, webHostOf } from '../../../src/popup/services';
import { defaults, SETTINGS_KEY, type Settings } from '../../../src/shared/settings';
import { fakeStorage } from '../support/fake-i18n';

describe('popup services', () => {
  it.each([
    ['https://crm.example.com/contacts?id=7', 'crm.example.com'],
    ['http://127.0.0.1:8080/demo.html', '127.0.0.1'],
    ['https://Mail.Example.ORG/', 'mail.example.org'],
    ['chrome://extensions/', null],
    ['about:blank', null],
    ['moz-extension://1234/popup.html', null],
    ['file:///tmp/page.html', null],
    ['not a url', null],
    [undefined, null],
  ])('the web host of %s is %s', (url, host) => {
    expect(webHostOf(url)).toBe(host);
  });

  it('asks for the active tab of the current window, and survives a refusal', async () => {
    const seen: unknown[] = [];
    const host = activeTabHost({
      query: async (query) => {
        seen.push(query);
        return [{ url: 'https://crm.example.com/' }];
      },
    });
    expect(await host()).toBe('crm.example.com');
    expect(seen).toEqual([{ active: true, lastFocusedWindow: true }]);
    const refused = activeTabHost({
      query: async () => {
        throw new Error('no tabs');
      },
    });
    expect(await refused()).toBeNull();
  });

  it('repairs whatever is stored on load, and validates every update', async () => {
    const storage = fakeStorage({
      [SETTINGS_KEY]: { defaultCountry: 42, disabledSites: 'all', callerId: 'me', extra: true },
    });
    const settings = storageSettings(storage);
    expect((await settings.load()).settings).toEqual(defaults);
    const next = await settings.update({ disabledSites: ['HTTPS://CRM.Example.com/x', '!!'] });
    expect(next.settings.disabledSites).toEqual(['crm.example.com']);
    expect(storage.peek(SETTINGS_KEY)).toEqual(next.settings);
  });

  it('hears settings changes in storage.local only, validated', async () => {
    const storage = fakeStorage();
    const heard: Settings[] = [];
    const stop = storageSettings(storage).subscribe((s) => heard.push(s.settings));
    await storage.write({ other: 1 });
    await storage.write({ [SETTINGS_KEY]: { markInCode: true, defaultCountry: 'nope' } });
    await vi.waitFor(() => expect(heard).toEqual([{ ...defaults, markInCode: true }]));
    stop();
    expect(storage.listenerCount()).toBe(0);
  });
});

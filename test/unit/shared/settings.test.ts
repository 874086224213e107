import { describe, expect, it } from 'vitest';
import {
  defaults,
  isSiteDisabled,
  normaliseSite,
  validateSettings,
} from '../../../src/shared/settings';
import { loadSettings, updateSettings } from '../../../src/shared/settings-store';

function area(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  return {
    data,
    get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
    set: async (items: Record<string, unknown>) => {
      Object.assign(data, items);
    },
  };
}

describe('settings', () => {
  it('gives the defaults for nothing stored or garbage', () => {
    expect(validateSettings(undefined)).toEqual(defaults);
    expect(validateSettings('garbage')).toEqual(defaults);
    expect(validateSettings([1, 2])).toEqual(defaults);
  });

  it('repairs each bad field on its own and drops unknown ones', () => {
    expect(
      validateSettings({
        defaultCountry: 'usa',
        handleTelLinks: 'yes',
        markInCode: true,
        disabledSites: [
          'Mail.Example.com',
          'https://crm.example.org/path',
          42,
          'not a host!',
          'mail.example.com',
        ],
        secret: 'x',
      }),
    ).toEqual({
      ...defaults,
      markInCode: true,
      disabledSites: ['mail.example.com', 'crm.example.org'],
    });
  });

  it('keeps valid values', () => {
    const good = { ...defaults, defaultCountry: 'CA', handleTelLinks: false };
    expect(validateSettings(good)).toEqual(good);
  });

  it.each([
    ['example.com', 'example.com'],
    [' HTTPS://Example.com:8080/x ', 'example.com'],
    ['example.com/path', 'example.com'],
    ['', null],
    ['a b', null],
  ])('normalises the site %j to %j', (input, expected) => {
    expect(normaliseSite(input)).toBe(expected);
  });

  it('turns detection off for a listed site and its subdomains only', () => {
    const settings = { ...defaults, disabledSites: ['example.com'] };
    expect(isSiteDisabled(settings, 'example.com')).toBe(true);
    expect(isSiteDisabled(settings, 'mail.example.com')).toBe(true);
    expect(isSiteDisabled(settings, 'notexample.com')).toBe(false);
  });

  it('loads repaired settings and stores validated changes', async () => {
    const storage = area({ settings: { defaultCountry: 42 } });
    expect(await loadSettings(storage)).toEqual(defaults);
    const next = await updateSettings(storage, { defaultCountry: 'GB' });
    expect(next.defaultCountry).toBe('GB');
    expect(storage.data.settings).toEqual({ ...defaults, defaultCountry: 'GB' });
    await updateSettings(storage, { defaultCountry: 'nonsense' });
    expect((await loadSettings(storage)).defaultCountry).toBe('US');
  });
});

describe('settings migration', () => {
  it('moves v1 settings to v2: a non-default country counts as chosen', () => {
    expect(validateSettings({ version: 1, defaultCountry: 'CA', handleTelLinks: false })).toEqual({
      ...defaults,
      defaultCountry: 'CA',
      countryChosen: true,
      handleTelLinks: false,
    });
    expect(validateSettings({ version: 1, defaultCountry: 'US' }).countryChosen).toBe(false);
    expect(validateSettings({ defaultCountry: 'GB' }).countryChosen).toBe(true);
  });

  it('keeps a valid caller ID and drops anything else', () => {
    expect(validateSettings({ version: 2, callerId: '+16135550100' }).callerId).toBe(
      '+16135550100',
    );
    expect(validateSettings({ version: 2, callerId: '613-555-0100' }).callerId).toBe('');
    expect(validateSettings({ version: 2, callerId: 16135550100 }).callerId).toBe('');
  });

  it('never marks a repaired country as chosen', () => {
    expect(
      validateSettings({ version: 2, defaultCountry: 'zz', countryChosen: true }),
    ).toMatchObject({ defaultCountry: 'US', countryChosen: false });
  });
});

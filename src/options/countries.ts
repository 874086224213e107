import { type CountryCode, getCountries, getCountryCallingCode } from 'libphonenumber-js/min';

export interface Country {
  code: CountryCode;
  /** In the UI language, e.g. `Canada`, `États-Unis`. */
  name: string;
  /** Without the `+`, e.g. `1`. */
  callingCode: string;
}

/** An Intl object for the UI language; a tag it refuses falls back to the runtime's default. */
function intl<T>(ui: string, make: (locales: string[]) => T): T {
  try {
    return make([ui, 'en']);
  } catch {
    return make([]);
  }
}

/** Every country libphonenumber-js knows, named in the UI language `ui` and sorted by name. */
export function countryList(ui: string): Country[] {
  const names = intl(ui, (locales) => new Intl.DisplayNames(locales, { type: 'region' }));
  const collator = intl(ui, (locales) => new Intl.Collator(locales));
  return getCountries()
    .map((code) => ({
      code,
      name: names.of(code) ?? code,
      callingCode: getCountryCallingCode(code),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

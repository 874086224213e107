import { type CountryCode, getCountryCallingCode, Metadata } from 'libphonenumber-js/min';

// A page hint decides how national-format numbers are read, but it can be wrong: many North
// American sites declare `lang="en-GB"`, and min metadata accepts "(905) 335-7959" as a British
// number. Numbers written in a country's national format carry its trunk prefix (0 in the UK,
// 8 in Russia, …); text without it that is also a valid number for the user's own country is
// read as the user's. NANP pages are exempt: their trunk prefix `1` is normally left out.

const metadata = new Metadata();
const prefixes = new Map<CountryCode, string>();

// `nationalPrefix()` exists at runtime on the numbering plan but is missing from the typings.
interface WithNationalPrefix {
  nationalPrefix?: () => unknown;
}

function nationalPrefixOf(country: CountryCode): string {
  let prefix = prefixes.get(country);
  if (prefix === undefined) {
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan as WithNationalPrefix | undefined;
    const value = plan?.nationalPrefix?.();
    prefix = typeof value === 'string' && getCountryCallingCode(country) !== '1' ? value : '';
    prefixes.set(country, prefix);
  }
  return prefix;
}

/** True when `raw` is written nationally for `country` but without that country's trunk prefix. */
export function lacksTrunkPrefix(raw: string, country: CountryCode): boolean {
  const prefix = nationalPrefixOf(country);
  if (prefix === '' || /[+＋]/.test(raw)) return false;
  const digits = raw.replace(/\D/g, '');
  return !digits.startsWith(prefix);
}

import {
  type CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/min';

/** The region of a valid international number (`+16135550100` → `CA`), if it has one. */
export function regionOf(e164: string): CountryCode | undefined {
  try {
    const phone = parsePhoneNumberFromString(e164);
    return phone?.isValid() ? phone.country : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The user's likely country: from their own net2phone numbers first (the most
 * common region among them), else from the browser's locale (`fr-CA` → `CA`), else US.
 */
export function guessCountry(
  ownNumbers: readonly string[],
  locales: readonly string[],
): CountryCode {
  const counts = new Map<CountryCode, number>();
  for (const number of ownNumbers) {
    const region = regionOf(number);
    if (region) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  for (const locale of locales) {
    const region = /^[a-z]{2,3}[-_]([A-Z]{2})\b/i.exec(locale)?.[1]?.toUpperCase();
    if (region && isSupportedCountry(region)) return region;
  }
  return 'US';
}

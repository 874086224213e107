import { type CountryCode, getCountryCallingCode } from 'libphonenumber-js/min';
import { NANP_VANITY } from './gate';

// Vanity numbers ("1-800-FLOWERS", "800 SIX-flag"): dialed by their keypad digits, but only in the
// unambiguous North American shape, so a word that happens to follow a number is never dialed.

const KEYPAD = '22233344455566677778889999';

/** `1-800-FLOWERS` → `1-800-3569377`; undefined when the text is not a NANP vanity number. */
export function vanityToDigits(text: string): string | undefined {
  const m = VANITY.exec(text);
  if (!m) return undefined;
  const letters = (m[0].match(/[A-Za-z]/g) ?? []).length;
  if (letters < 3) return undefined;
  const converted = m[0].replace(
    /[A-Za-z]/g,
    (ch) => KEYPAD[ch.toUpperCase().charCodeAt(0) - 65] ?? '',
  );
  const digits = converted.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return national.length === 10 ? converted : undefined;
}

// Optional `+1`/`1`, a 3-digit area/toll-free code, then 7 keypad characters in groups.
const VANITY =
  /^(?:\+?1[\s.-]?)?\(?[2-9]\d\d\)?[\s.-]?(?=[A-Za-z0-9.\s-]*[A-Za-z])[A-Za-z0-9](?:[\s.-]?[A-Za-z0-9]){6}$/;

// Vanity numbers in running text (the gate's shape): upper-case letters only, so ordinary words
// never qualify.
const VANITY_IN_TEXT = new RegExp(NANP_VANITY.source, 'g');
const HAS_CAPS_RUN = /[A-Z]{3}/;

export interface VanityMatch {
  start: number;
  end: number;
  /** The match with letters turned into keypad digits. */
  digits: string;
}

export function findVanity(text: string): VanityMatch[] {
  if (!HAS_CAPS_RUN.test(text)) return [];
  const out: VanityMatch[] = [];
  for (const m of text.matchAll(VANITY_IN_TEXT)) {
    const digits = vanityToDigits(m[0]);
    if (digits !== undefined) out.push({ start: m.index, end: m.index + m[0].length, digits });
  }
  return out;
}

/**
 * The country to read converted vanity digits with: "1-800-…" is North American wherever it is
 * shown; without the leading 1 it is read only when the user's own country is North American.
 */
export function vanityReading(
  digits: string,
  country: CountryCode | undefined,
): CountryCode | undefined {
  const ownIsNanp = country !== undefined && getCountryCallingCode(country) === '1';
  if (ownIsNanp) return country;
  return /^\s*\+?1\D/.test(digits) ? 'US' : undefined;
}

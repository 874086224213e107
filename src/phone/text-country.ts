import {
  type CountryCode,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/min';
import { hasLabelledDigits } from './gate';
import { rewriteIdd } from './idd';
import { countriesNamedIn } from './named-country';
import { normalizeText } from './normalize';

// A page whose address and language name no country (an Indian company's `.com`, a Spanish
// association's site without `lang`) still says where it is: by the numbers it writes with their
// calling code ("+91 22 6177 4200", "(+34) 983 305 022"), or else by the countries it names. Those
// outside North America are the page's text countries: national numbers the user's own country
// cannot read ("Tel: 079-6630 4000") may be read as one of them (see `readAsOneOf`). Only what the
// background is sent counts, i.e. the blocks that passed the content script's gate.

// A `+` (or a rewritten `00`/`011`) and the digits and separators of one number after it.
const INTERNATIONAL = /\+[\s(]*[1-9][\d\s().-]{5,20}\d/g;
// Cheap test before the work: a plus, or 00 / 011 not inside a longer number.
const MAYBE_INTERNATIONAL = /[+＋]|(?<![\d０-９])(?:0|０)(?:0|０|11)/;
/** More countries than this make a list of offices abroad, not a page's own country. */
const MAX_COUNTRIES = 4;

/**
 * The countries outside North America that `texts` (one frame's blocks) write numbers of, or, when
 * they write none, name; most mentioned first; none when there are more than MAX_COUNTRIES.
 */
export function countriesOfText(
  texts: readonly string[],
  known: ReadonlyArray<CountryCode | undefined> = [],
): CountryCode[] {
  const counts = new Map<CountryCode, number>();
  const add = (country: CountryCode | undefined) => {
    if (country === undefined || known.includes(country)) return;
    if (getCountryCallingCode(country) === '1') return;
    counts.set(country, (counts.get(country) ?? 0) + 1);
  };
  for (const raw of texts) {
    if (!MAYBE_INTERNATIONAL.test(raw)) continue;
    const text = normalizeText(raw);
    const international = rewriteIdd(text)?.text ?? text;
    for (const m of international.matchAll(INTERNATIONAL)) add(countryOfNumber(m[0]));
  }
  // Names count only when no number says where the page is: they are mentions, numbers are facts.
  // And only in blocks with a phone label ("Toll Free (India): …"), which keeps the name search
  // off the long text of articles.
  if (counts.size === 0) {
    for (const raw of texts) {
      if (!hasLabelledDigits(raw)) continue;
      for (const n of countriesNamedIn(normalizeText(raw), known)) add(n.country);
    }
  }
  if (counts.size > MAX_COUNTRIES) return [];
  return [...counts].sort((a, b) => b[1] - a[1]).map(([country]) => country);
}

function countryOfNumber(text: string): CountryCode | undefined {
  try {
    const phone = parsePhoneNumberFromString(text);
    return phone?.isValid() ? phone.country : undefined;
  } catch {
    return undefined;
  }
}

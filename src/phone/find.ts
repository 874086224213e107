import { type CountryCode, type PhoneNumber, searchPhoneNumbersInText } from 'libphonenumber-js/min';
import { dialStringOf, isCallable } from './dial';
import { checkExtension } from './extension';
import { hasDigitRun } from './gate';
import { rewriteIdd } from './idd';
import { separateGluedWords } from './joins';
import { normalizeText } from './normalize';
import { isTrap } from './traps';

export interface FoundNumber {
  /** UTF-16 offsets into the text given to `findPhoneNumbers`. */
  start: number;
  end: number;
  e164: string;
  dial: string;
  ext?: string;
}

export interface FindOptions {
  /** The user's country: reads national-format numbers when the page gives no hint. */
  defaultCountry: CountryCode | undefined;
  /** The page's own country (see `countryHintForPage`); wins over `defaultCountry`. */
  pageCountry?: CountryCode | undefined;
}

interface Match {
  start: number;
  end: number;
  phone: PhoneNumber;
}

/** Valid, callable phone numbers in `text`, sorted and non-overlapping. */
export function findPhoneNumbers(text: string, options: FindOptions): FoundNumber[] {
  if (!hasDigitRun(text)) return [];
  const country = options.pageCountry ?? options.defaultCountry;
  const prepared = separateGluedWords(normalizeText(text));
  let matches = matchAll(prepared, country);
  const idd = rewriteIdd(prepared);
  if (idd) {
    const international: Match[] = [];
    for (const m of matchAll(idd.text, country)) {
      const prefixStart = idd.plusAt.get(m.start);
      if (prefixStart !== undefined) international.push({ ...m, start: prefixStart });
    }
    matches = mergeInternational(matches, international);
  }
  const found: FoundNumber[] = [];
  for (const m of matches) {
    if (!isCallable(m.phone) || isTrap(prepared, m.start, m.end)) continue;
    found.push(toFound(prepared, m));
  }
  return found;
}

function matchAll(text: string, country: CountryCode | undefined): Match[] {
  const out: Match[] = [];
  for (const m of searchPhoneNumbersInText(text, { defaultCountry: country })) {
    out.push({ start: m.startsAt, end: m.endsAt, phone: m.number });
  }
  return out;
}

// A number read through a rewritten `00`/`011` prefix replaces national readings it overlaps
// (they could only be a fragment of it); both lists are sorted, so is the result.
function mergeInternational(national: Match[], international: Match[]): Match[] {
  if (international.length === 0) return national;
  const kept = national.filter(
    (n) => !international.some((i) => n.start < i.end && i.start < n.end && n.start > i.start),
  );
  const merged = [...kept];
  for (const i of international) {
    if (!kept.some((n) => n.start < i.end && i.start < n.end)) merged.push(i);
  }
  return merged.sort((a, b) => a.start - b.start);
}

function toFound(text: string, m: Match): FoundNumber {
  const found: FoundNumber = {
    start: m.start,
    end: m.end,
    e164: m.phone.number,
    dial: dialStringOf(m.phone),
  };
  const ext = m.phone.ext;
  if (ext) {
    const { keep, mainEnd } = checkExtension(text.slice(m.start, m.end), ext);
    if (keep) found.ext = ext;
    else found.end = m.start + mainEnd;
  }
  return found;
}

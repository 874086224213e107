import {
  type CountryCode,
  getCountryCallingCode,
  type PhoneNumber,
  parsePhoneNumberFromString,
  searchPhoneNumbersInText,
} from 'libphonenumber-js/min';
import { isCallable } from './dial';
import { rewriteIdd } from './idd';
import { findVanity, vanityReading } from './vanity';

/** A number libphonenumber (or the vanity reader) found, before extension and trap checks. */
export interface Match {
  start: number;
  end: number;
  phone: PhoneNumber;
  /** Read through a rewritten `00`/`011` prefix. */
  idd?: boolean;
  /** Letters read as keypad digits; the trap filters do not apply. */
  vanity?: boolean;
}

/** libphonenumber's matcher (leniency 'valid'), plus `00`/`011` prefixes it does not know. */
export function matchNumbers(text: string, country: CountryCode | undefined): Match[] {
  const matches = matchAll(text, country).filter((m) => !isMisgroupedNanp(text, m));
  const idd = rewriteIdd(text);
  if (!idd) return matches;
  const international: Match[] = [];
  for (const m of matchAll(idd.text, country)) {
    const prefixStart = idd.plusAt.get(m.start);
    if (prefixStart !== undefined) international.push({ ...m, start: prefixStart, idd: true });
  }
  return mergeInternational(matches, international);
}

// "(65) 6436 5000" is Singapore's code in parentheses; libphonenumber's 'valid' leniency ignores
// grouping and reads a North American "656-436-5000". No NANP number opens with two digits in
// parentheses ("(1) 800 …" holds the country code and stays).
function isMisgroupedNanp(text: string, m: Match): boolean {
  return (
    m.phone.countryCallingCode === '1' &&
    text.charCodeAt(m.start) === 40 &&
    text[m.start + 3] === ')'
  );
}

// libphonenumber gives up on a text after this many rejected candidates (its default is
// unlimited). Real blocks reject a few per number; a 100 KB run of "0 1 2 … 20000" would
// otherwise cost most of a second of main-thread time. One try per 32 characters, at least 1024.
function maxTriesFor(text: string): number {
  return Math.max(1024, text.length >> 5);
}

function matchAll(text: string, country: CountryCode | undefined): Match[] {
  const out: Match[] = [];
  // `maxTries` is a documented matcher option missing from the typings; a variable (not a
  // literal) passes it through the declared parameter type.
  const options = { defaultCountry: country, maxTries: maxTriesFor(text) };
  for (const m of searchPhoneNumbersInText(text, options)) {
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

/** "1-800-FLOWERS", "(212) NEW-YORK": dialed by keypad digits, as North American numbers. */
export function matchVanity(text: string, country: CountryCode | undefined): Match[] {
  const out: Match[] = [];
  for (const v of findVanity(text)) {
    const reading = vanityReading(v.digits, country);
    const phone = reading && parsePhoneNumberFromString(v.digits, reading);
    if (phone && isCallable(phone)) out.push({ start: v.start, end: v.end, phone, vanity: true });
  }
  return out;
}

/** `base` plus the matches of `extra` that overlap none of it, sorted. */
export function addDisjoint(base: Match[], extra: Match[]): Match[] {
  if (extra.length === 0) return base;
  const added = extra.filter((e) => !base.some((b) => b.start < e.end && e.start < b.end));
  return added.length === 0 ? base : [...base, ...added].sort((a, b) => a.start - b.start);
}

/** `text` with the matched ranges turned into line breaks (which end any candidate). */
export function blankOut(text: string, matches: Match[]): string {
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + '\n'.repeat(m.end - m.start);
    at = m.end;
  }
  return out + text.slice(at);
}

/**
 * Numbers of `country` written with its calling code but no `+` ("Kuwait Tel: 965 23970072"),
 * only used where the block names that country (see named-country.ts). Each candidate is matched
 * as if a `+` stood before it; only a match of that calling code starting at the code counts.
 */
export function matchBareCallingCode(text: string, country: CountryCode): Match[] {
  const code = getCountryCallingCode(country);
  const out: Match[] = [];
  const bare = new RegExp(`(?<![\\p{L}\\p{N}+])${code}(?=\\)?[\\s.(-]*\\d)`, 'gu');
  for (const m of text.matchAll(bare)) {
    if (m.index < (out[out.length - 1]?.end ?? 0)) continue;
    const lineEnd = text.indexOf('\n', m.index);
    const piece = `+${text.slice(m.index, lineEnd < 0 ? text.length : lineEnd)}`;
    const first = matchAll(piece, country)[0];
    if (first?.start !== 0 || first.phone.countryCallingCode !== code) continue;
    // "(65) 6436 5000": the opening parenthesis belongs to the number.
    const start = text[m.index - 1] === '(' ? m.index - 1 : m.index;
    out.push({ start, end: m.index + first.end - 1, phone: first.phone, idd: true });
  }
  return out;
}

// A calling code in parentheses, written so it cannot be a North American area code or a trunk
// code: spaced inside ("( 86 ) 755-8266-2458"), or with the area code beside it ("(86-10) 5869
// 8989", "(41 21) 802 7000").
const PAREN_CODE = /\((?:\s+[1-9]\d{0,2}\s*|[1-9]\d{0,2}\s+|[1-9]\d{0,2}[\s-]+\d{1,4}\s*)\)/g;

/** Numbers written with their calling code in parentheses ("Tel ( 86 ) 755-8266-2458"). */
export function matchParenthesisedCode(text: string): Match[] {
  const out: Match[] = [];
  PAREN_CODE.lastIndex = 0;
  for (const m of text.matchAll(PAREN_CODE)) {
    const lineEnd = text.indexOf('\n', m.index);
    const rest = text.slice(m.index + 1, lineEnd < 0 ? text.length : lineEnd);
    // Same length: "( 86 ) 755…" → "+ 86   755…", so offsets map back one to one.
    const piece = `+${rest.replace(')', ' ')}`;
    const first = matchAll(piece, undefined)[0];
    if (first?.start !== 0 || first.end < m[0].length) continue;
    out.push({ start: m.index, end: m.index + first.end, phone: first.phone, idd: true });
  }
  return out;
}

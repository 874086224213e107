import {
  type CountryCode,
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
  const matches = matchAll(text, country);
  const idd = rewriteIdd(text);
  if (!idd) return matches;
  const international: Match[] = [];
  for (const m of matchAll(idd.text, country)) {
    const prefixStart = idd.plusAt.get(m.start);
    if (prefixStart !== undefined) international.push({ ...m, start: prefixStart, idd: true });
  }
  return mergeInternational(matches, international);
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

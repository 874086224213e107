// The shapes behind the trap filters in traps.ts: dates, addresses, ids, prices and friends.
// Every regular expression is compiled once, at module load.
import type { TrapContext } from './traps';

// IPv4: four dot-separated groups of at most 255 each, or a dotted match touching more dotted digits.
export function isIpV4(c: TrapContext, g: string[], s: string): boolean {
  if (!/^\.+$/.test(s)) return false;
  if (g.length === 4 && g.every((x) => x.length <= 3 && +x <= 255)) return true;
  return /\d\.$/.test(c.before) || /^\.\d/.test(c.after);
}

// Dotted versions: "4.12.123.4567", "120.0.6099.109"; dotted phone numbers never have a
// one-digit group after the first.
export function isVersion(c: TrapContext, g: string[], s: string): boolean {
  if (
    /\b(?:v|ver|version|release|build|chrome|firefox|safari|edge|ios|android)\.?\s*$/i.test(
      c.before,
    )
  ) {
    return /^[.\s]*$/.test(s);
  }
  return /^\.+$/.test(s) && g.length >= 3 && g.slice(1).some((x) => x.length === 1);
}

export const ISBN_BEFORE = /\bISBN(?:-?1[03])?\s*:?\s*$/i;
// ISBN-10 "0-306-40615-2" (check digit last) and ISBN-13 "978-3-16-148410-0".
export const ISBN_SHAPE = /^(?:\d{1,5}-\d{1,7}-\d{1,7}-[\dX]|97[89]-\d{1,5}-\d{1,7}-\d{1,7}-\d)$/;

export function isIsbnLength(g: string[]): boolean {
  const digits = g.join('').length;
  return digits === 9 || digits === 10 || digits === 13; // ISBN-10 with an X check digit has 9
}

const DATE =
  /(?:^|\D)(?:(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|[12]\d|3[01])[-/.](?:(?:19|20)?\d\d))(?:\D|$)/;
const COMPACT_DATE = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

// A date on its own, or a date followed by a time ("15.01.2024 14:30" is cut at the colon).
export function isDate(c: TrapContext): boolean {
  if (COMPACT_DATE.test(c.raw)) return true;
  const m = DATE.exec(c.raw);
  // Digits before the date make it a number's tail: "0341 25.18.76" is an Italian number.
  if (!m) return false;
  const dateStart = m.index + (/^\d/.test(m[0]) ? 0 : 1);
  if (/\d/.test(c.raw.slice(0, dateStart))) return false;
  const rest = c.raw.slice(m.index + m[0].length).replace(/\D/g, '');
  return rest.length === 0 || (/^\d{1,2}$/.test(rest) && /^\s?[:h.]\d\d/.test(c.after));
}

export function isYear(x: string): boolean {
  return x.length === 4 && +x >= 1900 && +x <= 2099;
}

export const PRICE_BEFORE =
  /(?:[$€£¥₹₩₽¢]|\b(?:USD|EUR|GBP|CAD|AUD|JPY|CHF|INR|Rs\.?|R\$|price|cost)\b:?)\s?$/i;
export const PRICE_AFTER =
  /^\s?(?:[$€£¥₹₩₽]|(?:USD|EUR|GBP|CAD|AUD|JPY|CHF|INR|dollars?|euros?)\b)/i;
// Thousands grouping: "1,234,567", "35.681.468" (a first group of 1–2 digits, then 3-digit groups).
export const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d{1,2}(?:\.\d{3}){2,}(?:,\d+)?$/;

// ZIP+4 ("90210-1234"), ZIP and postcode ranges ("21740 - 21749"): a 5-digit first group that
// does not start with a trunk 0 is a postcode, not an area code.
export function isZip(c: TrapContext, g: string[]): boolean {
  const [first = '', second = ''] = g;
  if (
    g.length === 2 &&
    /^[1-9]\d{4}$/.test(first) &&
    (second.length === 4 || second.length === 5)
  ) {
    return true;
  }
  // After a state ("CA 90210-1234 …") or a zip label, a leading 5-digit group is a postcode.
  return first.length === 5 && (ZIP_LABEL.test(c.before) || STATE.test(c.before));
}

const ZIP_LABEL = /\b(?:zip|zip code|postcode|postal code)\b[\s:#]*$/i;
const STATE = /\b[A-Z]{2}\s+$/;

// North American numbers written with slashes: "650/253-1234", "1/650/253/1234".
export const NANP_GROUPS = /^(?:1,)?3,(?:3,4|7)$/;

// Two decimals apart ("40.7128, -74.0060", "34.0522,-118.2437"); "02.1234.5678" is an Italian number.
export const COORDINATE = /^-?\d{1,3}\.\d{3,}(?:\s*,\s*|\s+|(?=-))-?\d{1,3}(?:\.\d+)?$/;
export const DECIMAL = /^\d{1,3}\.\d{3,}$/;

import { type CountryCode, getCountryCallingCode } from 'libphonenumber-js/min';
import { dialStringOf, isCallable, parseValidNumber } from './dial';
import { checkExtension } from './extension';
import { markForeignExtensions } from './extension-words';
import { hasDigitRun, hasLabelledDigits } from './gate';
import { separateGluedWords } from './joins';
import { maskDatesAndTimes } from './mask';
import {
  addDisjoint,
  blankOut,
  type Match,
  matchBareCallingCode,
  matchNumbers,
  matchParenthesisedCode,
  matchVanity,
} from './matches';
import { countriesNamedIn, type NamedCountry, onlyCountryBefore } from './named-country';
import { isWrittenAsNanp } from './nanp-shape';
import { lacksTrunkPrefix } from './national-prefix';
import { mixesDigitScripts, normalizeText } from './normalize';
import { nationalReadings, readAsOneOf } from './readings';
import { isLabelled, trapOf } from './traps';

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
  /**
   * For a page without a country of its own: the countries its text writes numbers of or names
   * (see `countriesOfText`). A national number the user's country left unread is read as the one
   * of them it is valid in.
   */
  textCountries?: readonly CountryCode[] | undefined;
}

/** Valid, callable phone numbers in `text`, sorted and non-overlapping. */
export function findPhoneNumbers(text: string, options: FindOptions): FoundNumber[] {
  if (!hasDigitRun(text)) return [];
  // Same-length rewrites only, so offsets in `prepared` are offsets in `text`.
  const prepared = maskDatesAndTimes(
    separateGluedWords(markForeignExtensions(normalizeText(text))),
  );
  const page = options.pageCountry ?? options.defaultCountry;
  const own = options.defaultCountry;
  // A number is read as North American only when written as one, on a page read as a country
  // outside North America, or after a block names one ("Shanghai, China Tel: 21 52387990").
  const nanpAllowed = nanpCheck(prepared, options.pageCountry, own);
  let matches = nationalReadings(prepared, page).filter(nanpAllowed);
  if (page && own && page !== own) {
    matches = withoutDoubtfulReadings(prepared, matches, own);
  }
  // A page hint can be wrong (many US sites declare `en-GB`), so numbers that are not valid for
  // the page's country are still read as the user's own national numbers — in what is left.
  if (own && page !== own) {
    const rest = matches.length > 0 ? blankOut(prepared, matches) : prepared;
    if (hasDigitRun(rest))
      matches = addDisjoint(matches, nationalReadings(rest, own).filter(nanpAllowed));
  }
  matches = withNamedCountry(prepared, matches, [page, own]);
  matches = withParenthesisedCode(prepared, matches);
  // Last, and only on a page without a country: the countries its text names or writes numbers of.
  const fromText = options.pageCountry
    ? []
    : (options.textCountries ?? []).filter((c) => c !== own);
  if (fromText.length > 0) {
    const rest = matches.length > 0 ? blankOut(prepared, matches) : prepared;
    if (hasDigitRun(rest)) matches = addDisjoint(matches, readAsOneOf(rest, fromText));
  }
  // A vanity match covers the whole "1-800-FLOWERS"; anything it overlaps is a fragment of it.
  // Without its leading 1, one is read only where the page is not another country's.
  const foreignPage = isOutsideNanp(options.pageCountry);
  matches = addDisjoint(matchVanity(prepared, foreignPage ? undefined : own), matches);
  const found: FoundNumber[] = [];
  for (const m of matches) {
    if (!isCallable(m.phone) || mixesDigitScripts(text.slice(m.start, m.end))) continue;
    const { number, mainEnd } = toFound(prepared, m);
    if (m.vanity || !isTrap(prepared, m, mainEnd)) found.push(number);
  }
  return found;
}

// Digits still unread in a block that names another country ("Doha, Qatar Tel: 974 44321784")
// are read as that country's numbers, nationally or behind its bare calling code — only right
// after a phone label, since such blocks are addresses full of postcodes and suite ranges.
function withNamedCountry(
  text: string,
  matches: Match[],
  known: Array<CountryCode | undefined>,
): Match[] {
  const rest = matches.length > 0 ? blankOut(text, matches) : text;
  if (!hasDigitRun(rest) || !hasLabelledDigits(rest)) return matches;
  const named = countriesNamedIn(text, known);
  let out = matches;
  for (const country of new Set(named.map((n) => n.country))) {
    const fits = (m: Match) =>
      onlyCountryBefore(named, m.start) === country &&
      isLabelled(text.slice(Math.max(0, m.start - CONTEXT), m.start));
    out = addDisjoint(out, matchBareCallingCode(rest, country).filter(fits));
    out = addDisjoint(out, matchNumbers(rest, country).filter(fits));
  }
  return out;
}

// "Tel ( 86 ) 755-8266-2458": a calling code in parentheses, read only after a phone label.
function withParenthesisedCode(text: string, matches: Match[]): Match[] {
  if (!text.includes('(') || !hasLabelledDigits(text)) return matches;
  const rest = matches.length > 0 ? blankOut(text, matches) : text;
  if (!hasDigitRun(rest)) return matches;
  const labelled = (m: Match) => isLabelled(text.slice(Math.max(0, m.start - CONTEXT), m.start));
  return addDisjoint(matches, matchParenthesisedCode(rest).filter(labelled));
}

function isOutsideNanp(country: CountryCode | undefined): boolean {
  return country !== undefined && getCountryCallingCode(country) !== '1';
}

// Which North American readings stand: all of them on a North American page; on a page of
// another country, those written as one; on a page without a country, those written as one or not
// preceded by the name of another country in their block.
function nanpCheck(
  text: string,
  pageCountry: CountryCode | undefined,
  own: CountryCode | undefined,
): (m: Match) => boolean {
  const foreignPage = isOutsideNanp(pageCountry);
  if (pageCountry && !foreignPage) return () => true;
  let named: NamedCountry[] | undefined;
  return (m) => {
    if (m.phone.countryCallingCode !== '1' || m.idd === true) return true;
    if (isWrittenAsNanp(text.slice(m.start, m.end))) return true;
    if (foreignPage) return false;
    named ??= countriesNamedIn(text, [own]);
    return !isOutsideNanp(onlyCountryBefore(named, m.start));
  };
}

// Page-country readings without the page country's trunk prefix, of text that is a valid number
// of the user's own country, are left for the default-country pass (see national-prefix.ts).
function withoutDoubtfulReadings(text: string, matches: Match[], own: CountryCode): Match[] {
  return matches.filter((m) => {
    if (m.idd) return true;
    const raw = text.slice(m.start, m.end);
    return !lacksTrunkPrefix(raw, m.phone) || !parseValidNumber(raw, own);
  });
}

// Cuts a bare ", 45" that libphonenumber took for an extension; `mainEnd` ends the main number.
function toFound(text: string, m: Match): { number: FoundNumber; mainEnd: number } {
  const number: FoundNumber = {
    start: m.start,
    end: m.end,
    e164: m.phone.number,
    dial: dialStringOf(m.phone),
  };
  let mainEnd = m.end;
  const ext = m.phone.ext;
  if (ext) {
    const check = checkExtension(text.slice(m.start, m.end), ext);
    mainEnd = m.start + check.mainEnd;
    if (check.keep) number.ext = ext;
    else number.end = mainEnd;
  }
  return { number, mainEnd };
}

const CONTEXT = 32;

function isTrap(text: string, m: Match, mainEnd: number): boolean {
  const raw = text.slice(m.start, mainEnd);
  const trap = trapOf({
    raw,
    before: text.slice(Math.max(0, m.start - CONTEXT), m.start),
    after: text.slice(mainEnd, mainEnd + CONTEXT),
    international: m.idd === true || raw.startsWith('+'),
    nanp: m.phone.countryCallingCode === '1',
  });
  return trap !== undefined;
}

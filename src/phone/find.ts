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
import { countriesNamedIn, onlyCountryBefore } from './named-country';
import { isWrittenAsNanp } from './nanp-shape';
import { lacksTrunkPrefix, omitsRequiredTrunkPrefix } from './national-prefix';
import { mixesDigitScripts, normalizeText } from './normalize';
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
  let matches = nationalReadings(prepared, page);
  if (page && own && page !== own) {
    matches = withoutDoubtfulReadings(prepared, matches, own);
  }
  // A page hint can be wrong (many US sites declare `en-GB`), so numbers that are not valid for
  // the page's country are still read as the user's own national numbers — in what is left.
  // On a page read as a country outside North America, a North American reading needs a number
  // written as one.
  const foreignPage = isOutsideNanp(options.pageCountry);
  if (own && page !== own) {
    const rest = matches.length > 0 ? blankOut(prepared, matches) : prepared;
    if (hasDigitRun(rest)) {
      let ownReadings = nationalReadings(rest, own);
      if (foreignPage) ownReadings = ownReadings.filter((m) => isNanpAsWritten(prepared, m));
      matches = addDisjoint(matches, ownReadings);
    }
  }
  matches = withNamedCountry(prepared, matches, [page, own]);
  matches = withParenthesisedCode(prepared, matches);
  // A vanity match covers the whole "1-800-FLOWERS"; anything it overlaps is a fragment of it.
  // Without its leading 1, one is read only where the page is not another country's.
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

// libphonenumber's readings for `country`, less the national ones that leave out the trunk
// prefix the country always writes ("100-0005" on a German page).
function nationalReadings(text: string, country: CountryCode | undefined): Match[] {
  return matchNumbers(text, country).filter(
    (m) => m.idd || !omitsRequiredTrunkPrefix(text.slice(m.start, m.end), m.phone),
  );
}

function isOutsideNanp(country: CountryCode | undefined): boolean {
  return country !== undefined && getCountryCallingCode(country) !== '1';
}

// A North American reading of text written the North American way, or any other reading.
function isNanpAsWritten(text: string, m: Match): boolean {
  return (
    m.phone.countryCallingCode !== '1' ||
    m.idd === true ||
    isWrittenAsNanp(text.slice(m.start, m.end))
  );
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

import {
  type CountryCode,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/min';
import { markForeignExtensions } from './extension-words';
import { mixesDigitScripts, normalizeText } from './normalize';
import { vanityReading, vanityToDigits } from './vanity';

export type { CountryCode };

/** A valid number, ready to show and to dial. */
export interface Dialable {
  /** What net2phone dials from North America: `1` + NANP number, else `011` + cc + NSN. */
  dial: string;
  e164: string;
  /** International format, without the extension ("+1 973-555-1212"). */
  display: string;
  ext?: string;
}

// `011` is the North American international prefix and `00` the European one; libphonenumber only
// honours the default country's own prefix, so both are retried as `+` when the national reading
// is not a valid number (e.g. `0044 20 7031 3000` seen from the US).
const INTL_PREFIX = /^(?:0[\s.-]?0|0[\s.-]?1[\s.-]?1)[\s.-]*(?=[1-9])/;

/** Parses a single number (with optional extension) and returns it only if it is valid. */
export function parseValidNumber(
  input: string,
  defaultCountry: CountryCode,
): PhoneNumber | undefined {
  // What is dialed is what is seen: no digits that look like others (issue 10).
  if (mixesDigitScripts(input)) return undefined;
  const text = cleanInput(input);
  if (text === '') return undefined;
  // A vanity number first: parsing "1-800-FLOWERS" as is would extract just "1-800".
  const vanity = vanityToDigits(text);
  if (vanity !== undefined) {
    const reading = vanityReading(vanity, defaultCountry);
    const phone = reading && safeParse(vanity, reading);
    return phone && isCallable(phone) ? phone : undefined;
  }
  const first = safeParse(text, defaultCountry);
  if (first && isCallable(first)) return first;
  const digitsStart = text.search(/[0-9]/);
  if (digitsStart < 0) return undefined;
  const head = text.slice(digitsStart);
  const match = INTL_PREFIX.exec(head);
  if (match === null) return undefined;
  const second = safeParse(`+${head.slice(match[0].length)}`, defaultCountry);
  return second && isCallable(second) ? second : undefined;
}

/** Valid under the metadata, and (for NANP) exactly ten national digits, as the dial rule needs. */
export function isCallable(phone: PhoneNumber): boolean {
  if (phone.countryCallingCode === '1' && phone.nationalNumber.length !== 10) return false;
  return phone.isValid();
}

/** The dial string net2phone expects for a parsed, valid number. */
export function dialStringOf(phone: PhoneNumber): string {
  // E.164 digits already hold the national significant number with Italy's leading zero.
  const digits = phone.number.slice(1);
  return phone.countryCallingCode === '1' ? digits : `011${digits}`;
}

/** International display format; NANP numbers get the familiar dashes. */
export function displayOf(phone: PhoneNumber): string {
  const nsn = phone.nationalNumber;
  if (phone.countryCallingCode === '1' && nsn.length === 10) {
    return `+1 ${nsn.slice(0, 3)}-${nsn.slice(3, 6)}-${nsn.slice(6)}`;
  }
  return phone.format('INTERNATIONAL', { formatExtension: (formatted) => formatted });
}

export function toDialable(phone: PhoneNumber): Dialable {
  const result: Dialable = {
    dial: dialStringOf(phone),
    e164: phone.number,
    display: displayOf(phone),
  };
  if (phone.ext) result.ext = phone.ext;
  return result;
}

/** `{dial, e164, display, ext?}` for a valid number in `input`, else null. */
export function parseDialable(input: string, defaultCountry: CountryCode): Dialable | null {
  const phone = parseValidNumber(input, defaultCountry);
  return phone ? toDialable(phone) : null;
}

/** The dial string for a valid number in `input` (extension dropped), else null. */
export function toDialString(input: string, defaultCountry: CountryCode): string | null {
  const phone = parseValidNumber(input, defaultCountry);
  return phone ? dialStringOf(phone) : null;
}

function safeParse(text: string, defaultCountry: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, { defaultCountry });
  } catch {
    return undefined;
  }
}

// Selections and `tel:` links arrive verbatim from pages: odd digits, doubled or spaced-out `+`
// ("++1 650…", "+ 00 64…", "+011 64…"), percent-encoding and RFC 3966 parameters.
function cleanInput(input: string): string {
  let text = normalizeText(input).trim();
  const tel = /(?:^|\s)(?:tel|callto):\/{0,2}(\S+)/i.exec(text);
  if (tel?.[1]) text = fromTelUri(tel[1]);
  text = markForeignExtensions(text);
  return text.replace(/^\+[\s+]*(?=\+)/, '').replace(/^\+\s*(?=0)/, '');
}

function fromTelUri(uri: string): string {
  let decoded = uri;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    // keep it raw: a stray `%` must not lose the number
  }
  const [number = '', ...params] = decoded.split(';');
  let ext = '';
  let context = '';
  for (const param of params) {
    const [key = '', value = ''] = param.split('=');
    if (key.toLowerCase() === 'ext') ext = value;
    if (key.toLowerCase() === 'phone-context') context = value;
  }
  // Only a `+…` context is a number prefix; a domain context says nothing about the country.
  const prefix = context.startsWith('+') && !number.startsWith('+') ? context : '';
  const local = prefix ? number.replace(/^0+/, '') : number;
  return `${prefix}${local}${ext ? ` ext. ${ext}` : ''}`;
}

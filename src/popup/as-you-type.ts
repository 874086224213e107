import { AsYouType, type CountryCode } from 'libphonenumber-js/min';

/** Digits, spaces, `+`, brackets, dots and dashes: what AsYouType may rearrange. */
const FORMATTABLE = /^[\d\s+().\-\u2010-\u2015\u2212]*$/;
const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * `input` as net2phone users read numbers in `country`, formatted while it is typed:
 * `9735551212` → `(973) 555-1212`. Left as typed when it holds anything AsYouType would drop
 * (an extension, letters), when the last character typed is not a digit (the user is typing
 * their own punctuation), or when formatting would lose a digit.
 */
export function formatAsYouType(input: string, country: CountryCode): string {
  if (!FORMATTABLE.test(input) || !/\d$/.test(input)) return input;
  let formatted: string;
  try {
    formatted = new AsYouType(country).input(input);
  } catch {
    return input;
  }
  return formatted !== '' && digitsOf(formatted) === digitsOf(input) ? formatted : input;
}

// Dates and clock times next to a phone number ("(914)349-8600 04/21/2020 12:37:30") make
// libphonenumber's candidate swallow them and then reject the whole run. Blanking them out first
// (with line breaks, which end a candidate; same length, so offsets hold) keeps the number.
// Only unambiguous forms are masked: d/m/yyyy or d.m.yyyy with a 19xx/20xx year, an ISO date that
// is followed by a time, hh:mm[:ss], and a range of hours written with dots ("8.00 - 12.00", which
// German metadata would read as a number). A list of line endings after a number ("+91 22 3307
// 4700/01/02/03") is masked too: libphonenumber takes "/01/02/03" for a date and drops the number.

const DAY_OR_MONTH = '(?:0?[1-9]|[12]\\d|3[01])';
const HOUR = '(?:[01]?\\d|2[0-4])';
const DATE_OR_TIME = new RegExp(
  [
    `(?<!\\d)${DAY_OR_MONTH}([/.])${DAY_OR_MONTH}\\1(?:19|20)\\d\\d(?!\\d)`,
    `(?<!\\d)(?:19|20)\\d\\d-(?:0?[1-9]|1[0-2])-${DAY_OR_MONTH}(?=[T\\s]+\\d{1,2}:\\d\\d)`,
    '(?<![\\d:])\\d{1,2}:\\d\\d(?::\\d\\d)?(?![\\d:])',
    // Opening hours written with dots or an h: "8.00 - 12.00", "08.30–17.00", "9h00-12h00".
    `(?<![\\d.])${HOUR}[.h][0-5]\\d\\s*[-–]\\s*${HOUR}[.h][0-5]\\d(?![\\d.])`,
    '(?<=\\d{4})(?:/\\d{1,2}){2,}(?![\\d/])',
  ].join('|'),
  'g',
);
const MAYBE = /\d[/.:h-]\d/;

export function maskDatesAndTimes(text: string): string {
  if (!MAYBE.test(text)) return text;
  return text.replace(DATE_OR_TIME, (date) => '\n'.repeat(date.length));
}

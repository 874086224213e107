// The cheap gate run before the parser on every text block: a phone number needs at least six
// digits joined only by a few separator characters. Text without such a run (most prose, and
// anything without digits at all) never reaches libphonenumber.

// Any Unicode decimal digit (full-width, Arabic-Indic, …), then five more, each after at most
// three separator characters. Compiled once; `test` on a non-global regex keeps no state.
const DIGIT_RUN = /\p{Nd}(?:[\s\p{Pd}()./+·]{0,3}\p{Nd}){5}/u;
const ANY_DIGIT = /\p{Nd}/u;
// Vanity numbers have fewer digits: an area code followed by capital letters ("1-800-FLOWERS").
const VANITY_RUN = /\d{3}\)?[\s.-]?[A-Z0-9]{0,3}[.-]?[A-Z]{3}/;

/** True when `text` may contain a phone number (a run of ≥ 6 digits with light punctuation). */
export function hasDigitRun(text: string): boolean {
  // The single-class test is the fast path: it fails on digit-free text without backtracking.
  return ANY_DIGIT.test(text) && (DIGIT_RUN.test(text) || VANITY_RUN.test(text));
}

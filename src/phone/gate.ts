// The cheap gates run before the parser. They look only at digits and a few characters, never at
// libphonenumber's metadata, so the content script can carry them on every page.

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

// A phone label followed by a run of six digits: the cheap test before the labelled-only
// readings. A one-letter label counts only as a capital ("T: 555…"), and only before a run, since
// "p. 12" is a page reference and "Smith, M. (1999)" a citation.
const RUN_AFTER_LABEL = String.raw`[^\p{L}\d\n]{0,4}\p{Nd}(?:[\s\p{Pd}()./+·]{0,3}\p{Nd}){5}`;
const LETTER_THEN_DIGIT = new RegExp(String.raw`\b[TPFM]\s?[:.]${RUN_AFTER_LABEL}`, 'u');
const LABEL_WORDS = String.raw`\bph\b|tel|phone|call|fax|mobile|cell|contact|toll|hotline|line|fono|handy`;
const WORD_THEN_DIGIT = new RegExp(`(?:${LABEL_WORDS})${RUN_AFTER_LABEL}`, 'iu');

/**
 * How far before a digit run the text can change `mayHoldNumber`'s verdict on it: a label
 * ("hotline" and four characters, one more for a word boundary) or a `+`. Text farther away
 * counts only through runs of its own.
 */
export const LABEL_REACH = 16;

/** Where the first digit run of `hasDigitRun` starts in `text` (-1 if none). */
export const firstDigitRun = (text: string): number => text.search(DIGIT_RUN);

// Any of those labels, anywhere, in any case: the cheap test before the two above. Their Unicode
// classes take about 1 ms to compile (on every page, the first time they run, in every frame),
// and most texts with digits name no label at all. Without the `u` flag it matches wherever they
// do (its word boundaries and case folding are ASCII only), at a fraction of the cost.
const ANY_LABEL = new RegExp(`${LABEL_WORDS}|[TPFM]\\s?[:.]`, 'i');

/** True when `text` has a phone label with a run of six digits right after it. */
export function hasLabelledDigits(text: string): boolean {
  return ANY_LABEL.test(text) && (LETTER_THEN_DIGIT.test(text) || WORD_THEN_DIGIT.test(text));
}

// A North American vanity number in running text ("1-800-FLOWERS", "(888) 555-HELP"): optional
// `+1`/`1`, an area code, then seven capitals or digits, three or more of them capitals.
export const NANP_VANITY =
  /(?<![\w+])(?:\+?1[\s.-]?)?(?:\([2-9]\d\d\)|[2-9]\d\d)[\s.-]?(?=[A-Z0-9.-]*[A-Z][A-Z0-9.-]*[A-Z][A-Z0-9.-]*[A-Z])[A-Z0-9](?:[.-]?[A-Z0-9]){6}(?!\w)/;

// The countries of the North American Numbering Plan (calling code 1): a national number there
// always has ten digits.
const NANP = new Set(
  'US CA AG AI AS BB BM BS DM DO GD GU JM KN KY LC MP MS PR SX TC TT VC VG VI'.split(' '),
);

// Every run of six or more digits joined by light punctuation, and a date or a year range at its
// start ("2024-11-27", "2019/05/14 12:30", "11/27/2026", "2006–18 (2017"), whose digits do not
// count towards a number.
const DIGIT_RUNS = /\p{Nd}(?:[\s\p{Pd}()./+·]{0,3}\p{Nd}){5,}/gu;
const LEADING_DATE =
  /^(?:(?:1[89]|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|[12]\d|3[01])[-/.](?:1[89]|20)?\d\d|(?:1[89]|20)\d\d\s?[-–—]\s?(?:(?:1[89]|20)\d\d|\d\d))(?!\d)/u;
// An ISBN ("0-306-40615-2", "978-3-16-148410-0"): its last group is one check character.
const ISBN = /^(?:97[89]-)?\d{1,5}-\d{1,7}-\d{1,7}-[\dX]$/;
// A DOI ("10.1016/0169-5347(93)90009") or an ISBN-13 run into other digits.
const DOI_OR_ISBN13 = /^(?:10\.\d{4,9}\/|97[89]\d{10})/;
const ONLY_DIGITS = /^\p{Nd}+$/u;
const ASCII_DIGITS = /^[0-9]+$/;
const NOT_DIGIT = /\P{Nd}/gu;

/**
 * The content script's gate: true when `text` may hold a number the engine would find, reading
 * national numbers as `countries` (the page's regions, if any, and the user's country). When all
 * of them use the North American plan, a number has ten digits (eleven with a leading 1) unless
 * it follows a `+` or is dialled with 00/011, so dates, year ranges, ISBNs, ids and prices
 * (most digit runs on real pages) never load the parser. Labelled digits ("Tel: …") always pass:
 * a block can name another country. `npm run eval` checks that this hides no number the engine
 * finds on the corpus pages.
 */
export function mayHoldNumber(text: string, countries: ReadonlyArray<string | undefined>): boolean {
  if (!hasDigitRun(text)) return false;
  if (!countries.every((c) => c !== undefined && NANP.has(c))) return true;
  // The run test first: a number usually passes it, and the others cost more the first time.
  for (const match of text.matchAll(DIGIT_RUNS)) {
    if (mayBeNanpReadable(match[0], text[match.index - 1] === '+')) return true;
  }
  return NANP_VANITY.test(text) || hasLabelledDigits(text);
}

function mayBeNanpReadable(run: string, afterPlus: boolean): boolean {
  if (afterPlus) return true;
  if (ISBN.test(run) || DOI_OR_ISBN13.test(run)) return false;
  if (ONLY_DIGITS.test(run)) {
    // Unformatted: a national number (its area code starts with 2–9), or an international one
    // dialled with 00 / 011. Other scripts' digits (full-width, Arabic-Indic) are left to the engine.
    if (!ASCII_DIGITS.test(run)) return true;
    const digits = run.length;
    return (
      (digits === 10 && /^[2-9]/.test(run)) ||
      (digits === 11 && /^1[2-9]/.test(run)) ||
      /^0(?:0|11)\d{7}/.test(run)
    );
  }
  return run.replace(LEADING_DATE, '').replace(NOT_DIGIT, '').length >= 10;
}

// Number-shaped text that libphonenumber accepts but that is not a phone number on real pages.
// Each check looks only at the matched text (`raw`, without any extension) and a few characters
// around it; all patterns are compiled once at module load.

export interface TrapContext {
  /** The matched main number, without extension. */
  raw: string;
  /** Up to 32 characters before and after the match. */
  before: string;
  after: string;
  /** True when the number was written in international form (`+`, `00`, `011`). */
  international: boolean;
  /** True when the number was read as North American (country calling code 1). */
  nanp: boolean;
}

import { ID_BEFORE, PHONE_WORD } from './labels';
import {
  COORDINATE,
  DECIMAL,
  ISBN_BEFORE,
  ISBN_SHAPE,
  isDate,
  isIpV4,
  isIsbnLength,
  isVersion,
  isYear,
  isZip,
  NANP_GROUPS,
  PRICE_AFTER,
  PRICE_BEFORE,
  THOUSANDS,
} from './trap-patterns';

const GROUPS = /\d+/g;
const TIMES = /^(?:[01]?\d|2[0-3])\.[0-5]\d(?:\s+(?:[01]?\d|2[0-3])\.[0-5]\d)+$/;
const TWO_SINGLE_DIGITS = /(?:^|\s)\d\s+\d(?=\s|$)/;
const IBAN_BEFORE = /(?:^|[^\p{L}\d])[A-Z]{2}\d{2}(?:\s?[A-Z\d]{4})+\s?$/u;
const PREFIXED_ID = /(?:^|[^\p{L}\d])\p{L}{2,}[\p{L}\d]*-$/u;

/** The reason `ctx` is not a phone number, or undefined when it may be one. */
export function trapOf(ctx: TrapContext): string | undefined {
  const groups = ctx.raw.match(GROUPS) ?? [];
  const separators = ctx.raw.replace(/[\d+()]/g, '');
  for (const [name, check] of CHECKS) {
    if (check(ctx, groups, separators)) return name;
  }
  return undefined;
}

type Check = (ctx: TrapContext, groups: string[], separators: string) => boolean;

const CHECKS: Array<[string, Check]> = [
  [
    'pagination',
    (_c, g) => g.length >= 4 && g.every((x, i) => i === 0 || +x === +(g[i - 1] ?? '') + 1),
  ],
  ['ip-address', (c, g, s) => isIpV4(c, g, s)],
  ['version', (c, g, s) => isVersion(c, g, s)],
  [
    'number-list',
    (_c, g, s) => g.length >= 3 && /^[/,\s]*[/,][/,\s]*$/.test(s) && g.every((x) => /0$/.test(x)),
  ],
  ['isbn', (c, g) => ISBN_BEFORE.test(c.before) || (ISBN_SHAPE.test(c.raw) && isIsbnLength(g))],
  ['date', (c) => isDate(c)],
  ['year-range', (_c, g) => g.length === 2 && g.every(isYear)],
  // "2023-457812", "2024/000123": an order, invoice or patent number led by its year.
  [
    'year-reference',
    (c, g, s) => !c.international && g.length === 2 && isYear(g[0] ?? '') && /^[-/.]$/.test(s),
  ],
  // "06.12 06.42 07.12": a timetable; "38 29 7 2 89 22": a row of a league table (games, won,
  // drawn, lost, goals); phone numbers never hold two one-digit groups side by side.
  ['times', (c) => TIMES.test(c.raw)],
  // (Digits spelt out one by one, "0 3 3 3 1 6 0 0 5", or led by a trunk 0 are a number.)
  [
    'table-row',
    (c, g) =>
      !c.international &&
      g.length >= 4 &&
      !c.raw.startsWith('0') &&
      g.some((x) => x.length > 1) &&
      TWO_SINGLE_DIGITS.test(c.raw),
  ],
  // "NL91 ABNA 0417 1643 00": the rest of an IBAN after its country and check digits.
  ['bank-account', (c) => IBAN_BEFORE.test(c.before)],
  [
    'price',
    (c) => PRICE_BEFORE.test(c.before) || PRICE_AFTER.test(c.after) || THOUSANDS.test(c.raw),
  ],
  ['zip', (c, g) => !c.international && isZip(c, g)],
  [
    'slash-grouping',
    (c, g, s) => c.nanp && s.includes('/') && !NANP_GROUPS.test(g.map((x) => x.length).join(',')),
  ],
  ['sentence-break', (c) => /\)[.,;:]\s/.test(c.raw)],
  // "965 23970072-79": a block of lines 72 to 79, not a North American "239-700-7279".
  ['line-range', (_c, g, s) => g.length >= 2 && /[-/]$/.test(s) && isLineRange(g)],
  ['identifier', (c) => ID_BEFORE.test(c.before) && !PHONE_WORD.test(c.before)],
  // "INV-2024-000123", "REQ-2024-004512": letters glued by a hyphen to digits that are not grouped
  // like a phone number make an id ("number-415-666-7777" keeps its 3-3-4 grouping).
  [
    'prefixed-id',
    (c, g) =>
      PREFIXED_ID.test(c.before) &&
      !PHONE_WORD.test(c.before.slice(-16)) &&
      !(c.nanp && NANP_GROUPS.test(g.map((x) => x.length).join(','))),
  ],
  ['url-parameter', (c) => /(?:[=?&#_]|\S\/)$/.test(c.before)],
  ['negative-number', (c) => /(?:^|[\s(=:])-$/.test(c.before)],
  ['arithmetic', (c) => c.raw.startsWith('+') && /\d$/.test(c.before)],
  ['too-short', (c, g) => !c.international && g.join('').replace(/^0+/, '').length < 6],
  ['bare-count', (c) => !c.international && !c.nanp && /^[1-9]\d{0,6}$/.test(c.raw)],
  ['paren-id', (c) => /\((?!0)\d{5,}\)/.test(c.raw)],
  ['timestamp', (c) => !c.international && /^1\d{9}(?:\d{3})?$/.test(c.raw)],
  [
    'coordinates',
    (c) =>
      COORDINATE.test(c.raw) ||
      (DECIMAL.test(c.raw) && /-$|°\s*$/.test(c.before)) ||
      /^\s?°/.test(c.after),
  ],
];

// "Tel: ", "Phone ", "T: " (one-letter labels only with their colon) just before a number.
const LABEL_BEFORE = /(?:^|[^\p{L}])(?:[TPFM]\s?[:.]|\p{L}+\s?[:.]?)\s*\(?$/u;

/** True when `before` (the text up to a number) ends with a phone label. */
export function isLabelled(before: string): boolean {
  const label = LABEL_BEFORE.exec(before);
  if (!label) return false;
  return /^[^\p{L}]?(?:[TPFM]|ph)\s?[:.]/iu.test(label[0]) || PHONE_WORD.test(label[0]);
}

function isLineRange(g: string[]): boolean {
  const last = g[g.length - 1] ?? '';
  const previous = g[g.length - 2] ?? '';
  return last.length <= 2 && previous.length >= 7;
}

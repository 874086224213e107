/**
 * Where the page lays adjacent elements out apart (flex or grid items, `display: block` spans,
 * table cells, list items), their texts are not run together: "Kwame Mensah", "1-713-555-0164"
 * and "Break until 14:30" in three flex items are three texts, not
 * "Kwame Mensah1-713-555-0164Break until 14:30" (issue 12, item 3). Styles are looked up only
 * for elements at a join where it matters, never on a page without digits.
 */
import type { TextBlock } from './blocks';
import { CHECKPOINT_NODES, DIGIT } from './runs';

/** An inline run: its text nodes in order, their text, and the elements crossed between each two. */
export interface Run {
  nodes: Text[];
  /** `texts[i]` is `nodes[i].data`, read once. */
  texts: string[];
  /** `between[i]`: the elements entered, left or stepped over from `nodes[i]` to `nodes[i + 1]`. */
  between: Element[][];
}

/**
 * The run cut into the pieces a person sees apart: at each join that matters for a number
 * (`joinMatters`) where an element crossed is laid out apart. Pieces without a digit are left
 * out.
 */
export function* cutAtLayout(run: Run, apart: Map<Element, boolean>): Generator<TextBlock | null> {
  const { nodes, texts, between } = run;
  let from = 0;
  let cuts = false;
  for (let i = 0; i < nodes.length - 1; i++) {
    if ((i + 1) % CHECKPOINT_NODES === 0) yield null;
    const crossed = between[i] as Element[];
    if (crossed.length === 0 || !joinMatters(texts, i)) continue;
    if (!crossed.some((el) => laidOutApart(el, apart))) continue;
    const group = piece(run, from, i + 1, true);
    if (group) yield group;
    from = i + 1;
    cuts = true;
  }
  // Uncut, the run holds the digit it was read for.
  const last = piece(run, from, nodes.length, cuts);
  if (last) yield last;
}

/** Nodes [from, to) as one text with their offsets; null when `check`ed and digit-free. */
function piece(run: Run, from: number, to: number, check: boolean): TextBlock | null {
  const texts = run.texts.slice(from, to);
  if (check && !texts.some((t) => DIGIT.test(t))) return null;
  const starts: number[] = [];
  let offset = 0;
  for (const text of texts) {
    starts.push(offset);
    offset += text.length;
  }
  return { text: texts.join(''), nodes: run.nodes.slice(from, to), starts };
}

const OTHER = 0;
const SPACE = 1;
const DIGIT_CHAR = 2;
const LETTER = 3;
/** A character that opens a number: `+` or `(` (and their full-width forms). */
const OPENS = 4;

/** The kind of the code point `cp`, for `joinMatters` (ASCII without a regex). */
function kindOf(cp: number): number {
  if (cp < 128) {
    if (cp >= 48 && cp <= 57) return DIGIT_CHAR;
    const lower = cp | 32;
    if (lower >= 97 && lower <= 122) return LETTER;
    if (cp === 32 || (cp >= 9 && cp <= 13)) return SPACE;
    return cp === 43 || cp === 40 ? OPENS : OTHER;
  }
  const char = String.fromCodePoint(cp);
  if (DIGIT.test(char)) return DIGIT_CHAR;
  if (/\s/.test(char)) return SPACE;
  if (/\p{L}/u.test(char)) return LETTER;
  return char === '＋' || char === '（' ? OPENS : OTHER;
}

const firstKind = (text: string): number => kindOf(text.codePointAt(0) ?? 0);

/** The kind of the last code point (a character outside the BMP is two UTF-16 units). */
function lastKind(text: string): number {
  const code = text.charCodeAt(text.length - 1);
  const pair = code >= 0xdc00 && code <= 0xdfff && text.length > 1;
  return kindOf(pair ? (text.codePointAt(text.length - 2) ?? code) : code);
}

/**
 * Whether reading the texts on both sides of the join after `texts[i]` as one string or as two
 * can change a number: a digit against a letter or digit ("Mensah" | "1-713…",
 * "0164" | "Break", "Room 12" | "555-0100"), a `+` or `(` after one ("Name" | "+1 713…"), or
 * digits on both sides across white space ("Room 12" | " 555-0100"). Other joins read the same
 * either way ("born in " | "1998", "(" | "12", "Kwame" | "Mensah") and cost no style lookup.
 */
function joinMatters(texts: string[], i: number): boolean {
  const left = lastKind(texts[i] as string);
  const right = firstKind(texts[i + 1] as string);
  if (left !== SPACE && right !== SPACE) {
    const wordLeft = left === DIGIT_CHAR || left === LETTER;
    if (left === DIGIT_CHAR && (right === DIGIT_CHAR || right === LETTER)) return true;
    return wordLeft && (right === DIGIT_CHAR || right === OPENS);
  }
  return (
    nearestKind(texts, i, false) === DIGIT_CHAR && nearestKind(texts, i + 1, true) === DIGIT_CHAR
  );
}

/** The kind of the nearest character that is not white space, from `texts[i]` on, one way. */
function nearestKind(texts: string[], i: number, forward: boolean): number {
  for (let n = i; n >= 0 && n < texts.length; n += forward ? 1 : -1) {
    const text = texts[n] as string;
    const trimmed = forward ? text.trimStart() : text.trimEnd();
    if (trimmed) return forward ? firstKind(trimmed) : lastKind(trimmed);
  }
  return OTHER;
}

/**
 * Whether the page lays `el` out as a box of its own, apart from its neighbours: its computed
 * `display` is block-level (block, flex, grid, table, a table cell or row, a list item…). Flex
 * and grid items, floats and absolutely positioned elements compute as block-level whatever
 * their own `display` says. Inline-level boxes (inline, inline-block, inline-flex, ruby) and
 * `contents` flow with the text, as `innerText` reads them; `none` shows nothing in between.
 */
function laidOutApart(el: Element, cache: Map<Element, boolean>): boolean {
  let apart = cache.get(el);
  if (apart === undefined) {
    const view = el.ownerDocument.defaultView;
    const display = view ? view.getComputedStyle(el).display : '';
    apart =
      display !== '' &&
      display !== 'contents' &&
      display !== 'none' &&
      !display.startsWith('inline') &&
      !display.startsWith('ruby');
    cache.set(el, apart);
  }
  return apart;
}

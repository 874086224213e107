/**
 * The text read as one piece around a digit: its inline run (the text nodes joined through
 * inline elements, up to the nearest block, `<br>` or nested block), cut where the page lays
 * adjacent elements out apart (flex or grid items, `display: block` spans, table cells, list
 * items), so that "Kwame Mensah", "1-713-555-0164" and "Break until 14:30" in three flex items
 * are three texts, not "Kwame Mensah1-713-555-0164Break until 14:30" (issue 12, item 3).
 */
import type { TextBlock } from './blocks';

/** Inline elements by tag: their text joins the surrounding text. */
export const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
]);

export const isInlineTag = (node: Node): boolean =>
  node.nodeType === 1 && INLINE.has((node as Element).tagName);

const DIGIT = /\p{Nd}/u;
const SPACE = /\s/;

/** Yielded every this many nodes, so the caller can pause between chunks. */
export const CHECKPOINT_NODES = 512;

/** What a run does at an element it meets (see `RunContext.step`). */
export const Step = {
  /** An inline element: its text joins the run. */
  Enter: 0,
  /** An element never read (a script, code, an editor…): stepped over, the run goes on. */
  Skip: 1,
  /** Anything else (a nested block, a `<br>`, a table cell…): the run ends. */
  End: 2,
} as const;
export type Step = (typeof Step)[keyof typeof Step];

/** The per-walk state the run needs: how elements are judged, and what was judged already. */
export interface RunContext {
  step: (el: Element) => Step;
  /** Per walk: whether an element is laid out apart from its neighbours (see `laidOutApart`). */
  apart: Map<Element, boolean>;
}

/** An inline run: its text nodes in order, and the elements crossed between each two. */
interface Run {
  nodes: Text[];
  /** `between[i]`: the elements entered, left or stepped over from `nodes[i]` to `nodes[i + 1]`. */
  between: Element[][];
}

/**
 * The texts read around `start` (a text node with a digit that is read), each one a group of
 * text nodes read as one string; pieces without a digit are left out. Returns the run's last
 * text node: the walk goes on after it. Cost: the run's own nodes, never the rest of its block
 * (a digit in text lying right under `<body>` used to send the walk over the whole page again),
 * and a computed style only for elements crossed next to a digit.
 */
export function* readAround(
  start: Text,
  root: Node,
  context: RunContext,
): Generator<TextBlock | null, Text, void> {
  const before: Run = { nodes: [], between: [] };
  const after: Run = { nodes: [], between: [] };
  yield* extend(start, root, context.step, false, before);
  yield* extend(start, root, context.step, true, after);
  const run: Run = {
    nodes: [...before.nodes.reverse(), start, ...after.nodes],
    between: [...before.between.reverse(), ...after.between],
  };
  yield* cutAtLayout(run, context.apart);
  return run.nodes[run.nodes.length - 1] as Text;
}

/**
 * Collects the text nodes next to `start` in one direction into `into`, until the run ends: at
 * an element that is not inline by its tag (a nested block, a `<br>`, a table cell…) or at the
 * walk's root. Elements never read are stepped over without ending the run, as before.
 */
function* extend(
  start: Text,
  root: Node,
  step: (el: Element) => Step,
  forward: boolean,
  into: Run,
): Generator<null, void, void> {
  let node: Node = start;
  let enter = false;
  let crossed: Element[] = [];
  for (let steps = 1; ; steps++) {
    // A run can be most of a page (inline text right under <body>): pause inside it too.
    if (steps % CHECKPOINT_NODES === 0) yield null;
    let next: Node | null = enter ? (forward ? node.firstChild : node.lastChild) : null;
    for (let at = node; !next; ) {
      next = forward ? at.nextSibling : at.previousSibling;
      if (next) break;
      const parent: Node | null = at.parentNode;
      // Leaving the block (or the walk's root): the run ends.
      if (!parent || parent === root || !isInlineTag(parent)) return;
      crossed.push(parent as Element);
      at = parent;
    }
    node = next;
    enter = false;
    if (node.nodeType === 3) {
      if ((node as Text).data.length === 0) continue;
      into.nodes.push(node as Text);
      into.between.push(crossed);
      crossed = [];
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const next = step(el);
      if (next === Step.End) return;
      crossed.push(el);
      enter = next === Step.Enter;
    }
  }
}

/**
 * The run cut into the pieces a person sees apart: at each join between two text nodes with a
 * digit, `+` or parenthesis beside it (the nearest non-space character on either side) where an
 * element crossed is laid out apart. Joins between letters are left alone: gluing "Kwame" to "Mensah" hides no
 * number, and looking up their styles would cost a style read per link of every paragraph.
 */
function* cutAtLayout(run: Run, apart: Map<Element, boolean>): Generator<TextBlock | null> {
  const { nodes, between } = run;
  let from = 0;
  for (let i = 0; i < nodes.length - 1; i++) {
    if ((i + 1) % CHECKPOINT_NODES === 0) yield null;
    const crossed = between[i] as Element[];
    if (crossed.length === 0 || !joinMatters(nodes, i)) continue;
    if (!crossed.some((el) => laidOutApart(el, apart))) continue;
    const group = blockOf(nodes.slice(from, i + 1));
    if (group) yield group;
    from = i + 1;
  }
  const last = blockOf(from === 0 ? nodes : nodes.slice(from));
  if (last) yield last;
}

/** The nodes as one text with their offsets; null when no node holds a digit. */
function blockOf(nodes: Text[]): TextBlock | null {
  const starts: number[] = [];
  let text = '';
  let digits = false;
  for (const node of nodes) {
    starts.push(text.length);
    const data = node.data;
    if (!digits && DIGIT.test(data)) digits = true;
    text += data;
  }
  return digits ? { text, nodes, starts } : null;
}

/**
 * Whether reading the text on both sides of the join after `nodes[i]` as one string or as two
 * can change a number: a digit, `+` or parenthesis right at the join, with no space on the
 * other side ("Mensah" | "1-713…", "0164" | "Break", "Name" | "+1 713…"), or digits on both
 * sides across white space ("Room 12" | " 555-0100", which joined may read as one number).
 * Other joins ("born in " | "1998", "Kwame" | "Mensah") read the same either way.
 */
function joinMatters(nodes: Text[], i: number): boolean {
  const left = lastChar((nodes[i] as Text).data);
  const right = firstChar((nodes[i + 1] as Text).data);
  const leftSpace = SPACE.test(left);
  const rightSpace = SPACE.test(right);
  if (!leftSpace && !rightSpace) return isNumberChar(left) || isNumberChar(right);
  if (leftSpace && rightSpace) {
    return isNumberChar(edge(nodes, i, false)) && isNumberChar(edge(nodes, i + 1, true));
  }
  // One side is white space: it matters only with number characters on both sides.
  if (leftSpace) return isNumberChar(right) && isNumberChar(edge(nodes, i, false));
  return isNumberChar(left) && isNumberChar(edge(nodes, i + 1, true));
}

const NUMBER_CHAR = /^[\p{Nd}+()＋（）]$/u;
const isNumberChar = (char: string): boolean => NUMBER_CHAR.test(char);

/** The first code point of `data` (not empty). */
const firstChar = (data: string): string => String.fromCodePoint(data.codePointAt(0) ?? 0);

/** The last code point of `data` (not empty): a character outside the BMP is two UTF-16 units. */
function lastChar(data: string): string {
  const code = data.charCodeAt(data.length - 1);
  return code >= 0xdc00 && code <= 0xdfff && data.length > 1 ? data.slice(-2) : data.slice(-1);
}

/** The nearest non-space character from `nodes[i]` on, going forward or back; '' if none. */
function edge(nodes: Text[], i: number, forward: boolean): string {
  for (let n = i; n >= 0 && n < nodes.length; n += forward ? 1 : -1) {
    const data = (nodes[n] as Text).data;
    const trimmed = forward ? data.trimStart() : data.trimEnd();
    if (trimmed) return forward ? firstChar(trimmed) : lastChar(trimmed);
  }
  return '';
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

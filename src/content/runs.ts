/**
 * The text read as one piece around a digit: its inline run (the text nodes joined through
 * inline elements, up to the nearest block, `<br>` or nested block), cut where the page lays
 * adjacent elements out apart (layout.ts).
 */
import { firstDigitRun, hasDigitRun, LABEL_REACH } from '../phone/gate';
import type { TextBlock } from './blocks';
import { cutAtLayout, type Run } from './layout';

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

/**
 * The texts read around `start` (a text node with a digit that is read), each one a group of
 * text nodes read as one string; pieces without a digit are left out. Returns the run's last
 * text node: the walk goes on after it. Cost: the run's own nodes, never the rest of its block
 * (a digit in text lying right under `<body>` used to send the walk over the whole page again),
 * and a computed style only for elements crossed where a cut could change a number.
 */
export function* readAround(
  start: Text,
  root: Node,
  context: RunContext,
): Generator<TextBlock | null, Text, void> {
  const before = emptyRun();
  const after = emptyRun();
  yield* extend(start, root, context.step, false, before);
  yield* extend(start, root, context.step, true, after);
  const run: Run = {
    nodes: [...before.nodes.reverse(), start, ...after.nodes],
    texts: [...before.texts.reverse(), start.data, ...after.texts],
    between: [...before.between.reverse(), ...after.between],
  };
  yield* cutAtLayout(run, context.apart);
  return run.nodes[run.nodes.length - 1] as Text;
}

/**
 * Every character a digit run of the gate's first test (`hasDigitRun`: six digits with light
 * separators, or a vanity number's digits and capitals) can be made of. A match lies inside a
 * stretch of these characters.
 */
const NOT_RUN_CHAR = /[^\p{Nd}\s\p{Pd}()./+·A-Z]/u;
/** Any decimal digit, of any script (the one test every file of the walk shares). */
export const DIGIT = /\p{Nd}/u;

/** What a text node's own text says of its digits (`digitRunSides`): bits of these. */
export const RunSides = {
  /** Its digits are in no digit run, whatever its neighbours hold: nothing to read. */
  None: 0,
  /** Its digits reach its start through characters a run can hold: the text before may count. */
  Before: 1,
  /** Its digits reach its end the same way: the text after may count. */
  After: 2,
  /** It holds a digit run of its own. */
  Own: 4,
} as const;

/**
 * Which neighbours of a text node with a digit can matter to the gate, from its own text alone
 * (no other node is touched, nothing is allocated). Its digits can make a digit run with a
 * neighbour's text only across an edge they reach through run characters: in
 * "Retrieved 12 March 2019." the text before cannot join "12" (the stretch at the start is "R"),
 * and in "[12]" neither side can. Most digits on a page are like these, and looking at their
 * neighbours first was most of the cost of a digit (each node touched is a new wrapper in our
 * isolated world). `None` when no side matters and the text holds no run itself.
 */
export function digitRunSides(text: string): number {
  return (
    (hasDigitRun(text) ? RunSides.Own : 0) |
    (edgeHasDigit(text, false) ? RunSides.Before : 0) |
    (edgeHasDigit(text, true) ? RunSides.After : 0)
  );
}

/** Whether the stretch of run characters at one end of `text` holds a digit. */
function edgeHasDigit(text: string, atEnd: boolean): boolean {
  for (let i = atEnd ? text.length : 0; atEnd ? i > 0 : i < text.length; ) {
    // One code point at a time: digits outside the BMP are two UTF-16 units.
    const code = text.charCodeAt(atEnd ? i - 1 : i);
    const pair = atEnd ? code >= 0xdc00 && code <= 0xdfff : code >= 0xd800 && code <= 0xdbff;
    const width = pair && (atEnd ? i > 1 : i < text.length - 1) ? 2 : 1;
    const char = atEnd ? text.slice(i - width, i) : text.slice(i, i + width);
    if (NOT_RUN_CHAR.test(char)) return false;
    if (DIGIT.test(char)) return true;
    i += atEnd ? -width : width;
  }
  return false;
}

/**
 * The text around `start`'s digits: its own text and, on the `sides` where they reach an edge
 * (`digitRunSides`), its neighbours' texts up to and including the first one with a character
 * that cannot be in a digit run. Every digit run that holds one of `start`'s digits lies whole in
 * it, with whatever touches it on both sides. Null when it holds no digit run: the gate passes
 * nothing without one (`mayHoldNumber` starts with `hasDigitRun`), and a run elsewhere in the
 * block is read from that run's own first digit. Most digits on a page are like this (a citation
 * "[12]", a year, a count), and a paragraph with one was read whole.
 */
export function* textAround(
  start: Text,
  root: Node,
  context: RunContext,
  sides: number,
): Generator<null, string | null, void> {
  const text = start.data;
  if (!(sides & (RunSides.Before | RunSides.After))) {
    return sides & RunSides.Own ? text : null;
  }
  const before = emptyRun();
  const after = emptyRun();
  if (sides & RunSides.Before) yield* extend(start, root, context.step, false, before, hasNotRun);
  if (sides & RunSides.After) yield* extend(start, root, context.step, true, after, hasNotRun);
  const around = before.texts.reverse().join('') + text + after.texts.join('');
  return sides & RunSides.Own || hasDigitRun(around) ? around : null;
}

/**
 * False when the gate refuses `around` (`textAround`) and so would refuse the block it lies in,
 * as far as `start`'s digits go: then the block need not be read from here (a run elsewhere in it
 * is read from its own digits). The gate's verdict on a run depends on the run, what touches it,
 * and a label up to LABEL_REACH characters before it (gate.ts); `around` holds the first two
 * whole, so it decides alone unless its first run starts closer to its start than that, where a
 * label could lie just outside ("<b>Tel</b><i>:</i> 1234 5678"). On pages read as North
 * American, most runs are dates, ids and ISBNs the gate refuses, and reading their whole block
 * (a paragraph of a reference list) cost more than the rest of the walk.
 */
export function gateMayPass(around: string, gate: (text: string) => boolean): boolean {
  return gate(around) || firstDigitRun(around) < LABEL_REACH;
}

/** Where `textAround` stops on each side: at a text with a character no run can hold. */
const hasNotRun = (text: string): boolean => NOT_RUN_CHAR.test(text);

const emptyRun = (): Run => ({ nodes: [], texts: [], between: [] });

/**
 * Collects the text nodes next to `start` in one direction into `into`, until the run ends: at
 * an element that is not inline by its tag (a nested block, a `<br>`, a table cell…) or at the
 * walk's root; or, with `until`, after the first text it accepts. Elements never read are
 * stepped over without ending the run.
 */
function* extend(
  start: Text,
  root: Node,
  step: (el: Element) => Step,
  forward: boolean,
  into: Run,
  until?: (text: string) => boolean,
): Generator<null, void, void> {
  let node: Node = start;
  let enter = false;
  let crossed: Element[] = [];
  // How deep inside elements this walk entered: leaving those needs no check.
  let depth = 0;
  for (let steps = 1; ; steps++) {
    // A run can be most of a page (inline text right under <body>): pause inside it too.
    if (steps % CHECKPOINT_NODES === 0) yield null;
    let next: Node | null = null;
    if (enter) {
      next = forward ? node.firstChild : node.lastChild;
      if (next) depth++;
    }
    for (let at = node; !next; ) {
      next = forward ? at.nextSibling : at.previousSibling;
      if (next) break;
      const parent: Node | null = at.parentNode;
      if (depth > 0) depth--;
      // Leaving the block (or the walk's root): the run ends.
      else if (!parent || parent === root || !isInlineTag(parent)) return;
      crossed.push(parent as Element);
      at = parent as Node;
    }
    node = next;
    enter = false;
    const type = node.nodeType;
    if (type === 3) {
      const text = (node as Text).data;
      if (text.length === 0) continue;
      into.nodes.push(node as Text);
      into.texts.push(text);
      into.between.push(crossed);
      crossed = [];
      if (until?.(text)) return;
    } else if (type === 1) {
      const el = node as Element;
      const next = step(el);
      if (next === Step.End) return;
      crossed.push(el);
      enter = next === Step.Enter;
    }
  }
}

/**
 * The text read as one piece around a digit: its inline run (the text nodes joined through
 * inline elements, up to the nearest block, `<br>` or nested block), cut where the page lays
 * adjacent elements out apart (layout.ts).
 */
import { hasDigitRun } from '../phone/gate';
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

/**
 * False when `start`'s digits cannot be part of any text the gate lets through, so its run need
 * not be read: the run's text around them, as far as the first character that cannot be in a
 * digit run on each side, holds no digit run. The gate passes nothing without one
 * (`mayHoldNumber` starts with `hasDigitRun`), a piece of the run has no more of it, and a run
 * that holds one elsewhere is read from that run's own first digit. Most digits on a page are
 * like this (a citation "[12]", a year, a count), and a paragraph with one was read whole.
 */
export function* nearDigitRun(
  start: Text,
  root: Node,
  context: RunContext,
): Generator<null, boolean, void> {
  const before = emptyRun();
  const after = emptyRun();
  const until = (text: string) => NOT_RUN_CHAR.test(text);
  if (!until(start.data.slice(0, 1)))
    yield* extend(start, root, context.step, false, before, until);
  if (!until(start.data.slice(-1))) yield* extend(start, root, context.step, true, after, until);
  return hasDigitRun(before.texts.reverse().join('') + start.data + after.texts.join(''));
}

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

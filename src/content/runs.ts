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

/** `NOT_RUN_CHAR` and `DIGIT` at one position (sticky): no string is cut out to test a character. */
const NOT_RUN_AT = new RegExp(NOT_RUN_CHAR.source, 'uy');
const DIGIT_AT = new RegExp(DIGIT.source, 'uy');

/**
 * Whether the stretch of run characters at one end of `text` holds a digit. ASCII is told by its
 * code; other characters (one code point: digits outside the BMP are two UTF-16 units) by the
 * patterns.
 */
function edgeHasDigit(text: string, atEnd: boolean): boolean {
  const step = atEnd ? -1 : 1;
  for (let i = atEnd ? text.length - 1 : 0; i >= 0 && i < text.length; i += step) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (code >= 48 && code <= 57) return true;
      if (!isAsciiRunChar(code)) return false;
      continue;
    }
    // Going back, a low surrogate ends a pair that starts one unit before.
    if (atEnd && code >= 0xdc00 && code <= 0xdfff && i > 0) {
      const high = text.charCodeAt(i - 1);
      if (high >= 0xd800 && high <= 0xdbff) i--;
    }
    NOT_RUN_AT.lastIndex = i;
    if (NOT_RUN_AT.test(text)) return false;
    DIGIT_AT.lastIndex = i;
    if (DIGIT_AT.test(text)) return true;
    // Going forward, a pair is two units.
    if (!atEnd && code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
  }
  return false;
}

/** An ASCII character other than a digit that a digit run can hold (see NOT_RUN_CHAR). */
function isAsciiRunChar(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    (code >= 40 && code <= 41) ||
    code === 43 ||
    (code >= 45 && code <= 47) ||
    (code >= 65 && code <= 90)
  );
}

/**
 * The text around `start`'s digits: its own text and, on the `sides` where they reach an edge
 * (`digitRunSides`), its neighbours' texts up to and including the first one with a character
 * that cannot be in a digit run. Every digit run that holds one of `start`'s digits lies whole in
 * it, with whatever touches it on both sides. Null when it holds no digit run: the gate passes
 * nothing without one (`mayHoldNumber` starts with `hasDigitRun`), and a run elsewhere in the
 * block is read from that run's own first digit. Most digits on a page are like this (a citation
 * "[12]", a year, a count), and a paragraph with one was read whole. Undefined when a side goes on
 * for more than CHECKPOINT_NODES nodes (text of run characters only, split very finely): the
 * caller reads the run then, as it would a run with a number.
 *
 * Plain code that keeps only strings (no generator, no arrays of nodes): it runs for most digits
 * on a page, and only a run that is read needs what `readAround` gathers.
 */
export function textAround(
  start: Text,
  root: Node,
  context: RunContext,
  sides: number,
): string | null | undefined {
  const before = sides & RunSides.Before ? sideText(start, root, context.step, false) : '';
  const after = sides & RunSides.After ? sideText(start, root, context.step, true) : '';
  if (before === undefined || after === undefined) return undefined;
  const around = before + start.data + after;
  return sides & RunSides.Own || hasDigitRun(around) ? around : null;
}

/**
 * One side of `textAround`: the texts next to `start`, in page order, up to and including the
 * first with a character no run can hold; undefined past CHECKPOINT_NODES nodes.
 */
function sideText(
  start: Text,
  root: Node,
  step: (el: Element) => Step,
  forward: boolean,
): string | undefined {
  const cursor = new RunCursor(start, root, step, forward);
  let side = '';
  for (let text = cursor.next(CHECKPOINT_NODES); text !== null; ) {
    if (text === undefined) return undefined;
    const data = text.data;
    side = forward ? side + data : data + side;
    text = hasNotRun(data) ? null : cursor.next(CHECKPOINT_NODES);
  }
  return side;
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
 * Collects the text nodes next to `start` in one direction into `into`, until the run ends (see
 * `RunCursor`), pausing every CHECKPOINT_NODES nodes: a run can be most of a page (inline text
 * right under `<body>`).
 */
function* extend(
  start: Text,
  root: Node,
  step: (el: Element) => Step,
  forward: boolean,
  into: Run,
): Generator<null, void, void> {
  const cursor = new RunCursor(start, root, step, forward);
  let limit = CHECKPOINT_NODES;
  for (;;) {
    const text = cursor.next(limit);
    if (text === null) return;
    if (text === undefined) {
      yield null;
      limit += CHECKPOINT_NODES;
      continue;
    }
    into.nodes.push(text);
    into.texts.push(text.data);
    into.between.push(cursor.crossed);
    cursor.crossed = [];
  }
}

/**
 * Steps from a text node through the text read with it, one way: into inline elements and out of
 * them, over elements never read, until an element that is not inline by its tag (a nested block,
 * a `<br>`, a table cell…) or the walk's root ends the run.
 */
class RunCursor {
  /** Nodes stepped onto so far, elements and texts. */
  steps = 0;
  /** The elements entered, left or stepped over since the last text returned. */
  crossed: Element[] = [];
  private node: Node;
  private enter = false;
  /** How deep inside elements the cursor entered: leaving those needs no check. */
  private depth = 0;
  private ended = false;

  constructor(
    start: Text,
    private readonly root: Node,
    private readonly step: (el: Element) => Step,
    private readonly forward: boolean,
  ) {
    this.node = start;
  }

  /**
   * The run's next text node that is not empty; null once the run has ended; undefined when
   * `steps` reached `limit` first (called again with a higher limit, it goes on).
   */
  next(limit: number): Text | null | undefined {
    const { forward } = this;
    while (!this.ended) {
      if (this.steps >= limit) return undefined;
      this.steps++;
      let next: Node | null = null;
      if (this.enter) {
        next = forward ? this.node.firstChild : this.node.lastChild;
        if (next) this.depth++;
      }
      for (let at = this.node; !next; ) {
        next = forward ? at.nextSibling : at.previousSibling;
        if (next) break;
        const parent: Node | null = at.parentNode;
        if (this.depth > 0) this.depth--;
        else if (!parent || parent === this.root || !isInlineTag(parent)) {
          // Leaving the block (or the walk's root): the run ends.
          this.ended = true;
          return null;
        }
        this.crossed.push(parent as Element);
        at = parent as Node;
      }
      this.node = next;
      this.enter = false;
      const type = next.nodeType;
      if (type === 3) {
        if ((next as Text).data.length > 0) return next as Text;
      } else if (type === 1) {
        const verdict = this.step(next as Element);
        if (verdict === Step.End) this.ended = true;
        else {
          this.crossed.push(next as Element);
          this.enter = verdict === Step.Enter;
        }
      }
    }
    return null;
  }
}

import {
  CHECKPOINT_NODES,
  DIGIT,
  digitRunSides,
  gateMayPass,
  INLINE,
  RunSides,
  readAround,
  Step,
  textAround,
} from './runs';

/**
 * Reads page text the way a person sees it: per block, joining the text of
 * inline children, so `<b>(973)</b> 555-1212` is one string, and keeping apart
 * what the page lays out apart (runs.ts). Each block keeps its text nodes and
 * their start offsets to turn matches back into Ranges.
 */
export interface TextBlock {
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[];
}

/** Elements whose text is never scanned (plus `code`/`pre` unless the user opts in). */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'TEMPLATE',
  'SVG',
  'svg',
  'MATH',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'HEAD',
  'TITLE',
]);
const CODE = new Set(['CODE', 'PRE', 'KBD', 'SAMP']);
/** Elements whose text is a single raw text node (skipped: checked on the parent alone first). */
const RAW_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TITLE', 'OPTION']);

export interface WalkOptions {
  markInCode: boolean;
  /** Our own UI (the call card host) is never scanned. */
  ignore?: Element | null;
  /** Called for each open shadow root met on the way (scanned as its own root). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * The gate the blocks read will go through (`mayHoldNumber` with the page's countries): with
   * it, a run is not read when the text around its digits already shows the gate refuses it
   * (`gateMayPass`). Every block it would have let through is still read.
   */
  gate?: (text: string) => boolean;
}

function isSkippedTag(el: Element, options: WalkOptions): boolean {
  if (SKIP.has(el.tagName) || el === options.ignore) return true;
  return !options.markInCode && CODE.has(el.tagName);
}

/** An element whose own contenteditable attribute makes it editable (any value but "false"). */
function isEditingHost(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * Per walk: how the text and elements met are judged. Only elements near digits are judged (the
 * ancestors of a text that is read, the inline elements its run crosses), each once. Their own
 * contenteditable attribute is read instead of `isContentEditable` (which makes Chromium compute
 * editability, several times slower over a big page); a query for any such attribute in the
 * whole page before the first judgement cost more (0.5 ms on a large page) than reading it on
 * the few elements judged.
 */
class Judge {
  constructor(
    private readonly root: Node,
    private readonly options: WalkOptions,
  ) {}

  /** Per walk: whether an element, or one above it up to the walk's root, is never read. */
  private readonly verdicts = new Map<Node, boolean>();

  /**
   * True when `node` lies inside an element never read, below the walk's root (`walkBlocks`
   * checked the root and above). Each ancestor is judged once per walk: text nodes with digits
   * share most of their ancestors. (A `closest()` with the list of skipped tags cost more: the
   * browser parses the selector anew on every page.)
   */
  skipsText(node: Text): boolean {
    const unjudged: Node[] = [];
    let verdict = false;
    for (let el = node.parentNode; el; el = el === this.root ? null : el.parentNode) {
      const known = this.verdicts.get(el);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      unjudged.push(el);
    }
    // Judge from the top down: below a skipped element everything is skipped.
    for (let i = unjudged.length - 1; i >= 0; i--) {
      const el = unjudged[i] as Node;
      if (!verdict && el.nodeType === 1 && this.rejects(el as Element)) verdict = true;
      this.verdicts.set(el, verdict);
    }
    return verdict;
  }

  private rejects(el: Element): boolean {
    const tag = el.tagName;
    if (SKIP.has(tag) || el === this.options.ignore) return true;
    if (!this.options.markInCode && CODE.has(tag)) return true;
    return isEditingHost(el);
  }

  /** What a run does at `el` (runs.ts): join inline text, step over what is never read, or end. */
  readonly step = (el: Element): Step => {
    const tag = el.tagName;
    const code = !this.options.markInCode && CODE.has(tag);
    if (INLINE.has(tag)) {
      if (code || isEditingHost(el)) return Step.Skip;
      return Step.Enter;
    }
    if (code || SKIP.has(tag) || el === this.options.ignore) return Step.Skip;
    return Step.End;
  };
}

/**
 * True when `root` is inside (or is) an element that is never scanned. The
 * walker's filter never sees its own root or the root's ancestors, and a
 * rescan starts at the changed block: text typed into an editor, or set in a
 * `<pre>`, a `<textarea>` or a `<script>`, would otherwise be marked.
 */
function insideSkipped(root: Node, options: WalkOptions): boolean {
  // Editable areas belong to the user's typing. The nearest contenteditable attribute decides
  // (read, not `isContentEditable`, which makes Chromium bring editability up to date first).
  let editability: boolean | null = null;
  for (let node: Node | null = root; node; node = node.parentNode ?? hostOf(node)) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (isSkippedTag(el, options)) return true;
    const editable: string | null =
      editability === null ? el.getAttribute('contenteditable') : null;
    if (editable !== null) editability = editable.toLowerCase() !== 'false';
  }
  return editability === true;
}

const hostOf = (node: Node): Node | null => (node as Partial<ShadowRoot>).host ?? null;

/** What `walkBlocks` yields: a block with digits, or a checkpoint (`null`) to pause at. */
export type WalkStep = TextBlock | null;

/**
 * Every text block under `root` (an element, document or shadow root) that has a digit run the
 * gate may let through (see `textAround` and `gateMayPass`), in document order, with a `null`
 * checkpoint every few hundred nodes so a long walk can be split into short tasks. If the page
 * removed the node the walk paused at, it throws StaleWalk (the caller queues the root again).
 *
 * Speed: the walk over every text node uses no filter callback (a JS filter made it ~7× slower
 * than the floor) and only tests each node for a digit. Only a node with a digit costs more: its
 * own text tells which neighbours can matter, the text right around it is tested for a digit run
 * and against the gate, its ancestors are checked for skipped elements, and only then is its
 * inline run gathered (runs.ts); the walk goes on after the run.
 */
export function* walkBlocks(root: Node, options: WalkOptions): Generator<WalkStep, void, void> {
  if (insideSkipped(root, options)) return;
  // A changed subtree may be a shadow host itself (a widget inserted with its root filled).
  const ownRoot = root.nodeType === 1 ? (root as Element).shadowRoot : null;
  if (ownRoot && options.onShadowRoot) options.onShadowRoot(ownRoot);
  // A text root (a changed text node) is its own block.
  if (root.nodeType === 3) {
    const data = (root as Text).data;
    if (DIGIT.test(data)) yield { text: data, nodes: [root as Text], starts: [0] };
    return;
  }
  const doc = root.ownerDocument ?? (root as Document);
  // A document in design mode is one big editor.
  if (doc.designMode === 'on') return;
  const judge = new Judge(root, options);
  const context = { step: judge.step, apart: new Map<Element, boolean>() };
  const texts = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (++seen % CHECKPOINT_NODES === 0) {
      yield null;
      // The page may have removed where we stopped: the rest of this walk would be wrong.
      if (!root.contains(texts.currentNode)) throw new StaleWalk();
    }
    const data = (node as Text).data;
    if (!DIGIT.test(data)) continue;
    // Inline scripts and styles hold many digits: their text is dropped before it is searched.
    const parent = node.parentNode;
    if (parent?.nodeType === 1 && RAW_TEXT.has((parent as Element).tagName)) continue;
    // Most digits are in no digit run (a year, "[12]"): their runs are never read, and most of
    // those are known from the node's own text. Of the rest, most are runs the gate refuses.
    const sides = digitRunSides(data);
    if (sides === RunSides.None) continue;
    const around = textAround(node as Text, root, context, sides);
    if (around === null) continue;
    // Around a very long run, the gate is left to the run's own text.
    if (around !== undefined && options.gate && !gateMayPass(around, options.gate)) continue;
    if (judge.skipsText(node as Text)) continue;
    // The run's other digits are read with it: carry on after its last node.
    const last = yield* readAround(node as Text, root, context);
    // The run pauses when long: the page may have moved its end out of the walk meanwhile.
    if (!root.contains(last)) throw new StaleWalk();
    texts.currentNode = last;
  }
  // Open shadow roots are separate trees: find their hosts with a plain element walk.
  if (!options.onShadowRoot) return;
  const elements = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = elements.nextNode(); node; node = elements.nextNode()) {
    if (++seen % CHECKPOINT_NODES === 0) {
      yield null;
      if (!root.contains(elements.currentNode)) throw new StaleWalk();
    }
    const shadow = (node as Element).shadowRoot;
    if (shadow && !insideSkipped(node, options)) options.onShadowRoot(shadow);
  }
}

/** Thrown into the caller when a paused walk lost its place (see `walkBlocks`). */
export class StaleWalk extends Error {}

/** The block element a changed node belongs to, for rescanning only what changed. */
export function blockRootOf(node: Node): Node {
  const start = node.nodeType === 1 ? node : node.parentNode;
  if (!start) return node;
  let el: Node | null = start;
  while (el?.parentNode && el.nodeType === 1 && INLINE.has((el as Element).tagName)) {
    el = el.parentNode;
  }
  return el ?? start;
}

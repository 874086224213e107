/**
 * Reads page text the way a person sees it: per block, joining the text of
 * inline children, so `<b>(973)</b> 555-1212` is one string. Each block keeps
 * its text nodes and their start offsets to turn matches back into Ranges.
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
const DIGIT = /\p{Nd}/u;

/** Inline elements: their text joins the surrounding block's text. */
const INLINE = new Set([
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

export interface WalkOptions {
  markInCode: boolean;
  /** Our own UI (the call card host) is never scanned. */
  ignore?: Element | null;
  /** Called for each open shadow root met on the way (scanned as its own root). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

function isSkipped(el: Element, options: WalkOptions): boolean {
  if (isSkippedTag(el, options)) return true;
  // Editable areas belong to the user's typing; `isContentEditable` covers inherited states.
  return (el as HTMLElement).isContentEditable === true;
}

function isSkippedTag(el: Element, options: WalkOptions): boolean {
  if (SKIP.has(el.tagName) || el === options.ignore) return true;
  return !options.markInCode && CODE.has(el.tagName);
}

/**
 * The walker's per-element test, on every element of the page: an attribute
 * read instead of `isContentEditable` (which makes Chromium compute editability,
 * several times slower over a big page). Rejecting an editing host rejects its
 * whole subtree, so inherited editability needs no check below it.
 */
function rejectInWalk(el: Element, options: WalkOptions): boolean {
  if (isSkippedTag(el, options)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * True when `root` is inside (or is) an element that is never scanned. The
 * walker's filter never sees its own root or the root's ancestors, and a
 * rescan starts at the changed block: text typed into an editor, or set in a
 * `<pre>`, a `<textarea>` or a `<script>`, would otherwise be marked.
 */
function insideSkipped(root: Node, options: WalkOptions): boolean {
  for (let node: Node | null = root; node; node = node.parentNode ?? hostOf(node)) {
    if (node.nodeType === 1 && isSkipped(node as Element, options)) return true;
  }
  return false;
}

const hostOf = (node: Node): Node | null => (node as Partial<ShadowRoot>).host ?? null;

/** The nearest ancestor that is not an inline element (the text's block). */
function blockOf(node: Node, root: Node): Node {
  let el = node.parentNode;
  while (el && el !== root && el.nodeType === 1 && INLINE.has((el as Element).tagName)) {
    el = el.parentNode;
  }
  return el ?? root;
}

/** Yielded every this many nodes, so the caller can pause between chunks. */
const CHECKPOINT_NODES = 512;

/** What `walkBlocks` yields: a block with digits, or a checkpoint (`null`) to pause at. */
export type WalkStep = TextBlock | null;

/**
 * Every text block under `root` (an element, document or shadow root) that has
 * a digit, in document order, with a `null` checkpoint every few hundred nodes
 * so a long walk can be split into short tasks. If the page removed the node
 * the walk paused at, it throws StaleWalk (the caller queues the root again).
 *
 * Speed: the walk over every text node uses no filter callback (a JS filter
 * made it ~7× slower than the floor) and only tests each node for a digit.
 * Only a node with a digit costs more: its block is found, its ancestors are
 * checked for skipped elements, and the block's text is gathered once.
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
  const done = new Set<Node>();
  const verdicts: Verdicts = new Map();
  const texts = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (++seen % CHECKPOINT_NODES === 0) {
      yield null;
      // The page may have removed where we stopped: the rest of this walk would be wrong.
      if (!root.contains(texts.currentNode)) throw new StaleWalk();
    }
    if (!DIGIT.test((node as Text).data)) continue;
    const block = blockOf(node, root);
    if (done.has(block) || skippedBetween(node, root, options, verdicts)) continue;
    for (const group of groupsIn(block, options, done)) yield group;
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

/** Per walk: whether a node, or an ancestor of it up to the walk's root, is never scanned. */
type Verdicts = Map<Node, boolean>;

/**
 * True when an element between `node` and `root` (root included) is never scanned. Each
 * ancestor is judged once per walk: digit text nodes share most of their ancestors, and
 * re-reading every ancestor's attributes for each of them was a third of the walk on big pages.
 */
function skippedBetween(node: Node, root: Node, options: WalkOptions, verdicts: Verdicts): boolean {
  const unjudged: Node[] = [];
  let verdict = false;
  for (let el = node.parentNode; el; el = el === root ? null : el.parentNode) {
    const known = verdicts.get(el);
    if (known !== undefined) {
      verdict = known;
      break;
    }
    unjudged.push(el);
  }
  // Judge from the top down: below a skipped element everything is skipped.
  for (let i = unjudged.length - 1; i >= 0; i--) {
    const el = unjudged[i] as Node;
    if (!verdict && el.nodeType === 1 && rejectInWalk(el as Element, options)) verdict = true;
    verdicts.set(el, verdict);
  }
  return verdict;
}

/**
 * The text groups of one block (split at `<br>` and at nested blocks, whose
 * groups come too), joining inline children. Every block met is added to
 * `done`, so the outer walk gathers each block once.
 */
function* groupsIn(block: Node, options: WalkOptions, done: Set<Node>): Generator<WalkStep> {
  const doc = block.ownerDocument ?? (block as Document);
  done.add(block);
  // No filter callback (a call from the browser into our code per node, ~2× the walk's cost):
  // skipped subtrees are stepped over by hand.
  const walker = doc.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let current: { block: Node; nodes: Text[]; digits: boolean } | null = null;
  // Groups without a digit cost nothing more: no join.
  const finish = (): TextBlock | null => {
    const group = current;
    current = null;
    if (!group?.digits) return null;
    const starts: number[] = [];
    let offset = 0;
    for (const node of group.nodes) {
      starts.push(offset);
      offset += node.data.length;
    }
    return { text: group.nodes.map((n) => n.data).join(''), nodes: group.nodes, starts };
  };
  let lastParent: Node | null = null;
  let lastBlock: Node = block;
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // A block can be most of a page (text right under <body>): pause inside it too. Text the
    // page changes meanwhile is caught later (the scanner re-reads each block before marking).
    if (++seen % CHECKPOINT_NODES === 0) yield null;
    if (node.nodeType !== 3) {
      const el = node as Element;
      if (rejectInWalk(el, options)) {
        // Step over the subtree: the next node is the skipped element's last descendant's next.
        const last = lastDescendant(el);
        if (last !== el) walker.currentNode = last;
        continue;
      }
      // A <br> separates lines inside one block; other elements are inline or nested blocks.
      if (el.tagName === 'BR') {
        const group = finish();
        if (group) yield group;
      }
      continue;
    }
    const text = node as Text;
    if (text.data.length === 0) continue;
    // Siblings share a parent, hence a block: look the block up once per parent.
    if (text.parentNode !== lastParent) {
      lastParent = text.parentNode;
      lastBlock = blockOf(text, block);
      done.add(lastBlock);
    }
    if (current && current.block !== lastBlock) {
      const group = finish();
      if (group) yield group;
    }
    current ??= { block: lastBlock, nodes: [], digits: false };
    current.nodes.push(text);
    if (!current.digits && DIGIT.test(text.data)) current.digits = true;
  }
  const last = finish();
  if (last) yield last;
}

/** The last node of `el`'s subtree in document order (`el` itself when it has no children). */
function lastDescendant(el: Node): Node {
  let node = el;
  while (node.lastChild) node = node.lastChild;
  return node;
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

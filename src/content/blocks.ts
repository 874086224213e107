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
const CHECKPOINT_NODES = 256;

/** What `walkBlocks` yields: a block with digits, or a checkpoint (`null`) to pause at. */
export type WalkStep = TextBlock | null;

/**
 * Every text block under `root` (an element, document or shadow root) that has
 * a digit, in document order, with a `null` checkpoint every few hundred nodes
 * so a long walk can be split into short tasks. After a pause, `stale()` says
 * whether the page removed the node the walk stopped at (then the walk ends and
 * the caller should queue the root again).
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
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      if (rejectInWalk(el, options)) return NodeFilter.FILTER_REJECT;
      if (el.shadowRoot && options.onShadowRoot) options.onShadowRoot(el.shadowRoot);
      // A <br> separates lines inside one block.
      return el.tagName === 'BR' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  let current: { block: Node; nodes: Text[]; parts: string[]; digits: boolean } | null = null;
  // Most blocks have no digit at all: they cost one regex test per text node, no join.
  const finish = (): TextBlock | null => {
    const done = current;
    current = null;
    if (!done?.digits) return null;
    const starts: number[] = [];
    let offset = 0;
    for (const part of done.parts) {
      starts.push(offset);
      offset += part.length;
    }
    return { text: done.parts.join(''), nodes: done.nodes, starts };
  };
  let seen = 0;
  let lastParent: Node | null = null;
  let lastBlock: Node = root;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++seen % CHECKPOINT_NODES === 0) {
      yield null;
      // The page may have removed where we stopped: the rest of this walk would be wrong.
      if (!root.contains(walker.currentNode)) throw new StaleWalk();
    }
    if (node.nodeType !== 3) {
      const block = finish();
      if (block) yield block;
      continue;
    }
    const text = node as Text;
    if (text.data.length === 0) continue;
    // Siblings share a parent, hence a block: look the block up once per parent.
    if (text.parentNode !== lastParent) {
      lastParent = text.parentNode;
      lastBlock = blockOf(text, root);
    }
    const block = lastBlock;
    if (current && current.block !== block) {
      const done = finish();
      if (done) yield done;
    }
    current ??= { block, nodes: [], parts: [], digits: false };
    current.nodes.push(text);
    current.parts.push(text.data);
    if (!current.digits && DIGIT.test(text.data)) current.digits = true;
  }
  const last = finish();
  if (last) yield last;
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

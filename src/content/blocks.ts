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
  if (SKIP.has(el.tagName) || el === options.ignore) return true;
  if (!options.markInCode && CODE.has(el.tagName)) return true;
  // Editable areas belong to the user's typing; `isContentEditable` covers inherited states.
  return (el as HTMLElement).isContentEditable === true;
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

/**
 * Every text block under `root` (an element, document or shadow root), in
 * document order. `accept` sees each block's text first, so callers can skip
 * blocks cheaply (the digit gate) before the block object is built.
 */
export function collectBlocks(
  root: Node,
  options: WalkOptions,
  accept: (text: string) => boolean,
): TextBlock[] {
  const doc = root.ownerDocument ?? (root as Document);
  const blocks: TextBlock[] = [];
  let current: { block: Node; nodes: Text[]; parts: string[]; digits: boolean } | null = null;
  const flush = () => {
    // Most blocks have no digit at all: they cost one regex test per text node, no join.
    if (!current?.digits) {
      current = null;
      return;
    }
    const text = current.parts.join('');
    if (accept(text)) {
      const starts: number[] = [];
      let offset = 0;
      for (const part of current.parts) {
        starts.push(offset);
        offset += part.length;
      }
      blocks.push({ text, nodes: current.nodes, starts });
    }
    current = null;
  };
  if (insideSkipped(root, options)) return blocks;
  // A changed subtree may be a shadow host itself (a widget inserted with its root filled).
  const ownRoot = root.nodeType === 1 ? (root as Element).shadowRoot : null;
  if (ownRoot && options.onShadowRoot) options.onShadowRoot(ownRoot);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      if (isSkipped(el, options)) return NodeFilter.FILTER_REJECT;
      if (el.shadowRoot && options.onShadowRoot) options.onShadowRoot(el.shadowRoot);
      // A <br> separates lines inside one block.
      return el.tagName === 'BR' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  // A text root (a changed text node) is its own block.
  if (root.nodeType === 3) {
    const data = (root as Text).data;
    if (accept(data)) blocks.push({ text: data, nodes: [root as Text], starts: [0] });
    return blocks;
  }
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== 3) {
      flush();
      continue;
    }
    const text = node as Text;
    if (text.data.length === 0) continue;
    const block = blockOf(text, root);
    if (current && current.block !== block) flush();
    current ??= { block, nodes: [], parts: [], digits: false };
    current.nodes.push(text);
    current.parts.push(text.data);
    if (!current.digits && DIGIT.test(text.data)) current.digits = true;
  }
  flush();
  return blocks;
}

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

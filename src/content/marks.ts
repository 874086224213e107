import type { PageNumber } from '../shared/messages';

/**
 * The marked numbers: live Ranges over the page's own text nodes, painted with
 * the CSS Custom Highlight API (DESIGN rule 1: the page's DOM is never touched).
 * We keep our own list: Firefox cannot iterate a Highlight from a content
 * script, and the page's main world can clear the registry at any time.
 */
export const HIGHLIGHT_NAME = 'net2phone-number';
/** Numbers inside links and buttons: marked differently, since a click keeps the link's behaviour. */
export const LINK_HIGHLIGHT_NAME = 'net2phone-number-link';

/** Clicks that belong to the page: links, buttons and form controls keep their behaviour. */
export const INTERACTIVE =
  'a[href], button, input, select, textarea, label, summary, [role="button"], [role="link"], [contenteditable]';
/** Phone links: a click on one opens the card (when the user lets the extension handle them). */
export const TEL_LINK = 'a[href^="tel:" i], a[href^="callto:" i]';

export interface Mark {
  /** Stable for the mark's life (the popup's "On this page" names marks by it). */
  key: number;
  range: Range;
  e164: string;
  dial: string;
  ext?: string;
  /** Inside a link or button: a click keeps the link's behaviour, no card. */
  inLink: boolean;
}

/** A number found in a block's text (offsets into it). */
export type Found = PageNumber;

export interface BlockRef {
  nodes: Text[];
  starts: number[];
}

/** Index of the node holding `offset` (binary search over node start offsets). */
function nodeAt(starts: number[], offset: number, preferEnd: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid] ?? 0;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class Marks {
  private readonly all = new Set<Mark>();
  /** Every text node a mark touches → its marks (hit-testing and rescans). */
  private byNode = new WeakMap<Node, Mark[]>();
  private highlight: Highlight | null = null;
  private linkHighlight: Highlight | null = null;
  private nextKey = 1;
  /** Changes whenever a mark is added or dropped (what "On this page" lists changed). */
  version = 0;

  /** `accept`: whether a number found in the text may be marked (e.g. it is all on screen). */
  constructor(private readonly accept: (range: Range) => boolean = () => true) {}

  get size(): number {
    return this.all.size;
  }

  /** Drop the marks of one block (it is being read again). */
  clearBlock(block: BlockRef): void {
    for (const node of block.nodes) this.removeNode(node);
  }

  /**
   * Marks in-block numbers that `accept` (rendered.ts: every character on screen); returns how
   * many it refused.
   */
  add(block: BlockRef, found: readonly Found[]): number {
    let refused = 0;
    for (const f of found) {
      const first = nodeAt(block.starts, f.start, false);
      const last = nodeAt(block.starts, f.end, true);
      const startNode = block.nodes[first];
      const endNode = block.nodes[last];
      if (!startNode || !endNode) continue;
      const range = startNode.ownerDocument.createRange();
      range.setStart(startNode, f.start - (block.starts[first] ?? 0));
      range.setEnd(endNode, f.end - (block.starts[last] ?? 0));
      if (!this.accept(range)) {
        refused++;
        continue;
      }
      const parent = startNode.parentElement;
      const inLink = parent?.closest(INTERACTIVE) != null && parent.closest(TEL_LINK) == null;
      const mark: Mark = {
        key: this.nextKey++,
        range,
        e164: f.e164,
        dial: f.dial,
        ...(f.ext ? { ext: f.ext } : {}),
        inLink,
      };
      this.all.add(mark);
      this.version++;
      for (let i = first; i <= last; i++) {
        const node = block.nodes[i];
        if (!node) continue;
        const list = this.byNode.get(node);
        if (list) list.push(mark);
        else this.byNode.set(node, [mark]);
      }
      this.paint(inLink)?.add(range);
    }
    return refused;
  }

  /** Drop the marks touching a text node (it is about to be rescanned). */
  removeNode(node: Node): void {
    const list = this.byNode.get(node);
    if (!list) return;
    for (const mark of list) this.delete(mark);
    this.byNode.delete(node);
  }

  /**
   * Drop marks whose text is gone: a live Range collapses when the page replaces
   * its node's data or removes it (DESIGN "Facts measured").
   */
  prune(): void {
    for (const mark of this.all) {
      const { range } = mark;
      if (range.collapsed || !range.startContainer.isConnected) this.delete(mark);
    }
  }

  clear(): void {
    this.all.clear();
    this.byNode = new WeakMap();
    this.highlight = null;
    this.linkHighlight = null;
    this.version++;
    CSS.highlights?.delete(HIGHLIGHT_NAME);
    CSS.highlights?.delete(LINK_HIGHLIGHT_NAME);
  }

  /** Re-register our Highlight if the page cleared the registry. */
  sync(): void {
    if (this.all.size === 0 || !globalThis.CSS?.highlights) return;
    if (
      CSS.highlights.get(HIGHLIGHT_NAME) !== this.highlight ||
      CSS.highlights.get(LINK_HIGHLIGHT_NAME) !== this.linkHighlight
    ) {
      this.rebuild();
    }
  }

  /**
   * The mark under a click, confirmed against its painted boxes. Only the marks of the text
   * under the caret and of the clicked element's own text are looked at, never all of them:
   * with 10,000 marks, a loop over every one cost each click on empty space 46–65 ms (issue 9).
   */
  at(x: number, y: number, target: Node | null): Mark | null {
    const doc = target?.ownerDocument ?? document;
    const caret = caretAt(doc, x, y);
    for (const mark of caret ? (this.byNode.get(caret.node) ?? []) : []) {
      if (!this.all.has(mark) || !caret) continue;
      if (mark.range.isPointInRange(caret.node, caret.offset) && hits(mark, x, y)) {
        return mark;
      }
    }
    // The caret API does not look inside shadow roots: a click on text targets the element
    // that holds it, so its own text nodes are the candidates.
    if (target && target.nodeType === 1) {
      for (let child = target.firstChild; child; child = child.nextSibling) {
        if (child.nodeType !== 3) continue;
        for (const mark of this.byNode.get(child) ?? []) {
          if (this.all.has(mark) && hits(mark, x, y)) return mark;
        }
      }
    }
    return null;
  }

  /** Ranges, for tests and the badge; a copy so callers cannot edit ours. */
  ranges(): Range[] {
    return [...this.all].map((m) => m.range);
  }

  /** Every mark, in the order they were found (at most `limit`). */
  list(limit: number): Mark[] {
    return [...this.all].slice(0, limit);
  }

  /** The live mark with this key, if it still exists. */
  byKey(key: number): Mark | null {
    for (const mark of this.all) if (mark.key === key) return mark;
    return null;
  }

  private delete(mark: Mark): void {
    if (!this.all.delete(mark)) return;
    this.version++;
    (mark.inLink ? this.linkHighlight : this.highlight)?.delete(mark.range);
  }

  private paint(inLink: boolean): Highlight | null {
    if (!globalThis.CSS?.highlights || typeof Highlight === 'undefined') return null;
    const stale =
      !this.highlight ||
      CSS.highlights.get(HIGHLIGHT_NAME) !== this.highlight ||
      CSS.highlights.get(LINK_HIGHLIGHT_NAME) !== this.linkHighlight;
    if (stale) this.rebuild();
    return inLink ? this.linkHighlight : this.highlight;
  }

  private rebuild(): void {
    const marks = [...this.all];
    this.highlight = new Highlight(...marks.filter((m) => !m.inLink).map((m) => m.range));
    this.linkHighlight = new Highlight(...marks.filter((m) => m.inLink).map((m) => m.range));
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
    CSS.highlights.set(LINK_HIGHLIGHT_NAME, this.linkHighlight);
  }
}

function hits(mark: Mark, x: number, y: number): boolean {
  for (const r of mark.range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (withPosition.caretPositionFromPoint) {
    const p = withPosition.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

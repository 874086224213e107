/**
 * Whether every character of a number is on screen for the user to read (issue 10): text hidden
 * by CSS (`display: none`, `visibility: hidden`, `opacity: 0`, `font-size: 0`, an empty box,
 * positioned off the page) would otherwise change what is dialed, as in a hidden "9" under a
 * `::before { content: "8" }` that shows 1-800 and dials 1-900. Generated content (`::before`,
 * `::after`) is never text to us: we read text nodes only. Only candidates are checked, so
 * pages without numbers pay nothing.
 */
export function isRendered(range: Range): boolean {
  const doc = range.startContainer.ownerDocument;
  if (!doc) return false;
  const part = doc.createRange();
  for (const node of textNodesIn(range)) {
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (!/\S/.test(node.data.slice(from, to))) continue;
    const parent = node.parentElement;
    if (!parent || !shown(parent)) return false;
    part.setStart(node, from);
    part.setEnd(node, to);
    const box = part.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return false;
    const view = doc.defaultView;
    // Off the page to the left or above: nothing can scroll there.
    if (box.right + (view?.scrollX ?? 0) <= 0 || box.bottom + (view?.scrollY ?? 0) <= 0)
      return false;
  }
  return true;
}

function shown(element: Element): boolean {
  const visible = element.checkVisibility?.({ opacityProperty: true, visibilityProperty: true });
  if (visible === false) return false;
  return Number.parseFloat(getComputedStyle(element).fontSize) > 0;
}

function textNodesIn(range: Range): Text[] {
  const root = range.commonAncestorContainer;
  if (root.nodeType === Node.TEXT_NODE) return [root as Text];
  const nodes: Text[] = [];
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node)) nodes.push(node as Text);
  }
  return nodes;
}

/**
 * The label a page writes before a number ("Mobile", "Fax", "Support desk"), for the popup's
 * "On this page" list (issue 11): the words right before it in the same text node, or in the one
 * before, when they end with a colon or a dash, or stand alone as a short line. Never more than
 * a few words; nothing when there is no such label.
 */
const MAX_LABEL = 32;
const BEFORE = /(\p{L}[\p{L}\p{M}'’.&/ -]*?)\s*[:：–—-]?\s*$/u;

export function labelBefore(range: Range): string | undefined {
  const start = range.startContainer;
  let text = start.nodeType === 3 ? (start as Text).data.slice(0, range.startOffset) : '';
  if (!/\S/.test(text)) {
    // "<b>Fax:</b> 973…": the label is the previous node's text.
    const previous = previousText(start);
    text = previous ?? '';
  }
  // Only what follows the last sentence end, number or line break belongs to this number.
  const tail = text.split(/[\n.;·|•,()[\]\d]+/u).pop() ?? '';
  const match = BEFORE.exec(tail);
  const label = match?.[1]?.trim().replace(/[\s:：–—-]+$/u, '');
  if (!label || label.length > MAX_LABEL || label.split(/\s+/).length > 4) return undefined;
  return label;
}

/** The text of the nearest text node before `node` in document order, within its block. */
function previousText(node: Node): string | undefined {
  let current: Node | null = node;
  for (let steps = 0; current && steps < 6; steps++) {
    while (current && !current.previousSibling) {
      current = current.parentNode;
      if (!current || isBlock(current)) return undefined;
    }
    if (!current) return undefined;
    current = current.previousSibling;
    const text = current?.textContent ?? '';
    if (/\S/.test(text)) return text;
  }
  return undefined;
}

const BLOCKS = new Set(['P', 'DIV', 'LI', 'TD', 'TH', 'DD', 'DT', 'SECTION', 'ARTICLE', 'BODY']);
const isBlock = (node: Node) => node.nodeType === 1 && BLOCKS.has((node as Element).tagName);

import { blockRootOf } from './blocks';

/** Attribute changes that commonly show hidden content (tabs, accordions, `<details>`). */
const REVEALING = ['class', 'style', 'hidden', 'open'];

/**
 * Blocks holding a number that was not marked because part of it was hidden (rendered.ts):
 * when the page changes an attribute that may show it (a tab or accordion opens), the block
 * is read again. The attribute observer runs only while such blocks exist.
 */
export class HiddenNumbers {
  private readonly roots = new Set<Node>();
  private observer: MutationObserver | null = null;

  constructor(private readonly rescan: (root: Node) => void) {}

  add(node: Node): void {
    this.roots.add(blockRootOf(node));
    if (this.observer) return;
    this.observer = new MutationObserver((records) => this.changed(records));
    this.observer.observe(document, {
      attributes: true,
      attributeFilter: REVEALING,
      subtree: true,
    });
  }

  clear(): void {
    this.roots.clear();
    this.observer?.disconnect();
    this.observer = null;
  }

  private changed(records: MutationRecord[]): void {
    for (const root of this.roots) {
      if (!root.isConnected) {
        this.roots.delete(root);
        continue;
      }
      if (records.some((record) => record.target.contains(root))) {
        this.roots.delete(root);
        this.rescan(root);
      }
    }
    if (this.roots.size === 0) this.clear();
  }
}

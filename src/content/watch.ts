import { blockRootOf } from './blocks';

/** Wait this long after a change so a burst of edits is scanned once. */
const BATCH_MS = 40;

export interface WatchOptions {
  /** Rescan these roots (changed blocks). */
  rescan: (roots: Node[]) => void;
  /** Text was removed somewhere: drop marks that lost their text. */
  prune: () => void;
  /** Our own UI, whose changes are not the page's. */
  ignore: () => Element | null;
}

/**
 * Watches the page (and each open shadow root) for changes and hands the
 * changed blocks to the scanner, batched. Only what changed is rescanned.
 */
export class PageWatcher {
  private readonly observer: MutationObserver;
  private readonly roots = new Set<Node>();
  private removed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: WatchOptions) {
    this.observer = new MutationObserver((records) => this.collect(records));
  }

  observe(root: Node): void {
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  disconnect(): void {
    this.observer.disconnect();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.roots.clear();
  }

  private collect(records: MutationRecord[]): void {
    const ignore = this.options.ignore();
    for (const record of records) {
      if (ignore && (record.target === ignore || ignore.contains(record.target))) continue;
      if (record.type === 'characterData') {
        this.roots.add(blockRootOf(record.target));
        continue;
      }
      if (record.removedNodes.length > 0) this.removed = true;
      for (const node of record.addedNodes) {
        if (node === ignore) continue;
        if (node.nodeType === 1 || node.nodeType === 3) this.roots.add(blockRootOf(node));
      }
    }
    if ((this.roots.size > 0 || this.removed) && this.timer === null) {
      this.timer = setTimeout(() => this.flush(), BATCH_MS);
    }
  }

  private flush(): void {
    this.timer = null;
    if (this.removed) {
      this.removed = false;
      this.options.prune();
    }
    const roots = [...this.roots];
    this.roots.clear();
    if (roots.length > 0) this.options.rescan(roots);
  }
}

import { mayHoldNumber } from '../phone/gate';
import { StaleWalk, type TextBlock, type WalkOptions, walkBlocks } from './blocks';
import type { Marks } from './marks';
import { type AskForNumbers, keptNumbers, readBlocks } from './page-numbers';

/** Longest stretch of work before yielding to the page (DESIGN rule 6). */
const CHUNK_MS = 8;
export const SCAN_MEASURE = 'net2phone:scan';

export interface ScannerOptions {
  marks: Marks;
  walk: () => WalkOptions;
  /** Reads blocks' numbers (in the background, src/content/page-numbers.ts). */
  ask: AskForNumbers;
  countries: () => { defaultCountry: string };
  /** Regions the page names (see `pageRegions`): with the user's country, they set the gate. */
  pageRegions: readonly string[];
  /** Told after each pass that changed the marks. */
  onChange?: () => void;
  /** Told of a block holding a number that could not be marked (part of it is hidden). */
  onHidden?: (node: Node) => void;
  /** Told of each open shadow root met (so it can be watched too). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Scans roots (the document, changed subtrees, shadow roots) in chunks of at
 * most CHUNK_MS, each recorded as a `net2phone:scan` measure. Text blocks go
 * through the gate first (`mayHoldNumber`); only blocks that pass are sent to be read.
 */
export class Scanner {
  private readonly pending = new Set<Node>();
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: ScannerOptions) {}

  /** Queue a root; roots queued together are scanned in one pass. */
  scan(root: Node): Promise<void> {
    this.stopped = false;
    this.pending.add(root);
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
  }

  private async run(): Promise<void> {
    while (this.pending.size > 0 && !this.stopped) {
      const roots = outermost([...this.pending]);
      this.pending.clear();
      await this.pass(roots);
    }
  }

  private async pass(roots: Node[]): Promise<void> {
    const { marks } = this.options;
    let chunkStart = performance.now();
    const endChunk = async () => {
      performance.measure(SCAN_MEASURE, { start: chunkStart, end: performance.now() });
      await yieldToPage();
      chunkStart = performance.now();
    };
    const readAs = [...this.options.pageRegions, this.options.countries().defaultCountry];
    const walk = { ...this.options.walk(), gate: (text: string) => mayHoldNumber(text, readAs) };
    const blocks: TextBlock[] = [];
    for (const root of roots) {
      if (!root.isConnected) continue;
      walk.onShadowRoot = (shadow) => {
        this.pending.add(shadow);
        this.options.onShadowRoot?.(shadow);
      };
      try {
        for (const step of walkBlocks(root, walk)) {
          if (step === null) {
            if (performance.now() - chunkStart > CHUNK_MS) await endChunk();
            if (this.stopped) return;
          } else if (walk.gate(step.text)) {
            blocks.push(step);
          } else {
            // A rescanned block loses its old marks when it no longer passes the gate.
            for (const node of step.nodes) marks.removeNode(node);
          }
        }
      } catch (error) {
        if (!(error instanceof StaleWalk)) throw error;
        // The page moved things under the walk while we yielded: walk this root again.
        this.pending.add(root);
      }
      if (performance.now() - chunkStart > CHUNK_MS) await endChunk();
      if (this.stopped) return;
    }
    if (blocks.length > 0) {
      const reading = readBlocks(
        blocks.map((block) => block.text),
        this.options.ask,
      );
      let current = false;
      for (let i = 0; i < reading.batches.length; i++) {
        // Waiting for the answer is not our work: the chunk ends here, the next starts after.
        performance.measure(SCAN_MEASURE, { start: chunkStart, end: performance.now() });
        const answer = await reading.answer(i);
        chunkStart = performance.now();
        if (!answer || this.stopped) return;
        for (const [j, piece] of (reading.batches[i] ?? []).entries()) {
          const block = blocks[piece.block] as TextBlock;
          if (piece.first) {
            current = isCurrent(block);
            if (current) marks.clearBlock(block);
          }
          if (current && marks.add(block, keptNumbers(piece, answer[j] ?? [])) > 0) {
            const first = block.nodes[0];
            if (first) this.options.onHidden?.(first);
          }
          if (performance.now() - chunkStart > CHUNK_MS) await endChunk();
          if (this.stopped) return;
        }
      }
    }
    marks.prune();
    marks.sync();
    performance.measure(SCAN_MEASURE, { start: chunkStart, end: performance.now() });
    this.options.onChange?.();
  }
}

/**
 * False when the page edited the block's text after it was read (while the
 * background read it or between chunks): its offsets are stale, and a range past a
 * node's new end throws, which ended the pass and left the rest of the page
 * unmarked. The edit itself queued the block for a rescan (watch.ts).
 */
function isCurrent(block: TextBlock): boolean {
  let text = '';
  for (const node of block.nodes) {
    if (!node.isConnected) return false;
    text += node.data;
  }
  return text === block.text;
}

/**
 * Drop roots inside other roots (one walk covers both). Walks up from each
 * root rather than comparing every pair: a page appending 1,000 rows queues
 * 1,000 roots, and the pairwise `contains` took ~50 ms in one task.
 */
function outermost(roots: Node[]): Node[] {
  const queued = new Set(roots);
  return roots.filter((root) => {
    for (let node = root.parentNode; node; node = node.parentNode) {
      if (queued.has(node)) return false;
    }
    return true;
  });
}

import type { Client } from '../shared/client';
import { PAGE_TEXT_BATCH, type PageNumber } from '../shared/messages';

/**
 * The numbers in blocks of this frame's text, read by the background (which holds the one
 * parser for every frame): blocks go in batches of at most PAGE_TEXT_BATCH characters, and a
 * very long block in overlapping windows, so that no single read holds anything up for long
 * and marking can start before the whole page is read.
 */

/** The core of one window of a long block; each side also carries WINDOW_CONTEXT characters. */
export const WINDOW = 16_384;
/** Longer than any number with its label and extension, so a window reads it as the block would. */
export const WINDOW_CONTEXT = 256;
/** Batches asked for before the first answer arrives. */
const IN_FLIGHT = 3;

export const FIND_MEASURE = 'net2phone:find';

/** One text sent to the background: a whole block, or one window of a long one. */
export interface Piece {
  block: number;
  /** Where `text` starts in the block's text. */
  offset: number;
  text: string;
  /** Numbers starting in [keepFrom, keepTo) of the block are this piece's to report. */
  keepFrom: number;
  keepTo: number;
  /** The block's first piece (its old marks go) and last (it is complete). */
  first: boolean;
  last: boolean;
}

/** Blocks cut into pieces: long ones into windows whose cores tile the block. */
export function piecesOf(texts: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  texts.forEach((text, block) => {
    if (text.length <= WINDOW + 2 * WINDOW_CONTEXT) {
      pieces.push({
        block,
        offset: 0,
        text,
        keepFrom: 0,
        keepTo: text.length,
        first: true,
        last: true,
      });
      return;
    }
    for (let from = 0; from < text.length; from += WINDOW) {
      const to = Math.min(text.length, from + WINDOW);
      const offset = Math.max(0, from - WINDOW_CONTEXT);
      pieces.push({
        block,
        offset,
        text: text.slice(offset, Math.min(text.length, to + WINDOW_CONTEXT)),
        keepFrom: from,
        keepTo: to,
        first: from === 0,
        last: to === text.length,
      });
    }
  });
  return pieces;
}

/** Consecutive pieces grouped so that each group holds at most PAGE_TEXT_BATCH characters. */
export function batchesOf(pieces: readonly Piece[]): Piece[][] {
  const batches: Piece[][] = [];
  let batch: Piece[] = [];
  let size = 0;
  for (const piece of pieces) {
    if (batch.length > 0 && size + piece.text.length > PAGE_TEXT_BATCH) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(piece);
    size += piece.text.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** What one piece found, in block offsets, without what belongs to its neighbours. */
export function keptNumbers(piece: Piece, found: readonly PageNumber[]): PageNumber[] {
  const kept: PageNumber[] = [];
  for (const number of found) {
    const start = number.start + piece.offset;
    if (start < piece.keepFrom || start >= piece.keepTo) continue;
    kept.push({ ...number, start, end: number.end + piece.offset });
  }
  return kept;
}

/** Asks the background for one batch of texts; null when it cannot answer. */
export type AskForNumbers = (texts: string[]) => Promise<PageNumber[][] | null>;

/**
 * Blocks' numbers, batch by batch: `batches` says what each batch holds, `answer(i)` what the
 * background found in it (null when it cannot answer). A few batches are in flight at a time,
 * so the background reads the next while this frame marks the last.
 */
export function readBlocks(texts: readonly string[], ask: AskForNumbers) {
  const batches = batchesOf(piecesOf(texts));
  const asked: Promise<PageNumber[][] | null>[] = [];
  const askUpTo = (count: number) => {
    for (let i = asked.length; i < Math.min(count, batches.length); i++) {
      asked.push(ask((batches[i] ?? []).map((piece) => piece.text)));
    }
  };
  askUpTo(IN_FLIGHT);
  return {
    batches,
    answer(i: number): Promise<PageNumber[][] | null> {
      askUpTo(i + 1 + IN_FLIGHT);
      return asked[i] ?? Promise.resolve(null);
    },
  };
}

/** The `findNumbers` request, timed as a `net2phone:find` measure; null (and one warning) on failure. */
export function askBackground(
  send: Client,
  countries: () => { defaultCountry: string },
): AskForNumbers {
  let warned = false;
  return async (texts) => {
    const start = performance.now();
    const reply = await send('findNumbers', {
      texts,
      defaultCountry: countries().defaultCountry,
      lang: document.documentElement.lang,
    });
    performance.measure(FIND_MEASURE, { start, end: performance.now() });
    if (reply.ok) return reply.value;
    if (!warned)
      console.warn('net2phone: phone numbers cannot be marked here:', reply.error.message);
    warned = true;
    return null;
  };
}

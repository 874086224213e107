import { describe, expect, it } from 'vitest';
import { findPageNumbers } from '../../../src/background/page-numbers';
import {
  batchesOf,
  keptNumbers,
  piecesOf,
  readBlocks,
  WINDOW,
} from '../../../src/content/page-numbers';
import { PAGE_TEXT_BATCH, type PageNumber } from '../../../src/shared/messages';

/** The background's own reading, as the content script gets it. */
async function background(texts: string[], url = 'https://crm.example.test/') {
  const reply = await findPageNumbers({ texts, defaultCountry: 'US', lang: '' }, url);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

/** Everything the content script would mark in `texts`, read batch by batch and window by window. */
async function readAll(texts: string[]): Promise<PageNumber[][]> {
  const reading = readBlocks(texts, background);
  const out: PageNumber[][] = texts.map(() => []);
  for (let i = 0; i < reading.batches.length; i++) {
    const answer = await reading.answer(i);
    if (!answer) throw new Error('no answer');
    for (const [j, piece] of (reading.batches[i] ?? []).entries()) {
      out[piece.block]?.push(...keptNumbers(piece, answer[j] ?? []));
    }
  }
  return out;
}

const dials = (found: PageNumber[]) => found.map((f) => f.dial);

describe('reading page text in the background', () => {
  it('reads ordinary blocks whole, in one request', async () => {
    const texts = ['Sales: (973) 555-1212', 'no number here', 'Fax +44 20 7946 0958'];
    expect(batchesOf(piecesOf(texts))).toHaveLength(1);
    const found = await readAll(texts);
    expect(found.map(dials)).toEqual([['19735551212'], [], ['011442079460958']]);
    expect(texts[0]?.slice(found[0]?.[0]?.start, found[0]?.[0]?.end)).toBe('(973) 555-1212');
  });

  it('reads a very long block in windows and finds every number exactly once, where it is', async () => {
    const unit = 'Call 973 555 1212 or ';
    const text = unit.repeat(Math.ceil((5 * WINDOW) / unit.length));
    const pieces = piecesOf([text]);
    expect(pieces.length).toBeGreaterThan(4);
    for (const batch of batchesOf(pieces)) {
      expect(batch.reduce((n, p) => n + p.text.length, 0)).toBeLessThanOrEqual(PAGE_TEXT_BATCH);
    }
    const [found = []] = await readAll([text]);
    const expected = Math.floor(text.length / unit.length);
    expect(found).toHaveLength(expected);
    expect(new Set(found.map((f) => f.start)).size).toBe(expected);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe('973 555 1212');
  });

  it('finds a number that straddles the edge of a window once, whole', async () => {
    const filler = 'x'.repeat(WINDOW - 6);
    const text = `${filler} (973) 555-1212 ${'y'.repeat(WINDOW)}`;
    const [found = []] = await readAll([text]);
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]?.start, found[0]?.end)).toBe('(973) 555-1212');
  });

  it('reads national numbers as the country of the frame the browser reports, not one the page claims', async () => {
    const uk = await background(['Tel 020 7946 0958'], 'https://shop.example.co.uk/');
    expect(dials(uk[0] ?? [])).toEqual(['011442079460958']);
    const us = await background(['Tel 020 7946 0958'], 'https://shop.example.com/');
    expect(dials(us[0] ?? [])).toEqual([]);
  });
});

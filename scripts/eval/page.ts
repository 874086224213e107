// A saved page read the way the extension reads it: its blocks, its country hint (ccTLD or
// `lang`), the content script's gate, and the background's text country for a page without a hint.
import type { CountryCode } from 'libphonenumber-js/min';
import { mayHoldNumber } from '../../src/phone/gate';
import { countriesOfText, countryHintForPage } from '../../src/phone/index';
import { pageRegions } from '../../src/phone/page-region';
import type { Finder, Span } from './common';
import { htmlBlocks, pageInfo, readHtml } from './html';

export interface PageText {
  blocks: string[];
  hint: CountryCode | undefined;
  regions: string[];
}

export function readPage(path: string, readNoscript: boolean): PageText {
  const html = readHtml(path);
  const info = pageInfo(html);
  return {
    blocks: htmlBlocks(html, readNoscript),
    hint: countryHintForPage(info),
    regions: pageRegions(info),
  };
}

export interface PageFind {
  block: string;
  span: Span;
}

/**
 * Every number `finder` reads on `page` for a user in `own`. The engine reads as the extension
 * does: only blocks that pass the content script's gate, with the page's hint (when `hinted`) and,
 * without one, the country of the page's own international numbers (one batch per page, as a
 * page under 64 K characters of candidate text is sent). The baseline reads every block.
 */
export function findOnPage(
  name: string,
  finder: Finder,
  page: PageText,
  own: CountryCode,
  hinted: boolean,
): PageFind[] {
  const out: PageFind[] = [];
  if (name !== 'engine') {
    const hint = hinted ? page.hint : undefined;
    for (const block of page.blocks)
      for (const span of finder(block, own, hint)) out.push({ block, span });
    return out;
  }
  const regions = hinted ? page.regions : [];
  const gated = page.blocks.filter((block) => mayHoldNumber(block, [...regions, own]));
  const hint = hinted ? page.hint : undefined;
  const textCountries = hinted && hint === undefined ? countriesOfText(gated, [own]) : [];
  for (const block of gated)
    for (const span of finder(block, own, hint, textCountries)) out.push({ block, span });
  return out;
}

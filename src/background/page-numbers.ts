import {
  type CountryCode,
  countriesOfText,
  countryHintForPage,
  type Dialable,
  findPhoneNumbers,
  parseDialable,
} from '../phone';
import type { PageNumber, Payload } from '../shared/messages';
import { ok, type Result } from '../shared/result';

/** Longest stretch of parsing before other messages (a call from another tab) get a turn. */
const SLICE_MS = 16;

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The numbers in blocks of one frame's text. The parser (libphonenumber-js and the engine)
 * lives here once for every frame of every tab, instead of being injected into each frame:
 * that needed a host permission per site, cost every frame its own copy, and ran on the
 * page's main thread (docs/architecture.md, "Page scanning").
 */
export async function findPageNumbers(
  { texts, defaultCountry, lang }: Payload<'findNumbers'>,
  frameUrl: string | undefined,
): Promise<Result<PageNumber[][]>> {
  // The frame's own address, as the browser reports it: a page cannot claim another country.
  const pageCountry = countryHintForPage({ hostname: hostnameOf(frameUrl), lang });
  // Without one, the countries the batch writes numbers of ("+91 22 …") read what is left.
  const textCountries = pageCountry ? [] : countriesOfText(texts, [defaultCountry as CountryCode]);
  const options = {
    defaultCountry: defaultCountry as CountryCode,
    ...(pageCountry ? { pageCountry } : {}),
    ...(textCountries.length > 0 ? { textCountries } : {}),
  };
  const found: PageNumber[][] = [];
  let sliceStart = performance.now();
  for (const text of texts) {
    found.push(
      findPhoneNumbers(text, options).map(({ start, end, e164, dial, ext }) => ({
        start,
        end,
        e164,
        dial,
        ...(ext ? { ext } : {}),
      })),
    );
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return ok(found);
}

/** A number from a `tel:` link or a mark, read for the card; null when it is not callable. */
/** The number of a mark or link, for the card; null when it is not callable. */
export function readNumber({ input, defaultCountry }: Payload<'readNumber'>): Dialable | null {
  return parseDialable(input, defaultCountry as CountryCode) ?? null;
}

function hostnameOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/**
 * The contract between the always-injected content script and the parser
 * (libphonenumber-js + the engine), which the background injects into the same
 * isolated world only when a page has candidate text (DESIGN rule 6). Pages
 * cannot see it: it is not a web-accessible resource and lives in our world.
 */
import type { Found } from './marks';

export const PARSER_GLOBAL = '__net2phoneParser';

export interface PageParser {
  find(text: string, countries: { defaultCountry: string; pageCountry?: string }): Found[];
  /** "+1 973-555-1212" for a valid E.164 number. */
  display(e164: string): string;
  /** A number typed or linked anywhere (`tel:` links), normalised; null when not callable. */
  parse(input: string, defaultCountry: string): { display: string; ext?: string } | null;
  /** The page's own country from its hostname and language, if they say one. */
  countryHint(page: { hostname: string; lang?: string }): string | undefined;
}

export function installedParser(): PageParser | null {
  return ((globalThis as Record<string, unknown>)[PARSER_GLOBAL] as PageParser | undefined) ?? null;
}

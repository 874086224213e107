// Where a page says it is from, without libphonenumber: small enough for the content script,
// which needs it before the parser loads (see `mayHoldNumber`).

export interface PageInfo {
  hostname: string;
  /** The document's language tag (`<html lang>`), e.g. `en-GB`; may be empty. */
  lang?: string | undefined;
}

// Country-code TLDs sold as generic names (.io, .co, .tv, …) say nothing about where a business is.
const GENERIC_CCTLDS = new Set([
  'ac',
  'ad',
  'ai',
  'am',
  'as',
  'cc',
  'co',
  'fm',
  'gg',
  'io',
  'la',
  'ly',
  'me',
  'ms',
  'nu',
  'sh',
  'so',
  'st',
  'tk',
  'to',
  'tv',
  'vc',
  'ws',
]);
// TLDs whose letters differ from the ISO country code.
const TLD_TO_COUNTRY: Record<string, string> = { uk: 'GB' };

/**
 * The two-letter regions a page names, best first, upper-case and not yet checked against the
 * metadata: its ccTLD (`shop.co.uk` → GB), then the region of its `lang` (`en-GB` → GB). `en-US`
 * is ignored: it is the default of countless site templates worldwide, so it says nothing.
 */
export function pageRegions(page: PageInfo): string[] {
  const regions: string[] = [];
  const tld = fromHostname(page.hostname);
  if (tld) regions.push(tld);
  const lang = fromLang(page.lang ?? '');
  if (lang) regions.push(lang);
  return regions;
}

function fromHostname(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === '' || /^[\d.]+$|:/.test(host)) return undefined; // IPv4 / IPv6 literals
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (tld.length !== 2 || GENERIC_CCTLDS.has(tld) || tld === host) return undefined;
  return TLD_TO_COUNTRY[tld] ?? tld.toUpperCase();
}

function fromLang(lang: string): string | undefined {
  // BCP 47: language[-script][-REGION]…; only a two-letter region names a country.
  const region = lang
    .trim()
    .split(/[-_]/)
    .slice(1)
    .find((part) => /^[A-Za-z]{2}$/.test(part));
  if (!region) return undefined;
  const upper = region.toUpperCase();
  if (upper === 'US') return undefined;
  return upper === 'UK' ? 'GB' : upper;
}

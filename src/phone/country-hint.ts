import { type CountryCode, isSupportedCountry } from 'libphonenumber-js/min';
import { type PageInfo, pageRegions } from './page-region';

export type { PageInfo };

/**
 * The country whose national-format numbers a page most likely shows: the first of its
 * `pageRegions` (ccTLD, then `lang`) that libphonenumber knows.
 */
export function countryHintForPage(page: PageInfo): CountryCode | undefined {
  return pageRegions(page).find((region): region is CountryCode => isSupportedCountry(region));
}

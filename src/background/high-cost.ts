/**
 * Which high-cost kinds a number falls in (issue 10), and where it rings, for the card and the
 * confirmation window. The background alone loads libphonenumber's full ("max") metadata: the
 * minimal set that reads page text has no number types.
 *
 * Rules and their sources:
 * - premium: libphonenumber's PREMIUM_RATE type (each country's regulator's plan, as Google's
 *   metadata records it: 1-900, UK 09 and 084/087, French 089…); North American exchange 976,
 *   which US carriers long billed as a pay-per-call exchange and which libphonenumber types as an
 *   ordinary line; and +979, the ITU's International Premium Rate Service.
 * - sharedCost: the SHARED_COST type when it rings outside the user's country (at home it costs
 *   about a local call: Brazil's 4004, Germany's 0180), the PERSONAL_NUMBER type (UK 070
 *   "personal numbers" cost up to premium rates and look like mobiles), and +808, the ITU's
 *   International Shared Cost Service.
 * - satellite: +870 (Inmarsat), +881 (global mobile satellite systems), +882 and +883
 *   (international networks), all billed far above any country.
 * - northAmerica: a +1 number in another country of the North American Numbering Plan (809 and
 *   829 Dominican Republic, 876 Jamaica, 473 Grenada, 284 British Virgin Islands, 649 Turks and
 *   Caicos, 664 Montserrat, 767 Dominica…), which a North American dials like a domestic number
 *   and pays as an international one: the "one-ring" scam the FBI described in 2014. The United
 *   States, Canada and the US territories count as one home, whose calls cost the same.
 *   Applies only when the user's own country is in the plan.
 * - tollFraud: destinations that international revenue-share fraud reports name most often
 *   (Commsrisk, 2019: Cuba). Our own short list, not an authority's; organisations can turn it off.
 */
import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { HIGH_COST_CATEGORIES, type HighCostCategory } from '../shared/high-cost';
import { t, uiLanguage } from '../shared/i18n';

/** The United States, Canada and the US territories: one home for calling costs. */
const NANP_HOME = new Set(['US', 'CA', 'PR', 'VI', 'GU', 'MP', 'AS', 'UM']);
const SATELLITE = new Set(['870', '881', '882', '883']);
const TOLL_FRAUD = new Set(['CU']);

export interface Destination {
  /** ISO region where the number rings; absent for international networks (+870, +882…). */
  country?: string;
  /** The country calling code, e.g. `44`. */
  callingCode: string;
  /** Every high-cost kind it falls in, in HIGH_COST_CATEGORIES order; empty for most numbers. */
  categories: HighCostCategory[];
}

/** Classifies a valid E.164 number as seen by a user whose own country is `home`. */
export function classify(e164: string, home: string): Destination {
  const phone = parsePhoneNumberFromString(e164);
  const callingCode = phone?.countryCallingCode ?? e164.replace(/^\+/, '').slice(0, 3);
  const country = phone?.country;
  const type = phone?.getType();
  const nsn = phone?.nationalNumber ?? '';
  const found = new Set<HighCostCategory>();
  if (type === 'PREMIUM_RATE' || callingCode === '979') found.add('premium');
  if (callingCode === '1' && (nsn.startsWith('900') || nsn.slice(3, 6) === '976')) {
    found.add('premium');
  }
  // At home, shared-cost numbers cost about a local call (Brazil's 4004, Germany's 0180); from
  // abroad they do not. Personal numbers (UK 070) cost up to premium rates from anywhere.
  const sharedCostAbroad = type === 'SHARED_COST' && country !== home;
  if (sharedCostAbroad || type === 'PERSONAL_NUMBER' || callingCode === '808') {
    found.add('sharedCost');
  }
  if (SATELLITE.has(callingCode)) found.add('satellite');
  if (callingCode === '1' && country && isNanp(home) && !sameNanpHome(country, home)) {
    found.add('northAmerica');
  }
  if (country && TOLL_FRAUD.has(country) && country !== home) found.add('tollFraud');
  return {
    ...(country ? { country } : {}),
    callingCode,
    categories: HIGH_COST_CATEGORIES.filter((category) => found.has(category)),
  };
}

function isNanp(region: string): boolean {
  return nanpRegions().has(region);
}

function sameNanpHome(country: string, home: string): boolean {
  return country === home || (NANP_HOME.has(country) && NANP_HOME.has(home));
}

let nanp: Set<string> | null = null;
/** Every region of the North American Numbering Plan, from the metadata. */
function nanpRegions(): Set<string> {
  if (!nanp) {
    nanp = new Set(
      getCountries().filter((region: CountryCode) => getCountryCallingCode(region) === '1'),
    );
  }
  return nanp;
}

/** Where a number rings, in the user's language: a country, or the kind of network. */
export function placeOf(destination: Destination): string {
  if (destination.country) {
    try {
      const names = new Intl.DisplayNames([uiLanguage(), 'en'], { type: 'region' });
      return names.of(destination.country) ?? destination.country;
    } catch {
      return destination.country;
    }
  }
  switch (destination.callingCode) {
    case '870':
    case '881':
      return t('placeSatellite');
    case '882':
    case '883':
      return t('placeInternationalNetwork');
    default:
      return t('placeInternationalService');
  }
}

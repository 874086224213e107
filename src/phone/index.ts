// Public surface of the phone-number engine (pure; no browser or Node APIs).

export type { PageInfo } from './country-hint';
export { countryHintForPage } from './country-hint';
export type { CountryCode, Dialable } from './dial';
export { parseDialable, toDialString } from './dial';
export type { FindOptions, FoundNumber } from './find';
export { findPhoneNumbers } from './find';
export { hasDigitRun } from './gate';
export { guessCountry, regionOf } from './region';
export { countriesOfText } from './text-country';

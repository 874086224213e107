// Google's PhoneNumberMatcherTest cases (scored at leniency VALID) and the subset that holds
// under real metadata.
import { parsePhoneNumberFromString as parseWithMaxMetadata } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/min';

export interface GoogleCase {
  id: string;
  text: string;
  region: string | null;
  expect: { VALID?: Array<{ raw: string; start: number; end: number }> };
}

export function regionOf(region: string | null): CountryCode | undefined {
  return region && region !== 'ZZ' ? (region as CountryCode) : undefined;
}

// Google's expectations were written against its test metadata. A case belongs to the
// real-metadata subset when every expected number is valid under real (max) metadata and, for a
// case expecting nothing, the whole text is not itself a valid number under real metadata.
export function agreesWithRealMetadata(c: GoogleCase): boolean {
  const region = regionOf(c.region);
  const valid = (s: string, extract: boolean) =>
    parseWithMaxMetadata(s, { defaultCountry: region, extract })?.isValid() === true;
  const expected = c.expect.VALID ?? [];
  if (expected.length === 0) return !valid(c.text, false);
  return expected.every((e) => valid(e.raw, false));
}

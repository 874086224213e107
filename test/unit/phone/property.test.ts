import examples from 'libphonenumber-js/examples.mobile.json';
import {
  type CountryCode,
  getCountries,
  getExampleNumber,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../../src/phone/index';

// Deterministic PRNG (mulberry32) so a failure can be replayed.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A valid number near the country's example: its last digits replaced at random.
function randomValidNumber(rand: () => number, country: CountryCode): PhoneNumber | undefined {
  const example = getExampleNumber(country, examples);
  if (!example) return undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    const nsn = example.nationalNumber;
    const keep = nsn.length - 1 - Math.floor(rand() * 4);
    let tail = '';
    for (let i = keep; i < nsn.length; i++) tail += String(Math.floor(rand() * 10));
    const phone = parsePhoneNumberFromString(
      `+${example.countryCallingCode}${nsn.slice(0, keep)}${tail}`,
    );
    if (
      phone?.isValid() &&
      (phone.countryCallingCode !== '1' || phone.nationalNumber.length === 10)
    ) {
      return phone;
    }
  }
  return undefined;
}

interface Rendering {
  text: string;
  defaultCountry: CountryCode;
  pageCountry?: CountryCode;
}

// The human formats under test; undefined where a format does not apply to the number.
const FORMATS: Record<string, (phone: PhoneNumber, country: CountryCode) => Rendering | undefined> =
  {
    international: (phone) => ({ text: phone.formatInternational(), defaultCountry: 'US' }),
    'E.164': (phone) => ({ text: phone.number, defaultCountry: 'DE' }),
    // National numbers of fewer than six digits (Tokelau, St Helena, …) are deliberately not found
    // in national format: on a page they are indistinguishable from counts and years.
    'national, on a page of its country': (phone, country) =>
      phone.nationalNumber.length >= 6
        ? { text: phone.formatNational(), defaultCountry: 'US', pageCountry: country }
        : undefined,
    '011 prefix': (phone) =>
      phone.countryCallingCode === '1'
        ? undefined
        : { text: `011 ${phone.formatInternational().slice(1)}`, defaultCountry: 'US' },
    '00 prefix, read from Canada': (phone) =>
      phone.countryCallingCode === '1'
        ? undefined
        : { text: `00${phone.formatInternational().slice(1)}`, defaultCountry: 'CA' },
  };

const CONTEXTS: Array<[string, string]> = [
  ['', ''],
  ['Call ', ' today.'],
  ['Tel: ', '\nFax: none'],
  ['(office) ', ', Mon–Fri'],
];

describe('property: random valid numbers of random countries', () => {
  const rand = random(20240607);
  const countries = getCountries();
  const numbers: Array<{ phone: PhoneNumber; country: CountryCode }> = [];
  while (numbers.length < 150) {
    const country = countries[Math.floor(rand() * countries.length)] as CountryCode;
    const phone = randomValidNumber(rand, country);
    if (phone) numbers.push({ phone, country });
  }

  it.each(Object.keys(FORMATS))('are found and dialed by the rule, written %s', (format) => {
    const render = FORMATS[format];
    const failures: string[] = [];
    let checked = 0;
    for (const { phone, country } of numbers) {
      const rendering = render?.(phone, country);
      if (!rendering) continue;
      const [before, after] = CONTEXTS[checked++ % CONTEXTS.length] ?? ['', ''];
      const text = `${before}${rendering.text}${after}`;
      const found = findPhoneNumbers(text, rendering);
      const digits = phone.number.slice(1);
      const want = {
        start: before.length,
        end: before.length + rendering.text.length,
        e164: phone.number,
        dial: phone.countryCallingCode === '1' ? digits : `011${digits}`,
      };
      const got = found[0];
      const ok =
        found.length === 1 &&
        got?.start === want.start &&
        got.end === want.end &&
        got.e164 === want.e164 &&
        got.dial === want.dial;
      if (!ok) failures.push(`${JSON.stringify(text)} (${country}) → ${JSON.stringify(found)}`);
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});

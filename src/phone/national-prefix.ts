import { type CountryCode, Metadata, type PhoneNumber } from 'libphonenumber-js/min';

// A page hint decides how national-format numbers are read, but it can be wrong: many North
// American sites declare `lang="en-GB"`, and min metadata accepts "(905) 335-7959" as a British
// number. Written in a country's national format that number would carry its trunk prefix
// ("09053 357959"); text that leaves out a prefix the national format has, and that is also a
// valid number of the user's own country, is read as the user's. Chinese mobiles ("131 2345
// 6789") or Australian 1300 numbers are written without a prefix in their national format too,
// so they keep the page's reading.

/** True when `raw` is `phone` written nationally but without the trunk prefix it should have. */
export function lacksTrunkPrefix(raw: string, phone: PhoneNumber): boolean {
  return omitsPrefixOf(raw, phone, phone.formatNational(KEEP_EXTENSION));
}

/**
 * True when `raw` leaves out a trunk prefix that the country always writes in national format:
 * "100-0005" or "8.00 - 12.00" are no German numbers ("0100 0005" would be), "2023-457812" no
 * British one. Countries where the prefix is optional in writing (Argentina's "11 4321-5678",
 * Russia's "495 123-45-67", India's and China's) are not concerned, nor are numbers written with
 * their calling code. A local number without its area code is not dialable anyway.
 */
export function omitsRequiredTrunkPrefix(raw: string, phone: PhoneNumber): boolean {
  if (phone.countryCallingCode === '1') return false;
  let national = phone.formatNational({ ...KEEP_EXTENSION, nationalPrefix: false });
  // A number no national format fits (German min metadata takes "1000005") is written with the
  // prefix where every national format writes it.
  const prefix = phone.country && prefixWrittenAlways(phone.country);
  if (prefix && national.replace(/\D/g, '') === phone.nationalNumber + (phone.ext ?? '')) {
    national = prefix + national;
  }
  return omitsPrefixOf(raw, phone, national);
}

const KEEP_EXTENSION = { formatExtension: (formatted: string) => formatted };

function omitsPrefixOf(raw: string, phone: PhoneNumber, nationalFormat: string): boolean {
  if (/[+＋]/.test(raw)) return false;
  let written = raw.replace(/\D/g, '');
  if (phone.ext && written.endsWith(phone.ext)) written = written.slice(0, -phone.ext.length);
  const national = nationalFormat.replace(/\D/g, '');
  return national.length > written.length && national.endsWith(written);
}

interface NumberingPlan {
  nationalPrefix(): string | undefined;
  formats(): Array<{ nationalPrefixIsMandatoryWhenFormattingInNationalFormat(): boolean }>;
}

const alwaysWritten = new Map<CountryCode, string | undefined>();

// The country's trunk prefix when every one of its national formats writes it (DE, GB, FR, JP…).
function prefixWrittenAlways(country: CountryCode): string | undefined {
  if (alwaysWritten.has(country)) return alwaysWritten.get(country);
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country);
  // The library types `numberingPlan` loosely; these two methods are part of it.
  const plan = metadata.numberingPlan as unknown as NumberingPlan | undefined;
  const formats = plan?.formats() ?? [];
  const prefix = plan?.nationalPrefix();
  const mandatory = formats.every((f) =>
    f.nationalPrefixIsMandatoryWhenFormattingInNationalFormat(),
  );
  const always = prefix && formats.length > 0 && mandatory ? prefix : undefined;
  alwaysWritten.set(country, always);
  return always;
}

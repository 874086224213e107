import type { PhoneNumber } from 'libphonenumber-js/min';

// A page hint decides how national-format numbers are read, but it can be wrong: many North
// American sites declare `lang="en-GB"`, and min metadata accepts "(905) 335-7959" as a British
// number. Written in a country's national format that number would carry its trunk prefix
// ("09053 357959"); text that leaves out a prefix the national format has, and that is also a
// valid number of the user's own country, is read as the user's. Chinese mobiles ("131 2345
// 6789") or Australian 1300 numbers are written without a prefix in their national format too,
// so they keep the page's reading.

/** True when `raw` is `phone` written nationally but without the trunk prefix it should have. */
export function lacksTrunkPrefix(raw: string, phone: PhoneNumber): boolean {
  if (/[+＋]/.test(raw)) return false;
  let written = raw.replace(/\D/g, '');
  if (phone.ext && written.endsWith(phone.ext)) written = written.slice(0, -phone.ext.length);
  const national = phone
    .formatNational({ formatExtension: (formatted) => formatted })
    .replace(/\D/g, '');
  return national.length > written.length && national.endsWith(written);
}

import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, toDialString } from '../../../src/phone/index';

const US = { defaultCountry: 'US' } as const;

/** The matched substrings, for readable assertions. */
function spans(text: string, options: Parameters<typeof findPhoneNumbers>[1] = US): string[] {
  return findPhoneNumbers(text, options).map((n) => text.slice(n.start, n.end));
}

describe('findPhoneNumbers', () => {
  it('returns UTF-16 offsets, E.164 and the dial string', () => {
    const text = '📞 Sales: (973) 555-1212';
    expect(findPhoneNumbers(text, US)).toEqual([
      { start: 10, end: 24, e164: '+19735551212', dial: '19735551212' },
    ]);
  });

  it('finds several numbers, sorted and not overlapping', () => {
    const text = 'Tel 973-555-1212 - Fax 973-555-1213 - Intl +44 20 7031 3000';
    const found = findPhoneNumbers(text, US);
    expect(found.map((n) => n.dial)).toEqual(['19735551212', '19735551213', '011442070313000']);
    for (let i = 1; i < found.length; i++) {
      expect(found[i]?.start).toBeGreaterThanOrEqual(found[i - 1]?.end ?? 0);
    }
  });

  it('reads national numbers with the page country, else the default country', () => {
    expect(
      findPhoneNumbers('Call 020 7031 3000', { defaultCountry: 'US', pageCountry: 'GB' }),
    ).toEqual([{ start: 5, end: 18, e164: '+442070313000', dial: '011442070313000' }]);
    expect(spans('Call 020 7031 3000')).toEqual([]);
    expect(spans('Call 020 7031 3000', { defaultCountry: 'GB' })).toEqual(['020 7031 3000']);
  });

  it("still reads the user's own numbers on a page hinted as another country", () => {
    // Many US sites declare lang="en-GB"; their numbers are not valid British numbers.
    expect(spans('Call (973) 555-1212', { defaultCountry: 'US', pageCountry: 'GB' })).toEqual([
      '(973) 555-1212',
    ]);
  });

  it('never reads a North American number as a number of a wrongly hinted page country', () => {
    // "(905) 335-7959" is also a valid British number under min metadata, but British national
    // numbers are written with their 0; without it, the user's own reading wins.
    const onUkPage = { defaultCountry: 'US', pageCountry: 'GB' } as const;
    expect(findPhoneNumbers('Toronto: (905) 335-7959', onUkPage)).toMatchObject([
      { e164: '+19053357959', dial: '19053357959' },
    ]);
    expect(findPhoneNumbers('Toronto: (905) 335-7959 x12', onUkPage)).toMatchObject([
      { dial: '19053357959', ext: '12' },
    ]);
    // A Chinese mobile is written without a trunk prefix in China too: the page's reading stands.
    expect(
      findPhoneNumbers('131 2345 6789', { defaultCountry: 'US', pageCountry: 'CN' }),
    ).toMatchObject([{ e164: '+8613123456789' }]);
    expect(findPhoneNumbers('London: 020 7031 3000', onUkPage)).toMatchObject([
      { dial: '011442070313000' },
    ]);
    // Numbers that are valid only in the page's country keep its reading.
    expect(
      findPhoneNumbers('1300 553 228', { defaultCountry: 'US', pageCountry: 'AU' }),
    ).toMatchObject([{ e164: '+611300553228' }]);
  });

  it('reads +, 011 and 00 as international prefixes', () => {
    for (const text of [
      '+44 20 7031 3000',
      '011 44 20 7031 3000',
      '0044 20 7031 3000',
      '00 44 20 7031 3000',
    ]) {
      expect(findPhoneNumbers(`Office: ${text}`, US), text).toMatchObject([
        { start: 8, end: 8 + text.length, dial: '011442070313000' },
      ]);
    }
    expect(findPhoneNumbers('Ring 00 1 973 555 1212', { defaultCountry: 'GB' })).toMatchObject([
      { start: 5, dial: '19735551212' },
    ]);
  });

  it('keeps extensions', () => {
    expect(findPhoneNumbers('973-555-1212 x123', US)).toMatchObject([{ end: 17, ext: '123' }]);
    expect(findPhoneNumbers('973-555-1212 ext. 45', US)).toMatchObject([{ end: 20, ext: '45' }]);
    expect(findPhoneNumbers('973-555-1212 extension 7', US)).toMatchObject([{ end: 24, ext: '7' }]);
    expect(findPhoneNumbers('973-555-1212 #45', US)).toMatchObject([{ ext: '45' }]);
  });

  it('does not take a following count for an extension', () => {
    const found = findPhoneNumbers('973-555-1212, 45 days a year', US);
    expect(found).toEqual([{ start: 0, end: 12, e164: '+19735551212', dial: '19735551212' }]);
  });

  it('separates numbers glued to words by inline markup', () => {
    expect(spans('Call 973-555-7935Mon-Fri')).toEqual(['973-555-7935']);
    expect(spans('Tel973-555-1212')).toEqual(['973-555-1212']);
    expect(spans('973-555-1212Fax: 973-555-1213')).toEqual(['973-555-1212', '973-555-1213']);
    expect(spans('1.800.232.2267directions')).toEqual(['1.800.232.2267']);
    expect(spans('973-555-1212Ext. 4')).toEqual(['973-555-1212Ext. 4']);
  });

  it('still refuses numbers embedded in short lower-case tokens', () => {
    expect(spans('abc973-555-1212def')).toEqual([]);
    expect(spans('973-555-1212def')).toEqual([]);
  });

  it('treats a line break (a <br>) as the end of a number', () => {
    expect(spans('Santa Clara, CA 95050\n408 736 2822\n408 727 8447 Fax')).toEqual([
      '408 736 2822',
      '408 727 8447',
    ]);
  });

  it('reads full-width and other Unicode digits in place', () => {
    const text = '電話：＋１ ９７３ ５５５ １２１２';
    expect(findPhoneNumbers(text, US)).toEqual([
      { start: 3, end: text.length, e164: '+19735551212', dial: '19735551212' },
    ]);
    expect(spans('٩٧٣-٥٥٥-١٢١٢')).toEqual(['٩٧٣-٥٥٥-١٢١٢']);
  });

  it('dials vanity numbers by their keypad digits', () => {
    expect(findPhoneNumbers('Order at 1-800-FLOWERS today', US)).toMatchObject([
      { start: 9, end: 22, dial: '18003569377' },
    ]);
    expect(findPhoneNumbers('Call 303.333.PAUL now', US)).toMatchObject([{ dial: '13033337285' }]);
    expect(findPhoneNumbers('(212) NEW-YORK', US)).toMatchObject([{ dial: '12126399675' }]);
    // A 1-800 vanity number is North American on any page.
    expect(findPhoneNumbers('1-800-FLOWERS', { defaultCountry: 'DE' })).toMatchObject([
      { dial: '18003569377' },
    ]);
  });

  it('does not read words or product codes as vanity numbers', () => {
    expect(spans('Call 800-flowers')).toEqual([]);
    expect(spans('Parts 1203 EDR UP25 and 214 NAS RAID')).toEqual([]);
  });

  it('finds a number followed by a date and time', () => {
    expect(spans('Purchasing Phone (914)349-8600 04/21/2020 12:37:30')).toEqual(['(914)349-8600']);
  });

  it('finds nothing that is not a valid number', () => {
    for (const text of [
      '',
      'no digits here',
      '555-1212',
      '(973) 555-121',
      '12345',
      '+1 310 1234',
    ]) {
      expect(spans(text), text).toEqual([]);
    }
  });

  it('finds only international numbers without a default country', () => {
    expect(spans('Call +44 20 7031 3000 or 020 7031 3000', { defaultCountry: undefined })).toEqual([
      '+44 20 7031 3000',
    ]);
  });

  it('handles long blocks: every number in a directory, nothing in digit soup', () => {
    const directory = Array.from(
      { length: 300 },
      (_, i) => `Desk ${i}: (973) 555-${1000 + i}`,
    ).join('; ');
    expect(findPhoneNumbers(directory, US)).toHaveLength(300);
    // Speed on such blocks is measured by `npm run bench`/`npm run eval`, not here.
    const soup = Array.from({ length: 20_000 }, (_, i) => String(i)).join(' ');
    expect(findPhoneNumbers(soup, US)).toEqual([]);
  });
});

describe('digits from one script only (issue 10)', () => {
  it('reads a number written wholly in another script, and refuses one that mixes scripts', () => {
    expect(
      findPhoneNumbers('Call ١-٨٠٠-٥٥٥-٠١٩٩', { defaultCountry: 'US' }).map((f) => f.dial),
    ).toEqual(['18005550199']);
    // Bengali ৪ looks like 8 and is a 4.
    expect(findPhoneNumbers('Call 1-800-555-01৪9', { defaultCountry: 'US' })).toEqual([]);
    expect(toDialString('1-800-555-01৪9', 'US')).toBeNull();
    expect(toDialString('１-８００-５５５-０１９９', 'US')).toBe('18005550199');
  });
});

import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../../src/phone/index';

// Numbers of other countries on pages without a country hint (a `.com` office list, a footer):
// the block itself says how to read them, by naming the country or writing the calling code.

const US = { defaultCountry: 'US' } as const;

/** [matched text, E.164] pairs, for readable assertions. */
function found(text: string): Array<[string, string]> {
  return findPhoneNumbers(text, US).map((n) => [text.slice(n.start, n.end), n.e164]);
}

describe('a country named in the block', () => {
  it('reads a bare calling code after the country name', () => {
    expect(found('West Bay, Doha, Qatar\nTel: 974 4412 3456')).toEqual([
      ['974 4412 3456', '+97444123456'],
    ]);
    expect(findPhoneNumbers('Kuwait City, Kuwait\nTel: 965 2245 6789', US)[0]?.dial).toBe(
      '01196522456789',
    );
  });

  it('reads national numbers, with or without the trunk prefix', () => {
    expect(found('Messe-Allee 2, 04356 Leipzig, Germany\nTel: 341 2345 6789')).toEqual([
      ['341 2345 6789', '+4934123456789'],
    ]);
    expect(found('267 George Street, Sydney, Australia\nPh: 02 9876 5432')).toEqual([
      ['02 9876 5432', '+61298765432'],
    ]);
  });

  it('takes a British postcode for the United Kingdom', () => {
    expect(found('24 Endell Street, London WC2H 9HQ. Tel: 020 7946 0123.')).toEqual([
      ['020 7946 0123', '+442079460123'],
    ]);
  });

  it('needs a phone label right before the number', () => {
    // Address blocks are full of postcodes, suite ranges and PO boxes.
    expect(found('Suite 1805-1812, Dong Cheng District, Beijing, China')).toEqual([]);
    expect(found('24 Endell Street, London WC2H 9HQ. 020 7946 0123.')).toEqual([]);
  });

  it('only counts a name before the number, and only one country', () => {
    // A name after a number labels the next one: the first is British, not Irish.
    expect(found('Hotline: 0800 123 4567 (UK) / 1800 812 345 (Ireland)')).toEqual([]);
    expect(found('Ireland\nHotline: 1800 812 345')).toEqual([['1800 812 345', '+3531800812345']]);
    expect(found('Offices: France, Germany\nTel: 341 2345 6789')).toEqual([]);
  });

  it("never overrides the user's own reading", () => {
    expect(found('Call (905) 335-7959 in Canada')).toEqual([['(905) 335-7959', '+19053357959']]);
    expect(found('Shipping to Canada, call 020 7946 0123')).toEqual([]);
  });
});

describe('a calling code in parentheses', () => {
  it('reads a spaced code or a code with its area code', () => {
    expect(found('Shenzhen office: Tel ( 86 ) 755-8266-2458')).toEqual([
      ['( 86 ) 755-8266-2458', '+8675582662458'],
    ]);
    expect(found('Geneva: Phone: (41 22) 730 1234')).toEqual([
      ['(41 22) 730 1234', '+41227301234'],
    ]);
  });

  it('does not take a North American area code for a calling code', () => {
    expect(found('Tel (555) 123-4567')).toEqual([]);
    expect(found('Tel ( 555 ) 123-4567')).toEqual([]);
  });

  it('does not read a two-digit code in parentheses as a North American number', () => {
    // "(65) 6123 4567" is Singapore's code; as "656-123-4567" it would ring someone in Florida.
    expect(found('Phone: (65) 6123 4567')).toEqual([]);
    expect(found('Singapore 486056\nPhone: (65) 6123 4567')).toEqual([
      ['(65) 6123 4567', '+6561234567'],
    ]);
  });
});

describe('a list of line endings after a number', () => {
  it('keeps the first number of "…4700/01/02/03"', () => {
    expect(found('Phone: +91-22-3307 4700/01/02/03/04')).toEqual([
      ['+91-22-3307 4700', '+912233074700'],
    ]);
  });
});

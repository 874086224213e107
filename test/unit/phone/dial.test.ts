import { describe, expect, it } from 'vitest';
import { parseDialable, toDialString } from '../../../src/phone/index';

describe('toDialString', () => {
  it('dials NANP numbers as 1 + ten digits', () => {
    expect(toDialString('(973) 555-1212', 'US')).toBe('19735551212');
    expect(toDialString('973.555.1212', 'US')).toBe('19735551212');
    expect(toDialString('1-973-555-1212', 'US')).toBe('19735551212');
    expect(toDialString('+1 416 555 0199', 'GB')).toBe('14165550199');
  });

  it('drops the extension from the dial string', () => {
    expect(toDialString('973.555.1212 x12', 'US')).toBe('19735551212');
    expect(toDialString('(973) 555-1212 ext. 45', 'US')).toBe('19735551212');
  });

  it('dials other countries as 011 + country code + national number', () => {
    expect(toDialString('+44 20 7031 3000', 'US')).toBe('011442070313000');
    expect(toDialString('020 7031 3000', 'GB')).toBe('011442070313000');
    expect(toDialString('+49 30 901820', 'US')).toBe('0114930901820');
  });

  it("keeps Italy's leading zero", () => {
    expect(toDialString('+39 06 6982 0000', 'US')).toBe('011390669820000');
    expect(toDialString('02 3661 8300', 'IT')).toBe('011390236618300');
  });

  it('reads 011 and 00 as international prefixes whatever the default country', () => {
    expect(toDialString('011 44 20 7031 3000', 'US')).toBe('011442070313000');
    expect(toDialString('0044 20 7031 3000', 'US')).toBe('011442070313000');
    expect(toDialString('00 33 1 42 68 53 00', 'US')).toBe('01133142685300');
    expect(toDialString('011 44 20 7031 3000', 'GB')).toBe('011442070313000');
  });

  it('reads national numbers with the given country only', () => {
    expect(toDialString('020 7031 3000', 'US')).toBeNull();
  });

  it('accepts full-width digits, a full-width plus and tel: links', () => {
    expect(toDialString('＋１ （９７３） ５５５－１２１２', 'US')).toBe('19735551212');
    expect(toDialString('tel:+1-973-555-1212', 'US')).toBe('19735551212');
    expect(toDialString('tel:%2B44%2020%207031%203000', 'US')).toBe('011442070313000');
    expect(toDialString('tel:7031-3000;phone-context=+44-20', 'US')).toBe('011442070313000');
  });

  it('dials vanity numbers by their keypad digits', () => {
    expect(toDialString('1-800-FLOWERS', 'US')).toBe('18003569377');
    expect(toDialString('1-800-GOT-JUNK', 'US')).toBe('18004685865');
    expect(toDialString('800 SIX-FLAG', 'US')).toBe('18007493524');
    // Never read as a German number, even though min metadata would accept the digits.
    expect(toDialString('1-800-FLOWERS', 'DE')).toBe('18003569377');
    expect(toDialString('800-FLOWERS', 'DE')).toBeNull();
  });

  it('returns null for anything that is not a valid number', () => {
    for (const input of ['12345', 'call me', '', '   ', '555-1212', '+1 310 1234', '2024-01-15']) {
      expect(toDialString(input, 'US'), input).toBeNull();
    }
    expect(toDialString('(973) 555-121', 'US')).toBeNull();
    expect(toDialString('+44 20 7031 300', 'US')).toBeNull();
  });
});

describe('parseDialable', () => {
  it('gives dial, E.164, international display and extension', () => {
    expect(parseDialable('973.555.1212 x12', 'US')).toEqual({
      dial: '19735551212',
      e164: '+19735551212',
      display: '+1 973-555-1212',
      ext: '12',
    });
    expect(parseDialable('020 7031 3000', 'GB')).toEqual({
      dial: '011442070313000',
      e164: '+442070313000',
      display: '+44 20 7031 3000',
    });
  });

  it('returns null for non-numbers', () => {
    expect(parseDialable('call me', 'US')).toBeNull();
  });
});

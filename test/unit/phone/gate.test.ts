import { describe, expect, it } from 'vitest';
import { mayHoldNumber } from '../../../src/phone/gate';
import { findPhoneNumbers, hasDigitRun } from '../../../src/phone/index';

describe('hasDigitRun', () => {
  it('passes text that may hold a phone number', () => {
    for (const text of [
      'Call 973-555-1212',
      '(973) 555 1212',
      '+44 20 7031 3000',
      '０３-１２３４-５６７８',
      '٩٧٣٥٥٥١٢١٢',
      '0 3 3 3 1 6 0 0 5',
      '1-800-FLOWERS',
    ]) {
      expect(hasDigitRun(text), text).toBe(true);
    }
  });

  it('rejects digit-free and short-number text', () => {
    for (const text of [
      '',
      'No digits at all.',
      'Chapter 12, page 345',
      'Top 10 of 2024',
      'A1 B2 C3',
    ]) {
      expect(hasDigitRun(text), text).toBe(false);
    }
  });

  it('is consistent with the finder: no run, no numbers', () => {
    expect(findPhoneNumbers('Top 10 of 2024', { defaultCountry: 'DE' })).toEqual([]);
  });
});

describe('mayHoldNumber (the content script gate)', () => {
  const us = ['US'];

  it('passes what a North American reader could dial', () => {
    for (const text of [
      'Call (973) 555-1212 today',
      '973.555.1212 x12',
      '9735551212',
      '９７３５５５１２１２',
      '19735551212',
      '+44 20 7031 3000',
      'Niue +683 4002',
      'from the US dial 011 44 20 7031 3000',
      '01144207031300',
      '1-800-FLOWERS',
      'Questions? (888) 555-HELP',
      'Tel: 030 123456',
      'T: 030 123456',
      '(+44) 20 7031 3000',
      'Due 2024-11-27, call 973-555-1212',
    ]) {
      expect(mayHoldNumber(text, us), text).toBe(true);
    }
  });

  it('refuses digit runs no North American number has, so the parser never loads', () => {
    for (const text of [
      'Posted 2024-11-27',
      'Updated 2019/05/14 12:30',
      'Born 11/27/1961',
      'He served 1998–2004',
      'ISBN 0-306-40615-2',
      'ISBN 978-3-16-148410-0',
      'Order 4815162',
      'id 1700000000000',
      'See p. 123456',
      'Population 1 234 567',
      'Top 2024 NFL picks',
      'Smith, M. (1999). Title, pp. 123456',
      'doi:10.1016/0169-5347(93)90009',
      'ISBN 9780195584516.001.0001',
      'Seasons 2006–18 (2017 edition)',
      'OCLC 1015876108',
      'Totals 35752 + 8193',
    ]) {
      expect(mayHoldNumber(text, us), text).toBe(false);
    }
  });

  it('stays as open as the digit gate when a reading country is not North American', () => {
    for (const countries of [
      ['GB', 'US'],
      ['US', 'DE'],
      [undefined, 'US'],
    ]) {
      expect(mayHoldNumber('Posted 2024-11-27', countries)).toBe(true);
      expect(mayHoldNumber('Ring 030 123456', countries)).toBe(true);
    }
    expect(mayHoldNumber('No digits here', ['GB'])).toBe(false);
  });

  it('is never stricter than the engine for a US reader: what it refuses has no number', () => {
    for (const text of ['Posted 2024-11-27', 'ISBN 0-306-40615-2', 'Order 4815162']) {
      expect(findPhoneNumbers(text, { defaultCountry: 'US' })).toEqual([]);
    }
  });
});

import { describe, expect, it } from 'vitest';
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

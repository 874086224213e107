import { describe, expect, it } from 'vitest';
import { numberFromTelUri } from '../../../src/shared/tel-uri';

describe('numbers in tel: and callto: links', () => {
  it.each([
    ['tel:+1-973-555-1212', '+1-973-555-1212'],
    ['TEL:9735551212', '9735551212'],
    ['tel:%2B44%2020%207031%203000', '+44 20 7031 3000'],
    ['tel:+1-973-555-1212;ext=12', '+1-973-555-1212 x12'],
    ['tel:863-1234;phone-context=+1-914-555', '863-1234'],
    ['callto:+19735551212', '+19735551212'],
    ['callto://+19735551212', '+19735551212'],
    ['tel:%E0%A4%A', '%E0%A4%A'],
  ])('%s → %s', (href, expected) => {
    expect(numberFromTelUri(href)).toBe(expected);
  });

  it.each(['https://example.com', 'mailto:a@b.c', 'tel:', 'tel:;ext=1'])('ignores %s', (href) => {
    expect(numberFromTelUri(href)).toBeNull();
  });
});

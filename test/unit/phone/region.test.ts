import { describe, expect, it } from 'vitest';
import { guessCountry, regionOf } from '../../../src/phone';

describe('the default country guess', () => {
  it('reads the region of valid numbers only', () => {
    expect(regionOf('+16135550100')).toBe('CA');
    expect(regionOf('+19735550100')).toBe('US');
    expect(regionOf('+442070313000')).toBe('GB');
    expect(regionOf('+1555')).toBeUndefined();
    expect(regionOf('nonsense')).toBeUndefined();
  });

  it("prefers the most common region of the user's own numbers", () => {
    expect(guessCountry(['+16135550100', '+14165550199', '+19735550100'], ['en-US'])).toBe('CA');
  });

  it('falls back to the browser locale, then to US', () => {
    expect(guessCountry([], ['fr-CA', 'fr'])).toBe('CA');
    expect(guessCountry(['bad'], ['en', 'es-MX'])).toBe('MX');
    expect(guessCountry([], ['en', 'fr'])).toBe('US');
    expect(guessCountry([], ['xx-ZZ'])).toBe('US');
  });
});

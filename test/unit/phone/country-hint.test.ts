import { describe, expect, it } from 'vitest';
import { countryHintForPage } from '../../../src/phone/index';

describe('countryHintForPage', () => {
  it('uses the country-code TLD', () => {
    expect(countryHintForPage({ hostname: 'shop.co.uk', lang: '' })).toBe('GB');
    expect(countryHintForPage({ hostname: 'www.example.de', lang: 'en' })).toBe('DE');
    expect(countryHintForPage({ hostname: 'example.com.au' })).toBe('AU');
    expect(countryHintForPage({ hostname: 'shop.ca', lang: 'en-US' })).toBe('CA');
  });

  it('falls back to the region of the page language', () => {
    expect(countryHintForPage({ hostname: 'example.com', lang: 'en-GB' })).toBe('GB');
    expect(countryHintForPage({ hostname: 'example.org', lang: 'fr-FR' })).toBe('FR');
    expect(countryHintForPage({ hostname: 'example.com', lang: 'zh-Hant-TW' })).toBe('TW');
    expect(countryHintForPage({ hostname: 'example.com', lang: 'en_uk' })).toBe('GB');
  });

  it('gives no hint when the page says nothing specific', () => {
    expect(countryHintForPage({ hostname: 'example.com', lang: 'en-US' })).toBeUndefined();
    expect(countryHintForPage({ hostname: 'example.com', lang: 'en' })).toBeUndefined();
    expect(countryHintForPage({ hostname: 'example.com' })).toBeUndefined();
    expect(countryHintForPage({ hostname: 'app.example.io', lang: '' })).toBeUndefined();
    expect(countryHintForPage({ hostname: 'startup.co', lang: '' })).toBeUndefined();
    expect(countryHintForPage({ hostname: '192.168.1.10', lang: '' })).toBeUndefined();
    expect(countryHintForPage({ hostname: 'localhost', lang: '' })).toBeUndefined();
    expect(countryHintForPage({ hostname: '', lang: 'es-419' })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { findPageNumbers } from '../../../src/background/page-numbers';
import { type CountryCode, countriesOfText, findPhoneNumbers } from '../../../src/phone/index';

// A page whose address and language name no country (a `.com`) says where it is by the numbers it
// writes with their calling code, or else by the countries it names; the national numbers a US
// user's own reading leaves are then read as those countries' (issue 12).

const US = 'US' as const;

describe('countriesOfText', () => {
  it('takes the countries of the numbers written with a calling code', () => {
    expect(countriesOfText(['Head office: +91 22 4012 3456', 'Tel: 079-4012 3456'], [US])).toEqual([
      'IN',
    ]);
    expect(countriesOfText(['Madrid (+34) 912 345 678', 'Tel. 0034 932 123 456'], [US])).toEqual([
      'ES',
    ]);
  });

  it('leaves out North America and the user’s own country', () => {
    expect(countriesOfText(['Toll free +1 800 555 0199', 'Toronto +1 416 555 0123'], [US])).toEqual(
      [],
    );
    expect(countriesOfText(['Paris +33 1 42 68 53 00'], ['FR'])).toEqual([]);
  });

  it('counts names only when no number has a calling code, and only beside a phone label', () => {
    expect(countriesOfText(['Leeds, England. Tel: 0113 234 5678'], [US])).toEqual(['GB']);
    expect(countriesOfText(['Visit Spain! Call +44 20 7946 0123'], [US])).toEqual(['GB']);
    // A name in an article is a mention, not where the page is.
    expect(countriesOfText(['Registered in England, no. 04612345'], [US])).toEqual([]);
  });

  it('gives nothing for a list of offices in many countries', () => {
    const offices = [
      '+44 20 7946 0123',
      '+49 30 1234567',
      '+33 1 42 68 53 00',
      '+34 912 345 678',
      '+39 02 1234 5678',
    ];
    expect(countriesOfText(offices, [US])).toEqual([]);
  });
});

describe('reading a page by its text countries', () => {
  const read = (text: string, textCountries: CountryCode[]) =>
    findPhoneNumbers(text, { defaultCountry: US, textCountries }).map((n) => n.e164);

  it('reads national numbers the user’s country cannot', () => {
    expect(read('Tel: 022 4012 3456', ['IN'])).toEqual(['+912240123456']);
    expect(read('Tel: 912 345 678', ['ES'])).toEqual(['+34912345678']);
    expect(read('Sales 0113 234 5678', ['GB'])).toEqual(['+441132345678']);
  });

  it('keeps the user’s own reading first', () => {
    expect(read('Call 973-555-1212', ['GB'])).toEqual(['+19735551212']);
  });

  it('needs a trunk prefix or a phone label, and the country’s own first group', () => {
    // A Seoul postcode is no Australian 13 number; a suite range no Korean number.
    expect(read('Seoul 135-280', ['AU'])).toEqual([]);
    expect(read('Suite 1805-1812', ['KR'])).toEqual([]);
    // Chinese numbers start "028 …"; "(02) 806-6782" is written another country's way.
    expect(read('(02) 806-6782', ['CN'])).toEqual([]);
  });

  it('reads nothing that two of the countries read differently', () => {
    // A Dutch or a Swiss number: "020 123 4567" is written alike in both.
    expect(read('Tel: 020 123 4567', ['NL'])).toEqual(['+31201234567']);
    expect(read('Tel: 020 123 4567', ['NL', 'CH'])).toEqual([]);
  });

  it('is ignored on a page that has a country of its own', () => {
    expect(
      findPhoneNumbers('Tel: 022 4012 3456', {
        defaultCountry: US,
        pageCountry: 'GB',
        textCountries: ['IN'],
      }),
    ).toEqual([]);
  });
});

describe('the background reading a frame without a country', () => {
  it('reads a batch by the countries its international numbers are of', async () => {
    const texts = ['Head office: +91 22 4012 3456', 'Ahmedabad office\nTel: 079 4012 3456'];
    const reply = await findPageNumbers(
      { texts, defaultCountry: 'US', lang: 'en' },
      'https://www.example.com/contact',
    );
    expect(reply.ok && reply.value.map((found) => found.map((n) => n.e164))).toEqual([
      ['+912240123456'],
      ['+917940123456'],
    ]);
  });

  it('does not on a frame whose address names a country', async () => {
    const texts = ['Head office: +91 22 4012 3456', 'Tel: 079 4012 3456'];
    const reply = await findPageNumbers(
      { texts, defaultCountry: 'US', lang: 'en' },
      'https://www.example.fr/contact',
    );
    expect(reply.ok && reply.value[1]).toEqual([]);
  });
});

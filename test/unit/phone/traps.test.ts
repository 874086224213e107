import { describe, expect, it } from 'vitest';
import { type CountryCode, findPhoneNumbers } from '../../../src/phone/index';

// Every example is checked as read from the US, the UK and Germany: German min metadata accepts
// almost any digit run, so it is the hardest reading for the filters.
const READINGS: CountryCode[] = ['US', 'GB', 'DE'];

function expectNoNumbers(examples: string[]): void {
  for (const text of examples) {
    for (const defaultCountry of READINGS) {
      const found = findPhoneNumbers(text, { defaultCountry }).map((n) =>
        text.slice(n.start, n.end),
      );
      expect(found, `${text} (${defaultCountry})`).toEqual([]);
    }
  }
}

describe('trap filters: number-shaped text that is not a phone number', () => {
  it('pagination runs', () => {
    expectNoNumbers([
      'Page 1 2 3 4 5 6 7 8 9 10 Next',
      '« 2 3 4 5 6 7 8 9 10 11 »',
      '1 2 3 4 5 6 7 8 9 10 11 12',
    ]);
  });

  it('IPv4 addresses', () => {
    expectNoNumbers([
      'Server 192.168.100.200 is down',
      'IP 10.120.130.140',
      '172.16.254.1:8080',
      'DNS 208.67.222.222',
    ]);
  });

  it('model-number lists', () => {
    expectNoNumbers([
      'Models 500/600/1200',
      'sizes 100/200/3000',
      'Fits 2500/3500/4500 series',
      '400/500/600/700',
    ]);
  });

  it('ISBNs', () => {
    expectNoNumbers([
      'ISBN 978-3-16-148410-0',
      'ISBN 0-306-40615-2',
      'ISBN: 1-56619-909-3',
      'ISBN-10: 0306406152',
      'ISBN 9780306406157',
    ]);
  });

  it('dates and times', () => {
    expectNoNumbers([
      '2024-01-15 10:30',
      '01/15/2024 10:30',
      '15.01.2024 14:30',
      '2024/01/15 1030',
      '15-01-2024',
      'on 01/15/2024',
      '20240115',
      '12/25/2023 3:45 PM',
      '2023-12-25T10:30:00',
      '2019-2023',
      '1998 - 2005',
    ]);
  });

  it('prices', () => {
    expectNoNumbers([
      '$1,234,567.89',
      'Price: 4,155,551,234',
      '€ 1.234.567,00',
      'USD 4155551234',
      '4155551234 USD',
      'Cost $ 415 555 1234',
      '£2,034,567,890',
    ]);
  });

  it('ZIP+4 codes and ZIP ranges', () => {
    expectNoNumbers([
      'Beverly Hills, CA 90210-1234',
      'ZIP 10001-1234 5',
      'zip codes 21740 - 21749',
      '80901 - 80962',
      'NY 10001-2345 and 10002-3456',
    ]);
  });

  it('tracking, order and other ids', () => {
    expectNoNumbers([
      'Order #4155551234',
      'Tracking number: 9400 1000 0000 0000 0000 00',
      'Invoice 2125551234',
      'Order no. 212-555-1234',
      'Ref: 6465551234',
      'ID 4155551234',
      'St.Nr.: 43/151/01234',
      'https://example.com/item?id=1&ord=7840756744',
      'img_4155551234.jpg',
      'Invoice INV-2024-000123',
      'Ticket #REQ-2024-004512',
    ]);
    // A phone word, or a phone number's own grouping, glued by a hyphen is still a number.
    expect(findPhoneNumbers('Tel-973-555-1212', { defaultCountry: 'US' })).toHaveLength(1);
    expect(findPhoneNumbers('My number-415-666-7777', { defaultCountry: 'US' })).toHaveLength(1);
    expect(findPhoneNumbers('OFFICE-1(516)733-3989', { defaultCountry: 'US' })).toHaveLength(1);
  });

  it('Unix timestamps', () => {
    expectNoNumbers(['timestamp 1700000000', 'ts=1712345678123', 'created 1699999999']);
  });

  it('coordinates', () => {
    expectNoNumbers([
      '40.7128, -74.0060',
      'lat 40.712776 lon -74.005974',
      '51.5074° N, 0.1278° W',
      '34.0522,-118.2437',
    ]);
  });

  it('version strings', () => {
    expectNoNumbers([
      'v2.10.3.1234',
      'version 4.12.123.4567',
      'Chrome 120.0.6099.109',
      'release 10.15.7.2024',
    ]);
  });

  it('counts, negative numbers and arithmetic', () => {
    expectNoNumbers([
      'Visitors: 2592077',
      '-2208960000 is a timestamp',
      'Formula 45+31-339243873',
      '(37161)2015 trip',
    ]);
  });

  it('line ranges after a number', () => {
    expectNoNumbers(['Tel: 23970072-79', 'Lines 44556677-89']);
  });

  it('keeps real numbers that sit next to traps', () => {
    const text =
      'Open 9:00-17:00, 01/15/2024. Call 973-555-1212 (ISBN 978-3-16-148410-0), CA 90210-1234';
    const found = findPhoneNumbers(text, { defaultCountry: 'US' });
    expect(found.map((n) => text.slice(n.start, n.end))).toEqual(['973-555-1212']);
    expect(findPhoneNumbers('Order line: 973-555-1212', { defaultCountry: 'US' })).toHaveLength(1);
    expect(
      findPhoneNumbers('Customer service phone no. 973-555-1212', { defaultCountry: 'US' }),
    ).toHaveLength(1);
  });
});

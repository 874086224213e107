import { describe, expect, it } from 'vitest';
import { type CountryCode, findPhoneNumbers } from '../../../src/phone/index';

// Pages of other countries, read by a user in the US (net2phone's sales teams call abroad) and by
// a user of that country: numbers written the way each country writes them are read as that
// country's, and the ids, account and tax numbers, references and hours on the same pages are not
// numbers at all (issue 12). Every case is our own; the numbers are made up but valid.

interface CountryPage {
  country: CountryCode;
  /** [text, the number it holds (E.164)]. */
  numbers: Array<[string, string]>;
  /** Number-shaped text that is no phone number. */
  notNumbers: string[];
}

const PAGES: CountryPage[] = [
  {
    country: 'DE',
    numbers: [
      ['Tel. 030 12345678', '+493012345678'],
      ['Telefon: 089/1234567', '+49891234567'],
      ['Tel.: 0711 / 123 45 67', '+497111234567'],
      ['Fon (0221) 98 76 54', '+49221987654'],
      ['Zentrale +49 (0)40 123456-0', '+49401234560'],
    ],
    notNumbers: [
      'Steuernummer: 143/123/45678',
      'USt-IdNr.: DE 123 456 789',
      'Amtsgericht Köln HRB 123456',
      'IBAN: DE89 3704 0044 0532 0130 00',
      'BLZ 370 400 44, Konto 0532 0130 00',
      'Kundennummer 0045 1234 567',
      'Bestellnummer 2023-457812',
      'Ihre Bestellung X-2023-457812 ist unterwegs',
      'Rechnung 2024/000123 vom 15.01.2024',
      'Patent DE 10 2019 123 456.7',
      'Patente EP 2 345 678 B1, US 2019/0123456 A1',
      'Fahrplan: 06.12 06.42 07.12 07.42',
      '2. SV Muster 34 22 6 6 85:39 46 72',
      'Öffnungszeiten: Mo–Fr 08.00 - 12.00 und 13.00 - 17.00 Uhr',
      'Sa 9.00-13.00',
      '1. FC Beispiel 34 25 5 4 92:38 80',
      'Postfach 100-0005',
      'Az. 012 345 678',
    ],
  },
  {
    country: 'GB',
    numbers: [
      ['Call us on 020 7946 0123', '+442079460123'],
      ['Tel: 0113 234 5678', '+441132345678'],
      ['Freephone 0800 123 4567', '+448001234567'],
      ['Mobile 07911 123 456', '+447911123456'],
      ['International: +44 (0)20 7946 0123', '+442079460123'],
    ],
    notNumbers: [
      'Sort code 20-00-00, account 12345678',
      'Company No. 01234567',
      'VAT Reg. No. GB 123 4567 89',
      'Registered in England No. 04612345',
      'Order 2023-457812',
      'Opening hours 08.00 - 17.30',
      '1 Town FC 38 28 5 5 88 43 +45 89',
    ],
  },
  {
    country: 'FR',
    numbers: [
      ['Tél. : 01 23 45 67 89', '+33123456789'],
      ['Tél. 04.78.12.34.56', '+33478123456'],
      ['Portable 06-12-34-56-78', '+33612345678'],
      ['Standard +33 (0)1 42 68 53 00', '+33142685300'],
    ],
    notNumbers: [
      'SIRET 123 456 789 00012',
      'SIREN : 123 456 789',
      'N° TVA FR 12 345678901',
      'RCS Paris B 123 456 789',
      'IBAN FR76 3000 6000 0112 3456 7890 189',
      'Commande n° 2023-457812',
      'Horaires : 08.00 - 12.00 / 14.00 - 18.00',
    ],
  },
  {
    country: 'ES',
    numbers: [
      ['Teléfono: 912 345 678', '+34912345678'],
      ['Tel. 91 234 56 78', '+34912345678'],
      ['Móvil 612 34 56 78', '+34612345678'],
    ],
    notNumbers: [
      'CIF B-12345678',
      'NIF 12345678-Z',
      'IBAN ES91 2100 0418 4502 0005 1332',
      'Pedido 2023-457812',
      'Factura nº 2024/000123',
      'Expediente 912 345 678',
      'Horario: 08.00 - 14.00',
    ],
  },
  {
    country: 'IT',
    numbers: [
      ['Tel. 02.1234.5678', '+390212345678'],
      ['Tel. 06 1234 5678', '+390612345678'],
      ['Tel. 055/123456', '+39055123456'],
      ['Cell. 333 123 4567', '+393331234567'],
    ],
    notNumbers: [
      'P.IVA 01234567890',
      'Cod. Fisc. e P. IVA 02345678901',
      'REA MI-1234567',
      'IBAN IT60 X054 2811 1010 0000 0123 456',
      'Ordine n. 2023-457812',
      '1. Squadra 38 29 7 2 89 22 +67 94',
      'Orari 08.00 - 12.30',
    ],
  },
  {
    country: 'PT',
    numbers: [
      ['Tel. 21 123 4567', '+351211234567'],
      ['Telemóvel 912 345 678', '+351912345678'],
    ],
    notNumbers: [
      'NIF 501 234 567',
      'Encomenda 2023-457812',
      'Código postal 1000-001 Lisboa',
      'Horário 09.00 - 18.00',
    ],
  },
  {
    country: 'BR',
    numbers: [
      ['Tel.: (11) 3456-7890', '+551134567890'],
      ['Celular (21) 98765-4321', '+5521987654321'],
    ],
    notNumbers: [
      'CNPJ 12.345.678/0001-95',
      'CPF 123.456.789-09',
      'CEP 01310-100',
      'Pedido nº 2023-457812',
    ],
  },
  {
    country: 'MX',
    numbers: [
      ['Tel. 55 1234 5678', '+525512345678'],
      ['Tel. (33) 1234-5678', '+523312345678'],
    ],
    notNumbers: ['RFC ABC123456T12', 'CLABE 002180700123456789', 'Folio 2024-000123'],
  },
  {
    country: 'AR',
    numbers: [
      ['Tel. (011) 4321-5678', '+541143215678'],
      ['Tel. 11 4321-5678', '+541143215678'],
    ],
    notNumbers: ['CUIT 20-12345678-9', 'Pedido 2023-457812', 'Horario 08.00 - 16.00'],
  },
  {
    country: 'CO',
    numbers: [['Tel. (601) 234 5678', '+576012345678']],
    notNumbers: ['NIT 900.123.456-7', 'Pedido 2023-457812'],
  },
  {
    country: 'PL',
    numbers: [
      ['Tel. 22 123 45 67', '+48221234567'],
      ['Tel. kom. 512 345 678', '+48512345678'],
    ],
    notNumbers: [
      'NIP 123-456-32-18',
      'REGON 123456785',
      'KRS 0000123456',
      'Nr rachunku 61 1090 1014 0000 0712 1981 2874',
      'Godziny otwarcia 8.00 - 16.00',
    ],
  },
  {
    country: 'NL',
    numbers: [
      ['Tel. 020-123 4567', '+31201234567'],
      ['Tel. 010 123 45 67', '+31101234567'],
    ],
    notNumbers: [
      'KvK 12345678',
      'BTW NL123456789B01',
      'IBAN NL91 ABNA 0417 1643 00',
      'Openingstijden 08.00 - 17.00',
    ],
  },
  {
    country: 'RU',
    numbers: [
      ['Тел.: +7 (495) 123-45-67', '+74951234567'],
      ['Тел. 8 (495) 123-45-67', '+74951234567'],
    ],
    notNumbers: ['ИНН 7707083893', 'ОГРН 1027700132195', 'БИК 044525225', 'Заказ № 2023-457812'],
  },
  {
    country: 'JP',
    numbers: [
      ['電話 03-1234-5678', '+81312345678'],
      ['TEL 06-6123-4567', '+81661234567'],
    ],
    notNumbers: ['〒100-0005 東京都千代田区丸の内1-1-1', '法人番号 1234567890123'],
  },
  {
    country: 'CN',
    numbers: [
      ['电话 010-1234 5678', '+861012345678'],
      ['手机 131 2345 6789', '+8613123456789'],
    ],
    notNumbers: ['邮编 100000', '订单号 2023-457812'],
  },
  {
    country: 'KR',
    numbers: [['전화 02-1234-5678', '+82212345678']],
    notNumbers: ['사업자등록번호 105-87-00321', '주문번호 2023-457812'],
  },
  {
    country: 'AU',
    numbers: [
      ['Ph: (02) 9876 5432', '+61298765432'],
      ['Call 1300 553 228', '+611300553228'],
    ],
    notNumbers: ['ABN 51 824 753 556', 'BSB 062-000 Account 12345678'],
  },
];

const READERS: CountryCode[] = ['US'];

function read(text: string, country: CountryCode, own: CountryCode): Array<[string, string]> {
  return findPhoneNumbers(text, { defaultCountry: own, pageCountry: country }).map((n) => [
    text.slice(n.start, n.end),
    n.e164,
  ]);
}

describe.each(PAGES)('a page of $country', ({ country, numbers, notNumbers }) => {
  it.each([...READERS, country])('reads its numbers for a user in %s', (own) => {
    for (const [text, e164] of numbers) {
      const found = read(text, country, own);
      expect(
        found.map(([, e]) => e),
        `${text} (${own})`,
      ).toEqual([e164]);
    }
  });

  it.each([...READERS, country])('reads no ids, accounts or hours for a user in %s', (own) => {
    for (const text of notNumbers) expect(read(text, country, own), `${text} (${own})`).toEqual([]);
  });
});

describe('North American numbers on a page of another country', () => {
  const onGermanPage = (text: string) => read(text, 'DE', 'US');

  it('are read when written as North American numbers', () => {
    for (const text of [
      'US office: +1 973 555 1212',
      'US office: 1-973-555-1212',
      'US office: 1 (973) 555-1212',
      'US office: (973) 555-1212',
      'US office: 973-555-1212',
      'US office: 973 555 1212',
    ]) {
      expect(
        onGermanPage(text).map(([, e]) => e),
        text,
      ).toEqual(['+19735551212']);
    }
  });

  it('are not read from ten digits written otherwise', () => {
    for (const text of [
      'Vorgang 9735551212',
      'Referenz 973 5551 212',
      'Kennung 105-87-00321',
      'Auftrag X-2023-457812',
    ]) {
      expect(onGermanPage(text), text).toEqual([]);
    }
  });

  it('are not read without their 1 from a vanity spelling', () => {
    expect(onGermanPage('Hotline 800-FLOWERS')).toEqual([]);
    expect(onGermanPage('Hotline 1-800-FLOWERS').map(([, e]) => e)).toEqual(['+18003569377']);
  });
});

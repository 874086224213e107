import { describe, expect, it } from 'vitest';
import { type CountryCode, findPhoneNumbers, parseDialable } from '../../../src/phone/index';

// Extensions written in the page's own language (issue 12): the number is read with its
// extension, and the mark covers both.

const CASES: Array<[CountryCode, string, string, string]> = [
  // [page country, text, E.164, extension]
  ['US', 'Call (973) 555-1212 ext. 204', '+19735551212', '204'],
  ['FR', 'Tél. 01 42 68 53 00 poste 214', '+33142685300', '214'],
  ['FR', 'Tél. 01 42 68 53 00 (poste 214)', '+33142685300', '214'],
  ['FR', 'Tél. 01 42 68 53 00, poste : 214', '+33142685300', '214'],
  ['ES', 'Tel. 912 345 678 ext. 31', '+34912345678', '31'],
  ['PE', 'Teléfono (01) 234-5678 anexo 120', '+5112345678', '120'],
  ['BR', 'Fone (11) 3456-7890 ramal 2231', '+551134567890', '2231'],
  ['IT', 'Tel. 02 1234 5678 interno 12', '+390212345678', '12'],
  ['DE', 'Tel. 030 1234567 Durchwahl 89', '+49301234567', '89'],
  ['AT', 'Tel. 01 234 5678 DW 15', '+4312345678', '15'],
  ['PL', 'Tel. 22 123 45 67 wew. 310', '+48221234567', '310'],
  ['NL', 'Tel. 020 123 4567 toestel 45', '+31201234567', '45'],
  ['RU', 'Тел. +7 495 123-45-67 доб. 123', '+74951234567', '123'],
  ['JP', '電話 03-1234-5678 内線 123', '+81312345678', '123'],
  ['JP', '電話 03-1234-5678（内線123）', '+81312345678', '123'],
  ['CN', '电话 010-1234 5678 分机 8021', '+861012345678', '8021'],
  ['CN', '电话 010-12345678转8021', '+861012345678', '8021'],
  ['TW', '電話 (02) 2345-6789 轉 123', '+886223456789', '123'],
];

describe('extensions in the page language', () => {
  it.each(CASES)('%s: %s', (country, text, e164, ext) => {
    const found = findPhoneNumbers(text, { defaultCountry: 'US', pageCountry: country });
    expect(found).toMatchObject([{ e164, ext }]);
    const mark = text.slice(found[0]?.start, found[0]?.end);
    expect(mark.endsWith(ext)).toBe(true);
  });

  it('are not taken from a word that only looks like one', () => {
    // "poste" without digits after it, a "DW" that starts a word, an "interno" far from the number.
    const read = (text: string, pageCountry: CountryCode) =>
      findPhoneNumbers(text, { defaultCountry: 'US', pageCountry });
    expect(read('Tél. 01 42 68 53 00 poste restante', 'FR')).toMatchObject([
      { e164: '+33142685300' },
    ]);
    expect(read('Tél. 01 42 68 53 00 poste restante', 'FR')[0]?.ext).toBeUndefined();
    expect(read('Tel. 030 1234567 DWD 12', 'DE')[0]?.ext).toBeUndefined();
  });

  it('reach the card when a selection is read', () => {
    expect(parseDialable('01 42 68 53 00 poste 214', 'FR')).toMatchObject({
      dial: '01133142685300',
      ext: '214',
    });
    expect(parseDialable('03-1234-5678 内線 123', 'JP')).toMatchObject({ ext: '123' });
  });
});

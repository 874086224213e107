// On a page read as another country, digits are read as a North American number only when they
// are written as one (issue 12): with `+1`, a leading `1-`/`1 `, the `(NPA) NXX-XXXX` grouping, or
// `NPA-NXX-XXXX` with dashes, dots or spaces. Ids and references that happen to hold ten digits
// ("105-87-00321", "2023-457812", "1234567890") are not; and "1-905-555-0208" is no German number.

const WRITTEN_AS_NANP = new RegExp(
  [
    String.raw`^\+\s*1(?!\d)`,
    String.raw`^1(?:[\s.-]+\(?|\s*\()[2-9]\d\d\)?[\s.-]*[2-9]\d\d[\s.-]*\d{4}(?!\d)`,
    String.raw`^\([2-9]\d\d\)[\s.-]*[2-9]\d\d[\s.-]*\d{4}(?!\d)`,
    String.raw`^[2-9]\d\d([-. ])[2-9]\d\d\1\d{4}(?!\d)`,
  ].join('|'),
);

/** True when `raw` (a match's text) is written the North American way. */
export function isWrittenAsNanp(raw: string): boolean {
  return WRITTEN_AS_NANP.test(raw);
}

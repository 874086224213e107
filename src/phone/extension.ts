// libphonenumber's matcher accepts a bare `, 45` after a number as an extension (Google's
// matching pattern allows it), so "973-555-1212, 45 days a year" would carry ext 45. A real
// extension is introduced by a marker (x, ext, extension, #, int, …); without one, the digits are
// a count and are cut off.

const BARE_SEPARATOR = /^[\s,;:.-]*$/;

/** The end of the main number and whether the extension stands, for a match `raw` with `ext`. */
export function checkExtension(raw: string, ext: string): { keep: boolean; mainEnd: number } {
  const extStart = raw.lastIndexOf(ext);
  if (extStart <= 0) return { keep: true, mainEnd: raw.length };
  let mainEnd = extStart;
  while (mainEnd > 0 && !isDigit(raw.charCodeAt(mainEnd - 1))) mainEnd--;
  const between = raw.slice(mainEnd, extStart);
  if (between === '' || !BARE_SEPARATOR.test(between)) return { keep: true, mainEnd: raw.length };
  return { keep: false, mainEnd };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// Length-preserving text normalisation: every UTF-16 unit maps to exactly one unit, so offsets
// found in the normalised text are offsets into the original (the content script relies on this).

const ND_BMP = /\p{Nd}/u;
const NEEDS_WORK = /[^ -~\t\n\r]|0xx/i;

/**
 * ASCII digits for every BMP Unicode decimal digit (full-width, Arabic-Indic, Devanagari, …),
 * `+` for the full-width plus, `-` for dash look-alikes; `0xx` (Argentine "national prefix +
 * carrier" placeholder) becomes `0  `.
 */
export function normalizeText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c < 0x80 ? text[i] : mapChar(text, i, c);
  }
  return out.replace(/(?<![0-9A-Za-z])0xx(?![A-Za-z])/gi, '0  ');
}

function mapChar(text: string, i: number, c: number): string {
  const ch = text[i] ?? '';
  if (c === 0xff0b) return '+';
  if (c === 0xff08) return '(';
  if (c === 0xff09) return ')';
  // Dash look-alikes that people (and Google's tests) use between digit groups.
  if (c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2014) return '-';
  if (c === 0x2212 || c === 0x30fc || c === 0xff0d) return '-';
  if (c === 0x3000 || c === 0xa0 || c === 0x202f || c === 0x2007) return ' ';
  if (c >= 0xd800 && c <= 0xdfff) return ch; // astral digits are left alone (rare in the wild)
  if (!ND_BMP.test(ch)) return ch;
  return String(digitValue(text, i));
}

// Unicode encodes every decimal digit set as a contiguous run 0..9 (several sets may sit back to
// back), so a digit's value is its distance from the start of its run, modulo 10.
function digitValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let start = c;
  while (start > 0 && ND_BMP.test(String.fromCharCode(start - 1))) start--;
  return (c - start) % 10;
}

/**
 * True when `raw` writes digits from more than one script ("1-800-555-01৪9": Bengali ৪ looks
 * like 8 and is read as 4). A number is read only when what is seen is what is dialed (issue 10).
 */
export function mixesDigitScripts(raw: string): boolean {
  let zero = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    let start: number;
    if (c >= 0x30 && c <= 0x39) start = 0x30;
    else if (c < 0x80 || !ND_BMP.test(raw[i] ?? '')) continue;
    else start = c - digitValue(raw, i);
    if (zero === -1) zero = start;
    else if (zero !== start) return true;
  }
  return false;
}

// Extensions written in the page's own language (issue 12): libphonenumber knows "ext", "x",
// "int", "anexo" and "доб", but not "poste 12" (fr), "ramal 12" (pt), "interno 12" (it),
// "Durchwahl 12" / "DW 12" (de), "wew. 12" (pl), "toestel 12" (nl), "内線12" (ja), "分机 12" or
// "转12" (zh). We rewrite such a word, right after a number's last digit and right before the
// extension's digits, into "ext" padded with spaces (or "x" when the word is shorter than three
// characters). The rewrite keeps the text's length, so offsets still point into the page's text.
// A parenthesis around the extension ("(内線 123)", "(poste 12)") is blanked with it.

const WORDS = [
  'poste',
  'ramal',
  'interno',
  'durchwahl',
  'nebenstelle',
  'dw',
  'wewn\\.?',
  'wew\\.?',
  'toestel',
  'tst\\.?',
  'доб\\.?',
  'добавочный',
  'вн\\.',
  '内線',
  '分机',
  '分機',
  '转',
  '轉',
  '내선',
];

// After a digit (and a few separators), the word, then separators and the extension's digits.
const FOREIGN_EXTENSION = new RegExp(
  `(?<=\\d[ \\t,-]*)(\\(\\s*)?(${WORDS.join('|')})(?![\\p{L}])([\\s.:：-]*)(?=\\d{1,6}(?:\\s*\\))?(?!\\d))`,
  'giu',
);
const CLOSING = /^(\d{1,6})(\s*\))/;
const ANY_WORD = new RegExp(WORDS.join('|'), 'iu');

/** `text` with foreign extension words rewritten to "ext"; same length. */
export function markForeignExtensions(text: string): string {
  if (!ANY_WORD.test(text)) return text;
  FOREIGN_EXTENSION.lastIndex = 0;
  let out = '';
  let at = 0;
  for (const m of text.matchAll(FOREIGN_EXTENSION)) {
    const [whole, paren = '', word = '', separators = ''] = m;
    const end = m.index + whole.length;
    // The separators become spaces: "poste : 12" (French typography) → "  ext   12".
    out += text.slice(at, m.index) + ' '.repeat(paren.length) + asExt(word);
    out += ' '.repeat(separators.length);
    at = end;
    const closing = paren ? CLOSING.exec(text.slice(end)) : null;
    if (closing) {
      const digits = closing[1] ?? '';
      out += digits + ' '.repeat((closing[2] ?? '').length);
      at = end + digits.length + (closing[2] ?? '').length;
    }
  }
  return out + text.slice(at);
}

function asExt(word: string): string {
  // Padding goes before the label, where libphonenumber allows spaces ("poste" → "  ext").
  return word.length >= 3 ? `${' '.repeat(word.length - 3)}ext` : `${' '.repeat(word.length - 1)}x`;
}

// Text joined from inline elements often glues a number to a word: `<b>Tel</b>415-666-7777`,
// `555-7935<span>Mon-Fri</span>`. libphonenumber (like Google's matcher) refuses a number touching a
// Latin letter, which is right for "abc415-666-7777def" but loses these. We blank the one letter at
// the boundary (length-preserving, so offsets stay valid) when the word is a label before the
// number or a capitalised word after it.

// A label word glued to the start of a number ("Tel415…", "Phone(415)…", "Fax+1…").
const LABEL_BEFORE =
  /(?<![A-Za-z])(?:tel|phone|ph|fax|call|mobile|mob|cell|office|direct|main|hotline|t|p|f|m|c)(?=[0-9(+])/gi;
// A capitalised, all-caps or long word glued to the end of a number ("…7935Mon", "…1212FAX",
// "…2267directions"); short lower-case tails ("…7777def") stay glued, as Google's matcher wants.
const WORD_AFTER = /(?<=[0-9])(?:[A-Z](?=[a-z]{2}|[A-Z]{2})|[a-z](?=[a-z]{3}))/g;
// …except an extension marker, which libphonenumber must still see ("…1212Ext. 4", "…1212EXT4").
const EXT_WORD = /^(?:ext|extn|extension|x)(?![a-z])/i;

export function separateGluedWords(text: string): string {
  let out = text;
  LABEL_BEFORE.lastIndex = 0;
  if (LABEL_BEFORE.test(text)) {
    out = out.replace(LABEL_BEFORE, (label) => `${label.slice(0, -1)} `);
  }
  WORD_AFTER.lastIndex = 0;
  if (WORD_AFTER.test(out)) {
    out = out.replace(WORD_AFTER, (letter, offset: number) =>
      EXT_WORD.test(out.slice(offset, offset + 10)) ? letter : ' ',
    );
  }
  return out;
}

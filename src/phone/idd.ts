// International prefixes other than the reading country's own: `011` (North America) and `00`
// (most of Europe) on a page read as another country. libphonenumber only knows the default
// country's prefix, so we rewrite the prefix to a `+` in a same-length copy of the text
// ("0044 20…" → " +44 20…", "011 44…" → "  + 44…") and match that copy as well.

// At the start of a number only: not after a letter, nor after a digit or plus even across a
// separator ("… 690 00 18 19" holds a group "00", not a prefix).
const IDD = /(?<![0-9+][\s.()/-]{0,2})(?<![A-Za-z])(?:00|011)(?=[\s.-]?[1-9])/g;

export interface IddRewrite {
  text: string;
  /** Index of the `+` written for each prefix → index where the prefix started. */
  plusAt: Map<number, number>;
}

export function rewriteIdd(text: string): IddRewrite | undefined {
  IDD.lastIndex = 0;
  if (!IDD.test(text)) return undefined;
  const plusAt = new Map<number, number>();
  const rewritten = text.replace(IDD, (prefix, offset: number) => {
    plusAt.set(offset + prefix.length - 1, offset);
    return `${' '.repeat(prefix.length - 1)}+`;
  });
  return { text: rewritten, plusAt };
}

// HTML → text blocks, the way the content script reads a page: text per block element with
// inline children joined; script, style, code and form controls skipped.
import { readFileSync } from 'node:fs';

const SKIP = new Set([
  'script',
  'style',
  'textarea',
  'select',
  'code',
  'pre',
  'template',
  'svg',
  'head',
  'iframe',
  'object',
]);
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'input',
  'button',
]);
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;
const ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
  copy: '©',
  reg: '®',
  trade: '™',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  times: '×',
  deg: '°',
  shy: '\u00ad',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  pound: '£',
  euro: '€',
  cent: '¢',
  yen: '¥',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const cp =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function htmlBlocks(html: string, readNoscript = false): string[] {
  const blocks: string[] = [];
  const lower = html.toLowerCase();
  let current = '';
  const flush = () => {
    if (/\S/.test(current)) blocks.push(current.replace(/ *\n */g, '\n').trim());
    current = '';
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m !== null; m = TOKEN.exec(html)) {
    const tag = m[2]?.toLowerCase();
    if (tag === undefined) {
      // Source whitespace renders as one space; only <br> makes a line break.
      if (m[0][0] !== '<' || m[0] === '<') current += decodeEntities(m[0]).replace(/\s+/g, ' ');
      continue;
    }
    const skip = SKIP.has(tag) || (tag === 'noscript' && !readNoscript);
    if (skip && m[1] !== '/' && !/\/\s*$/.test(m[3] ?? '')) {
      // Raw-text content (scripts may contain "<"): jump straight to the closing tag.
      // An unclosed one (saved pages are not always well-formed) is read as normal markup.
      const close = lower.indexOf(`</${tag}`, TOKEN.lastIndex);
      if (close >= 0) TOKEN.lastIndex = close;
      continue;
    }
    if (tag === 'br') current += '\n';
    else if (!INLINE.has(tag)) flush();
  }
  flush();
  return blocks;
}

export function readHtml(path: string): string {
  const bytes = readFileSync(path);
  const head = bytes.subarray(0, 4096).toString('latin1');
  const utf8 = /charset=["']?utf-?8/i.test(head) || !/charset=/i.test(head);
  return new TextDecoder(utf8 ? 'utf-8' : 'windows-1252').decode(bytes);
}

export function pageInfo(html: string): { hostname: string; lang: string } {
  const base = /<base\s[^>]*href=["']?([^"' >]+)/i.exec(html)?.[1] ?? '';
  let hostname = '';
  try {
    hostname = new URL(base).hostname;
  } catch {
    // no usable <base>: no hostname hint
  }
  const lang = /<html\b[^>]*\slang=["']?([\w-]+)/i.exec(html)?.[1] ?? '';
  return { hostname, lang };
}

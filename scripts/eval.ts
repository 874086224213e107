// `npm run eval`: detection and normalisation accuracy of the phone engine against public suites in
// ../shared/corpus (see its README), side by side with plain libphonenumber-js `findNumbers`
// (leniency 'valid', min metadata). The corpus is read in place, never copied into the repository.
// `--verbose` also lists every miss and false positive.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePhoneNumberFromString as parseWithMaxMetadata } from 'libphonenumber-js/max';
import {
  type CountryCode,
  parsePhoneNumberFromString,
  searchPhoneNumbersInText,
} from 'libphonenumber-js/min';
import { hasDigitRun, mayHoldNumber } from '../src/phone/gate';
import { countryHintForPage, findPhoneNumbers, toDialString } from '../src/phone/index';
import { pageRegions } from '../src/phone/page-region';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const VERBOSE = process.argv.includes('--verbose');

interface Span {
  start: number;
  end: number;
  e164: string;
}
type Finder = (text: string, country: CountryCode | undefined, hint?: CountryCode) => Span[];

const engine: Finder = (text, country, hint) =>
  findPhoneNumbers(text, { defaultCountry: country, pageCountry: hint });

// The baseline: the library on its own; a page hint simply replaces the default country.
const plain: Finder = (text, country, hint) => {
  const spans: Span[] = [];
  const defaultCountry = hint ?? country;
  for (const m of searchPhoneNumbersInText(text, defaultCountry ? { defaultCountry } : {})) {
    spans.push({ start: m.startsAt, end: m.endsAt, e164: m.number.number });
  }
  return spans;
};

const FINDERS: Array<[string, Finder]> = [
  ['engine', engine],
  ['findNumbers', plain],
];

// ---------------------------------------------------------------------------------------------
// Reporting

const rows: Array<[string, string, string]> = [];
const details: string[] = [];

function row(label: string, engineValue: string, plainValue: string): void {
  rows.push([label, engineValue, plainValue]);
}
function ratio(n: number, d: number): string {
  return d === 0 ? 'n/a' : (n / d).toFixed(3);
}
function note(line: string): void {
  if (VERBOSE) details.push(line);
}
function printTable(): void {
  const w0 = Math.max(...rows.map((r) => r[0].length), 6);
  const w1 = Math.max(...rows.map((r) => r[1].length), 6);
  const w2 = Math.max(...rows.map((r) => r[2].length), 11);
  const line = (a: string, b: string, c: string) =>
    `| ${a.padEnd(w0)} | ${b.padStart(w1)} | ${c.padStart(w2)} |`;
  console.log(line('measure', 'engine', 'findNumbers'));
  console.log(`|${'-'.repeat(w0 + 2)}|${'-'.repeat(w1 + 1)}:|${'-'.repeat(w2 + 1)}:|`);
  for (const [a, b, c] of rows) console.log(line(a, b, c));
}

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(join(CORPUS, relative), 'utf8')) as T;
}

// ---------------------------------------------------------------------------------------------
// HTML → text blocks, the way the content script reads a page: text per block element with
// inline children joined; script, style, code and form controls skipped.

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

function htmlBlocks(html: string, readNoscript = false): string[] {
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

function readHtml(path: string): string {
  const bytes = readFileSync(path);
  const head = bytes.subarray(0, 4096).toString('latin1');
  const utf8 = /charset=["']?utf-?8/i.test(head) || !/charset=/i.test(head);
  return new TextDecoder(utf8 ? 'utf-8' : 'windows-1252').decode(bytes);
}

function pageInfo(html: string): { hostname: string; lang: string } {
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

// ---------------------------------------------------------------------------------------------
// webstruct: hand-labelled TEL/FAX mentions on real business pages

interface WebstructPage {
  file: string;
  set: string;
  gold: Array<{ type: string; text: string; digits: string }>;
}

// A labelled number counts as US/Canada when it is a valid NANP number under full metadata.
const isNanpDigits = (d: string) =>
  /^1?[2-9]\d{2}[2-9]\d{6}$/.test(d) &&
  parseWithMaxMetadata(`+1${d.slice(-10)}`)?.isValid() === true;
// A found number matches a label when the label's digits are that number written some way:
// national (with or without a trunk prefix), with the country code, or behind an IDD prefix. A
// North American label only matches a +1 number, so a wrong-country reading is not credited.
function matchesLabel(foundDigits: string, goldDigits: string, nanpLabel: boolean): boolean {
  const phone = parsePhoneNumberFromString(`+${foundDigits}`);
  if (!phone) return false;
  const cc = phone.countryCallingCode;
  const nsn = phone.nationalNumber;
  if (nanpLabel) return cc === '1' && goldDigits.slice(-10) === nsn;
  // Vanity labels carry both spellings: "1-888-LUTRON1 (588-7661)" → 1888588766 15887661.
  if (cc === '1' && goldDigits.length > 11)
    return goldDigits.startsWith(`1${nsn}`) || goldDigits.startsWith(nsn);
  const at = goldDigits.indexOf(nsn);
  if (at < 0) {
    // A label of a local number without its area code.
    return goldDigits.length >= 7 && nsn.endsWith(goldDigits);
  }
  const prefix = goldDigits.slice(0, at);
  return ['', '0', '8', '06', cc, `${cc}0`, `00${cc}`, `011${cc}`, `00${cc}0`].includes(prefix);
}

function evalWebstruct(): void {
  const { pages } = readJson<{ pages: WebstructPage[] }>('vectors/webstruct-tel-gold.json');
  type Tally = { tp: number; found: number; goldHit: number; gold: number };
  const tallies = new Map<string, Tally>();
  const tally = (key: string) => {
    let t = tallies.get(key);
    if (!t) {
      t = { tp: 0, found: 0, goldHit: 0, gold: 0 };
      tallies.set(key, t);
    }
    return t;
  };
  let missing = 0;
  for (const page of pages) {
    const path = join(CORPUS, page.file);
    if (!existsSync(path)) {
      missing++;
      continue;
    }
    const html = readHtml(path);
    // Several saved pages wrap their whole body in <noscript>, and the labels count it: read it.
    const blocks = htmlBlocks(html, true);
    const hint = countryHintForPage(pageInfo(html));
    // One entry per distinct number; a label written "+65 …" or "(65) …" (a calling code, never a
    // North American area code) is not North American whatever its digits.
    const nanpGold = new Set(
      page.gold
        .filter(
          (g) => isNanpDigits(g.digits) && !/^\(?\+\s*[02-9]|^\(\s*[2-9]\d?\s*\)/.test(g.text),
        )
        .map((g) => g.digits),
    );
    const gold = [...new Set(page.gold.map((g) => g.digits))];
    const sameNumber = (f: string, g: string) => matchesLabel(f, g, nanpGold.has(g));
    for (const [name, finder] of FINDERS) {
      for (const hinted of [false, true]) {
        const found = new Set<string>();
        for (const block of blocks) {
          for (const s of finder(block, 'US', hinted ? hint : undefined)) {
            found.add(s.e164.slice(1));
            if (VERBOSE && name === 'engine' && hinted)
              note(`  webstruct found ${page.file}: ${block.slice(s.start, s.end)} → ${s.e164}`);
          }
        }
        for (const scope of ['us', 'all']) {
          const t = tally(`${name}:${hinted}:${scope}`);
          for (const f of found) {
            if (scope === 'us' && !f.startsWith('1')) continue;
            t.found++;
            if (gold.some((g) => sameNumber(f, g))) t.tp++;
            else if (name === 'engine' && hinted)
              note(`webstruct FP ${page.file} [hint ${hint ?? '-'}]: +${f}`);
          }
          for (const g of gold) {
            if (scope === 'us' && !nanpGold.has(g)) continue;
            t.gold++;
            if ([...found].some((f) => sameNumber(f, g))) t.goldHit++;
            else if (name === 'engine' && hinted)
              note(
                `webstruct miss ${page.file} [hint ${hint ?? '-'}] (${scope}): ${page.gold.find((x) => x.digits === g)?.text}`,
              );
          }
        }
      }
    }
  }
  const value = (name: string, hinted: boolean, scope: string, kind: 'p' | 'r') => {
    const t = tally(`${name}:${hinted}:${scope}`);
    return kind === 'p' ? ratio(t.tp, t.found) : ratio(t.goldHit, t.gold);
  };
  const usGold = tally('engine:false:us').gold;
  const allGold = tally('engine:false:all').gold;
  for (const [scope, label] of [
    ['us', `US/CA (${usGold} gold)`],
    ['all', `all (${allGold} gold)`],
  ] as const) {
    for (const hinted of [false, true]) {
      const suffix = hinted ? ', page hints' : ', US default';
      row(
        `webstruct ${label}${suffix}: precision`,
        value('engine', hinted, scope, 'p'),
        value('findNumbers', hinted, scope, 'p'),
      );
      row(
        `webstruct ${label}${suffix}: recall`,
        value('engine', hinted, scope, 'r'),
        value('findNumbers', hinted, scope, 'r'),
      );
    }
  }
  if (missing > 0) row('webstruct pages listed but absent', String(missing), String(missing));
}

// ---------------------------------------------------------------------------------------------
// Google's PhoneNumberMatcherTest cases, scored at leniency VALID

interface GoogleCase {
  id: string;
  text: string;
  region: string | null;
  expect: { VALID?: Array<{ raw: string; start: number; end: number }> };
}

function regionOf(region: string | null): CountryCode | undefined {
  return region && region !== 'ZZ' ? (region as CountryCode) : undefined;
}

// Google's expectations were written against its test metadata. A case belongs to the
// real-metadata subset when every expected number is valid under real (max) metadata and, for a
// case expecting nothing, the whole text is not itself a valid number under real metadata.
function agreesWithRealMetadata(c: GoogleCase): boolean {
  const region = regionOf(c.region);
  const valid = (s: string, extract: boolean) =>
    parseWithMaxMetadata(s, { defaultCountry: region, extract })?.isValid() === true;
  const expected = c.expect.VALID ?? [];
  if (expected.length === 0) return !valid(c.text, false);
  return expected.every((e) => valid(e.raw, false));
}

function evalGoogle(): void {
  const { vectors } = readJson<{ vectors: GoogleCase[] }>('vectors/google-matcher-find.json');
  const cases = vectors.filter((v) => v.expect.VALID !== undefined);
  const subsets = [
    ['real-metadata subset', cases.filter(agreesWithRealMetadata)],
    ['test-metadata-only rest', cases.filter((c) => !agreesWithRealMetadata(c))],
  ] as const;
  for (const [label, subset] of subsets) {
    const scores = FINDERS.map(([name, finder]) => {
      let tp = 0;
      let found = 0;
      let expected = 0;
      for (const c of subset) {
        const spans = finder(c.text, regionOf(c.region));
        const want = c.expect.VALID ?? [];
        found += spans.length;
        expected += want.length;
        const hits = spans.filter((s) =>
          want.some((w) => w.start === s.start && w.end === s.end),
        ).length;
        tp += hits;
        if (
          name === 'engine' &&
          label.startsWith('real') &&
          (hits !== spans.length || hits !== want.length)
        ) {
          note(
            `google ${c.id} ${c.region}: ${JSON.stringify(c.text)} want ${JSON.stringify(want.map((w) => w.raw))} got ${JSON.stringify(spans.map((s) => c.text.slice(s.start, s.end)))}`,
          );
        }
      }
      return { p: ratio(tp, found), r: ratio(tp, expected) };
    });
    const [e, p] = scores as [{ p: string; r: string }, { p: string; r: string }];
    row(`Google matcher, ${label} (${subset.length} cases): precision`, e.p, p.p);
    row(`Google matcher, ${label} (${subset.length} cases): recall`, e.r, p.r);
  }
}

// ---------------------------------------------------------------------------------------------
// Microsoft Recognizers phone spans: recall on English US-style spans, false positives on negatives

interface MsCase {
  id: string;
  lang: string;
  text: string;
  expected_spans: Array<{ raw: string; start: number; end: number }>;
}

// "US-style": ten digits (after an optional 1) shaped like a North American number. Many of
// Microsoft's examples are made up (555 exchanges, unassigned area codes) and can never be
// dialed, so recall is also reported on the spans that are valid numbers.
const isUsStyle = (digits: string) => /^1?[2-9]\d{2}\d{7}$/.test(digits);

function evalMicrosoft(): void {
  const { vectors } = readJson<{ vectors: MsCase[] }>('vectors/ms-recognizers-phone-spans.json');
  const spans = vectors
    .filter((v) => v.lang === 'English')
    .flatMap((v) =>
      v.expected_spans.map((want) => ({ v, want, digits: want.raw.replace(/\D/g, '') })),
    )
    .filter((x) => isUsStyle(x.digits));
  const negatives = vectors.filter((v) => v.expected_spans.length === 0);
  const results = FINDERS.map(([name, finder]) => {
    let hitAll = 0;
    let hitValid = 0;
    let valid = 0;
    for (const { v, want, digits } of spans) {
      const isValid = isNanpDigits(digits);
      if (isValid) valid++;
      const ok = finder(v.text, 'US').some(
        (s) => s.start < want.end && want.start < s.end && digits.endsWith(s.e164.slice(2)),
      );
      if (ok) {
        hitAll++;
        if (isValid) hitValid++;
      } else if (name === 'engine' && isValid) {
        note(`ms miss ${v.id}: ${JSON.stringify(v.text)} want ${want.raw}`);
      }
    }
    let fp = 0;
    for (const v of negatives) {
      const found = finder(v.text, 'US');
      fp += found.length;
      if (name === 'engine')
        for (const s of found)
          note(`ms FP ${v.id}: ${JSON.stringify(v.text)} → ${v.text.slice(s.start, s.end)}`);
    }
    return {
      all: ratio(hitAll, spans.length),
      valid: ratio(hitValid, valid),
      validCount: valid,
      fp: String(fp),
    };
  });
  const [e, p] = results as [(typeof results)[0], (typeof results)[0]];
  row(`MS Recognizers, English US-style spans (${spans.length}): recall`, e.all, p.all);
  row(`MS Recognizers, … of them valid numbers (${e.validCount}): recall`, e.valid, p.valid);
  row(`MS Recognizers, negatives (${negatives.length} texts): false positives`, e.fp, p.fp);
}

// ---------------------------------------------------------------------------------------------
// Normalisation vectors: dial string from the US

interface FormatCase {
  id: string;
  input: string;
  region_of_input: string | null;
  expected_dial_from_US: string | null;
}

function plainDial(input: string, region: CountryCode): string | null {
  const phone = parsePhoneNumberFromString(input, region);
  if (!phone?.isValid()) return null;
  const digits = phone.number.slice(1);
  return phone.countryCallingCode === '1' ? digits : `011${digits}`;
}

function evalNormalisation(): void {
  const { vectors } = readJson<{ vectors: FormatCase[] }>('vectors/format-dial-from-us.json');
  const score = (dial: (input: string, region: CountryCode) => string | null, name: string) => {
    let exact = 0;
    let wrong = 0;
    let missed = 0;
    for (const v of vectors) {
      const got = dial(v.input, (regionOf(v.region_of_input) ?? 'US') as CountryCode);
      if (got === v.expected_dial_from_US) exact++;
      else if (got === null) {
        missed++;
        if (name === 'engine')
          note(
            `dial none ${v.id}: ${JSON.stringify(v.input)} ${v.region_of_input} want ${v.expected_dial_from_US}`,
          );
      } else {
        wrong++;
        if (name === 'engine')
          note(
            `dial WRONG ${v.id}: ${JSON.stringify(v.input)} ${v.region_of_input} want ${v.expected_dial_from_US} got ${got}`,
          );
      }
    }
    return { exact: `${ratio(exact, vectors.length)} (${exact}/${vectors.length})`, wrong, missed };
  };
  const e = score(toDialString, 'engine');
  const p = score(plainDial, 'plain');
  row('normalisation: exact dial string', e.exact, p.exact);
  row('normalisation: wrong dial strings', String(e.wrong), String(p.wrong));
  row('normalisation: no dial string (number not valid)', String(e.missed), String(p.missed));
}

// ---------------------------------------------------------------------------------------------
// Readability pages: news and blogs with (almost) no phone numbers; every find is listed

function evalReadability(): Map<string, string[]> {
  const dir = join(CORPUS, 'pages/readability');
  const listings = new Map<string, string[]>(FINDERS.map(([name]) => [name, []]));
  if (!existsSync(dir)) return listings;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const ms = new Map<string, number>();
  for (const file of files) {
    const html = readHtml(join(dir, file));
    const blocks = htmlBlocks(html);
    const hint = countryHintForPage(pageInfo(html));
    for (const [name, finder] of FINDERS) {
      const listing = listings.get(name) ?? [];
      const t0 = performance.now();
      for (const block of blocks) {
        for (const s of finder(block, 'US', hint)) {
          listing.push(`  ${file}: ${JSON.stringify(block.slice(s.start, s.end))} → ${s.e164}`);
        }
      }
      ms.set(name, (ms.get(name) ?? 0) + performance.now() - t0);
    }
  }
  const count = (name: string) => String(listings.get(name)?.length ?? 0);
  const time = (name: string) => (ms.get(name) ?? 0).toFixed(0);
  row(`readability (${files.length} pages): numbers found`, count('engine'), count('findNumbers'));
  row('readability: time for every text block (ms, Node)', time('engine'), time('findNumbers'));
  return listings;
}

// ---------------------------------------------------------------------------------------------
// The content script's gate for a US user (`mayHoldNumber`): how many blocks still load and run
// the parser, and whether it ever hides a number the engine would find there (must be 0)

function evalGate(): void {
  type Tally = { runs: number; passed: number; pages: number; parsedPages: number };
  let found = 0;
  let hidden = 0;
  const visit = (tally: Tally, file: string, readNoscript: boolean) => {
    if (!existsSync(file)) return;
    const html = readHtml(file);
    const info = pageInfo(html);
    const countries = [...pageRegions(info), 'US'];
    const hint = countryHintForPage(info);
    let parsed = false;
    tally.pages++;
    for (const block of htmlBlocks(html, readNoscript)) {
      if (!hasDigitRun(block)) continue;
      tally.runs++;
      const passes = mayHoldNumber(block, countries);
      if (passes) {
        tally.passed++;
        parsed = true;
      }
      const spans = engine(block, 'US', hint);
      found += spans.length;
      if (!passes && spans.length > 0) {
        hidden += spans.length;
        note(`gate HIDES ${file}: ${spans.map((f) => block.slice(f.start, f.end)).join(', ')}`);
      }
    }
    if (parsed) tally.parsedPages++;
  };
  const fresh = (): Tally => ({ runs: 0, passed: 0, pages: 0, parsedPages: 0 });
  const webstruct = fresh();
  const readability = fresh();
  const { pages } = readJson<{ pages: WebstructPage[] }>('vectors/webstruct-tel-gold.json');
  for (const page of pages) visit(webstruct, join(CORPUS, page.file), true);
  const dir = join(CORPUS, 'pages/readability');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.html'))) {
      visit(readability, join(dir, f), false);
    }
  }
  for (const [name, t] of [
    ['webstruct', webstruct],
    ['readability', readability],
  ] as const) {
    row(
      `content gate, US user, ${name}: blocks with a 6-digit run → parsed; pages parsed`,
      `${t.runs} → ${t.passed}; ${t.parsedPages}/${t.pages}`,
      '–',
    );
  }
  row(`content gate: numbers hidden, of ${found} the engine finds there`, String(hidden), '–');
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const blocksOf = process.argv.indexOf('--blocks');
  if (blocksOf > 0) {
    // Debugging aid: the text blocks of one corpus page, as the engine sees them.
    const path = join(CORPUS, process.argv[blocksOf + 1] ?? '');
    for (const block of htmlBlocks(readHtml(path))) console.log(JSON.stringify(block));
    return;
  }
  if (!existsSync(join(CORPUS, 'vectors'))) {
    console.log(`Evaluation corpus not found at ${CORPUS}; nothing to evaluate (skipped).`);
    return;
  }
  evalWebstruct();
  evalGoogle();
  evalMicrosoft();
  evalNormalisation();
  const listings = evalReadability();
  evalGate();
  printTable();
  for (const [name, listing] of listings) {
    console.log(`\nReadability pages, every number ${name} found (${listing.length}):`);
    for (const line of listing) console.log(line);
  }
  if (VERBOSE) for (const line of details) console.log(line);
}

main();

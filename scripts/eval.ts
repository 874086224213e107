// `npm run eval`: detection and normalisation accuracy of the phone engine against public suites in
// ../shared/corpus (see its README), side by side with plain libphonenumber-js `findNumbers`
// (leniency 'valid', min metadata). The corpus is read in place, never copied into the repository.
// Saved pages are read the way the extension reads them (scripts/eval/page.ts), and a second table
// gives the figures per country (scripts/eval/per-country.ts). `--verbose` also lists every miss
// and false positive.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { hasDigitRun, mayHoldNumber } from '../src/phone/gate';
import { countryHintForPage, toDialString } from '../src/phone/index';
import { pageRegions } from '../src/phone/page-region';
import {
  CORPUS,
  details,
  engine,
  FINDERS,
  note,
  printTable,
  ratio,
  readJson,
  row,
  VERBOSE,
} from './eval/common';
import { agreesWithRealMetadata, type GoogleCase, regionOf } from './eval/google';
import { htmlBlocks, pageInfo, readHtml } from './eval/html';
import { isNanpDigits, matchesLabel, nanpLabelsOf, type WebstructPage } from './eval/labels';
import { findOnPage, readPage } from './eval/page';
import { printPerCountry } from './eval/per-country';

// ---------------------------------------------------------------------------------------------
// webstruct: hand-labelled TEL/FAX mentions on real business pages

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
    // Several saved pages wrap their whole body in <noscript>, and the labels count it: read it.
    const text = readPage(path, true);
    const hint = text.hint;
    const nanpGold = nanpLabelsOf(page);
    const gold = [...new Set(page.gold.map((g) => g.digits))];
    const sameNumber = (f: string, g: string) => matchesLabel(f, g, nanpGold.has(g));
    for (const [name, finder] of FINDERS) {
      for (const hinted of [false, true]) {
        const found = new Set<string>();
        for (const { block, span: s } of findOnPage(name, finder, text, 'US', hinted)) {
          found.add(s.e164.slice(1));
          if (VERBOSE && name === 'engine' && hinted)
            note(`  webstruct found ${page.file}: ${block.slice(s.start, s.end)} → ${s.e164}`);
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
    const page = readPage(join(dir, file), false);
    for (const [name, finder] of FINDERS) {
      // Timed: the finder on every block, with the page's hint (the engine's own cost).
      const t0 = performance.now();
      for (const block of page.blocks) finder(block, 'US', page.hint);
      ms.set(name, (ms.get(name) ?? 0) + performance.now() - t0);
      // Listed: what the extension would mark (the engine behind the gate, with text countries).
      const listing = listings.get(name) ?? [];
      for (const { block, span: s } of findOnPage(name, finder, page, 'US', true)) {
        listing.push(`  ${file}: ${JSON.stringify(block.slice(s.start, s.end))} → ${s.e164}`);
      }
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
  printPerCountry();
  for (const [name, listing] of listings) {
    console.log(`\nReadability pages, every number ${name} found (${listing.length}):`);
    for (const line of listing) console.log(line);
  }
  if (VERBOSE) for (const line of details) console.log(line);
}

main();

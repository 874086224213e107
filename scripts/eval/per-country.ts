// The per-country table of `npm run eval`: for each country of the non-US webstruct pages (the
// page's hint, as the extension computes it) and each region of Google's matcher cases, how many
// labelled numbers each finder found, missed or dialed wrong, and what it found that is no number.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { CORPUS, FINDERS, type Finder, note, readJson } from './common';
import { agreesWithRealMetadata, type GoogleCase, regionOf } from './google';
import { matchesLabel, nanpLabelsOf, type WebstructPage } from './labels';
import { findOnPage, readPage } from './page';

interface Counts {
  labels: number;
  found: number;
  missed: number;
  /** A number read from a labelled one's digits, but dialed differently (country, trunk). */
  wrong: number;
  falsePositives: number;
}

const zero = (): Counts => ({ labels: 0, found: 0, missed: 0, wrong: 0, falsePositives: 0 });

/** Rows keyed "source country", one Counts per finder (same order as FINDERS). */
const table = new Map<string, Counts[]>();

function countsFor(key: string, finder: number): Counts {
  let row = table.get(key);
  if (!row) {
    row = FINDERS.map(zero);
    table.set(key, row);
  }
  return row[finder] as Counts;
}

// The same digits as a label, but not the number it labels: the last seven digits agree.
function resembles(foundDigits: string, labelDigits: string): boolean {
  const tail = (d: string) => d.slice(-7);
  return labelDigits.length >= 7 && tail(foundDigits) === tail(labelDigits);
}

function tallyWebstruct(): void {
  const { pages } = readJson<{ pages: WebstructPage[] }>('vectors/webstruct-tel-gold.json');
  for (const page of pages) {
    const path = join(CORPUS, page.file);
    if (!existsSync(path)) continue;
    const text = readPage(path, true);
    const hint = text.hint;
    const nanp = nanpLabelsOf(page);
    const labels = [...new Set(page.gold.map((g) => g.digits))];
    // US pages are the US/CA rows of the main table; a page without a hint is "non-US" when
    // one of its labels is not North American.
    if (hint === 'US' || (hint === undefined && labels.every((l) => nanp.has(l)))) continue;
    const key = `webstruct ${hint ?? 'no hint'}`;
    FINDERS.forEach(([name, finder], i) => {
      const counts = countsFor(key, i);
      const found = new Set<string>();
      for (const { span } of findOnPage(name, finder, text, 'US', true)) {
        found.add(span.e164.slice(1));
      }
      const same = (f: string, l: string) => matchesLabel(f, l, nanp.has(l));
      counts.labels += labels.length;
      for (const l of labels) {
        if ([...found].some((f) => same(f, l))) counts.found++;
        else counts.missed++;
      }
      for (const f of found) {
        if (labels.some((l) => same(f, l))) continue;
        if (labels.some((l) => resembles(f, l))) {
          counts.wrong++;
          if (name === 'engine') note(`per-country WRONG ${page.file} [${hint ?? '-'}]: +${f}`);
        } else counts.falsePositives++;
      }
    });
  }
}

function tallyGoogle(): void {
  const { vectors } = readJson<{ vectors: GoogleCase[] }>('vectors/google-matcher-find.json');
  const cases = vectors.filter((v) => v.expect.VALID !== undefined && agreesWithRealMetadata(v));
  for (const c of cases) {
    const region = regionOf(c.region);
    const key = `Google ${region ?? 'no region'}`;
    const want = (c.expect.VALID ?? []).map((w) => ({
      ...w,
      e164: parsePhoneNumberFromString(w.raw, { defaultCountry: region })?.number,
    }));
    FINDERS.forEach(([, finder]: [string, Finder], i) => {
      const counts = countsFor(key, i);
      const spans = finder(c.text, region);
      counts.labels += want.length;
      for (const w of want) {
        const hit = spans.some((s) => s.start === w.start && s.end === w.end && s.e164 === w.e164);
        if (hit) counts.found++;
        else counts.missed++;
      }
      for (const s of spans) {
        const overlapping = want.filter((w) => s.start < w.end && w.start < s.end);
        if (overlapping.length === 0) counts.falsePositives++;
        else if (!overlapping.some((w) => w.e164 === s.e164)) counts.wrong++;
      }
    });
  }
}

/** Prints the per-country table (webstruct rows by page hint, then Google rows by region). */
export function printPerCountry(): void {
  tallyWebstruct();
  tallyGoogle();
  const names = FINDERS.map(([name]) => name);
  const cell = (c: Counts) => `${c.found} / ${c.missed} / ${c.wrong} / ${c.falsePositives}`;
  const keys = [...table.keys()].sort((a, b) => {
    const source = (k: string) => (k.startsWith('webstruct') ? 0 : 1);
    return source(a) - source(b) || a.localeCompare(b);
  });
  const lines = keys.map((key) => {
    const row = table.get(key) as Counts[];
    return [key, String(row[0]?.labels ?? 0), ...row.map(cell)];
  });
  const header = ['country', 'labels', ...names.map((n) => `${n}: found / missed / wrong / FP`)];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(
    '\nPer country (webstruct: non-US pages by page hint, US default; Google: real-metadata',
  );
  console.log(
    'subset by region). wrong = a labelled number dialed differently; FP = not a labelled number.',
  );
  console.log(format(header));
  console.log(`|${widths.map((w, i) => `${'-'.repeat(w + 1)}${i === 0 ? '-' : ':'}`).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

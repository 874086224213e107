// What every part of `npm run eval` shares: where the corpus is, the two finders compared, and
// the report's rows.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CountryCode, searchPhoneNumbersInText } from 'libphonenumber-js/min';
import { findPhoneNumbers } from '../../src/phone/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = resolve(ROOT, '../shared/corpus');
export const VERBOSE = process.argv.includes('--verbose');

export interface Span {
  start: number;
  end: number;
  e164: string;
}
export type Finder = (
  text: string,
  country: CountryCode | undefined,
  hint?: CountryCode,
  textCountries?: readonly CountryCode[],
) => Span[];

export const engine: Finder = (text, country, hint, textCountries) =>
  findPhoneNumbers(text, { defaultCountry: country, pageCountry: hint, textCountries });

// The baseline: the library on its own; a page hint simply replaces the default country.
export const plain: Finder = (text, country, hint) => {
  const spans: Span[] = [];
  const defaultCountry = hint ?? country;
  for (const m of searchPhoneNumbersInText(text, defaultCountry ? { defaultCountry } : {})) {
    spans.push({ start: m.startsAt, end: m.endsAt, e164: m.number.number });
  }
  return spans;
};

export const FINDERS: Array<[string, Finder]> = [
  ['engine', engine],
  ['findNumbers', plain],
];

// ---------------------------------------------------------------------------------------------
// Reporting

export const rows: Array<[string, string, string]> = [];
export const details: string[] = [];

export function row(label: string, engineValue: string, plainValue: string): void {
  rows.push([label, engineValue, plainValue]);
}
export function ratio(n: number, d: number): string {
  return d === 0 ? 'n/a' : (n / d).toFixed(3);
}
export function note(line: string): void {
  if (VERBOSE) details.push(line);
}
export function printTable(): void {
  const w0 = Math.max(...rows.map((r) => r[0].length), 6);
  const w1 = Math.max(...rows.map((r) => r[1].length), 6);
  const w2 = Math.max(...rows.map((r) => r[2].length), 11);
  const line = (a: string, b: string, c: string) =>
    `| ${a.padEnd(w0)} | ${b.padStart(w1)} | ${c.padStart(w2)} |`;
  console.log(line('measure', 'engine', 'findNumbers'));
  console.log(`|${'-'.repeat(w0 + 2)}|${'-'.repeat(w1 + 1)}:|${'-'.repeat(w2 + 1)}:|`);
  for (const [a, b, c] of rows) console.log(line(a, b, c));
}

export function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(join(CORPUS, relative), 'utf8')) as T;
}

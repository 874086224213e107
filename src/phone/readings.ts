import type { CountryCode } from 'libphonenumber-js/min';
import { type Match, matchNumbers } from './matches';
import { omitsRequiredTrunkPrefix } from './national-prefix';
import { isLabelled } from './traps';

/**
 * libphonenumber's readings for `country`, less the national ones that leave out the trunk prefix
 * the country always writes ("100-0005" on a German page).
 */
export function nationalReadings(text: string, country: CountryCode | undefined): Match[] {
  return matchNumbers(text, country).filter(
    (m) => m.idd || !omitsRequiredTrunkPrefix(text.slice(m.start, m.end), m.phone),
  );
}

/**
 * National readings of `text` as one of `countries` (a page's text countries). These are guesses,
 * so a reading must look like that country's own writing: its trunk prefix written or a phone
 * label before it, and its first group of digits the one the country's national format starts with
 * ("01625 856 500", "0844 815 5711"; not "(02) 806-6782" as Chinese, whose format is "028 …"), or
 * one unbroken run ("Tel: 983548220"). Digits that several countries read so are left alone, as
 * are those none does.
 */
export function readAsOneOf(text: string, countries: readonly CountryCode[]): Match[] {
  const readings = countries
    .flatMap((country) => nationalReadings(text, country))
    .filter((m) => !m.idd && looksNational(text, m));
  const out: Match[] = [];
  for (const m of readings) {
    const rivals = readings.filter(
      (o) => o.start < m.end && m.start < o.end && o.phone.number !== m.phone.number,
    );
    if (rivals.length === 0 && !out.some((o) => o.start < m.end && m.start < o.end)) out.push(m);
  }
  return out.sort((a, b) => a.start - b.start);
}

const CONTEXT = 32;

function looksNational(text: string, m: Match): boolean {
  const raw = text.slice(m.start, m.end);
  const ext = m.phone.ext;
  const main = ext ? raw.slice(0, raw.lastIndexOf(ext)).replace(/\D+$/, '') : raw;
  const groups = main.match(/\d+/g) ?? [];
  const written = groups.join('');
  const prefixed = written.length > m.phone.nationalNumber.length;
  if (!prefixed && !isLabelled(text.slice(Math.max(0, m.start - CONTEXT), m.start))) return false;
  if (groups.length === 1) return true;
  const national = m.phone.formatNational({ formatExtension: () => '' }).match(/\d+/g) ?? [];
  return groups[0] === national[0];
}

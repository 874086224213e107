import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import type { CallRecord, CallSource } from '../shared/messages';

/** How a call was started, and the same on a page ("Selected text on $PAGE$"). */
const sources: Record<CallSource, { alone: string; onPage?: string }> = {
  'dial-box': { alone: 'popupSourceDialBox' },
  selection: { alone: 'popupSourceSelection', onPage: 'popupSourceSelectionOn' },
  link: { alone: 'popupSourceLink', onPage: 'popupSourceLinkOn' },
  page: { alone: 'popupSourcePage', onPage: 'popupSourcePageOn' },
  command: { alone: 'popupSourceCommand', onPage: 'popupSourceCommandOn' },
  omnibox: { alone: 'popupSourceOmnibox' },
  history: { alone: 'popupSourceHistory' },
};

/** Where a call came from: "Selected text on Acme CRM (crm.example.com)", "Address bar". */
export function whereFrom({ source, page }: Pick<CallRecord, 'source' | 'page'>): string {
  const keys = sources[source] ?? sources['dial-box'];
  if (!page || !keys.onPage) return t(keys.alone);
  const where = page.title.trim()
    ? t('popupPageWithHost', [page.title.trim(), page.host])
    : page.host;
  return t(keys.onPage, where);
}

/** What to send to call a recent number again: its display form, with the extension. */
export function redialNumber({ display, ext }: Pick<CallRecord, 'display' | 'ext'>): string {
  return ext ? `${display} x${ext}` : display;
}

/** The UI language, for dates; a tag the Intl APIs refuse falls back to their default. */
function locales(): string[] {
  const language = browser.i18n.getUILanguage();
  try {
    return Intl.getCanonicalLocales(language);
  } catch {
    return [];
  }
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "now", "5 minutes ago", "yesterday"; a date beyond a week. */
export function whenText(at: number, now: number): string {
  const seconds = Math.round((at - now) / 1000);
  const age = Math.abs(seconds);
  const relative = new Intl.RelativeTimeFormat(locales(), { numeric: 'auto' });
  if (age < MINUTE) return relative.format(0, 'second');
  if (age < HOUR) return relative.format(Math.round(seconds / MINUTE), 'minute');
  if (age < DAY) return relative.format(Math.round(seconds / HOUR), 'hour');
  if (age < 7 * DAY) return relative.format(Math.round(seconds / DAY), 'day');
  return new Intl.DateTimeFormat(locales(), { dateStyle: 'medium' }).format(at);
}

/** The full date and time, for the tooltip. */
export function fullTime(at: number): string {
  return new Intl.DateTimeFormat(locales(), { dateStyle: 'full', timeStyle: 'short' }).format(at);
}

import { t, uiLanguage } from '../shared/i18n';
import type { CallRecord, CallSource } from '../shared/messages';

/** How a call was started, as users say it: "typed", "from a link", and on a page its host. */
const sources: Record<CallSource, { alone: string; onPage?: string }> = {
  'dial-box': { alone: 'popupSourceTyped' },
  selection: { alone: 'popupFromSelection', onPage: 'popupFromSelectionOn' },
  link: { alone: 'popupFromLink', onPage: 'popupFromLinkOn' },
  page: { alone: 'popupFromPage', onPage: 'popupFromHost' },
  command: { alone: 'popupFromShortcut', onPage: 'popupFromShortcutOn' },
  omnibox: { alone: 'popupFromAddressBar' },
  history: { alone: 'popupSourceRedial' },
};

/** Where a call came from: "typed", "from crm.example.com", "from a link on crm.example.com". */
export function whereFrom({ source, page }: Pick<CallRecord, 'source' | 'page'>): string {
  const keys = sources[source] ?? sources['dial-box'];
  if (!page?.host || !keys.onPage) return t(keys.alone);
  return t(keys.onPage, page.host);
}

/** The page's title and host, for the tooltip: "Acme CRM (crm.example.com)". */
export function pageText(page: CallRecord['page']): string | undefined {
  if (!page) return undefined;
  const title = page.title.trim();
  return title ? t('popupPageWithHost', [title, page.host]) : page.host;
}

/** What to send to call a recent number again: its display form, with the extension. */
export function redialNumber({ display, ext }: Pick<CallRecord, 'display' | 'ext'>): string {
  return ext ? `${display} x${ext}` : display;
}

/** The language the popup is shown in, for dates ("maintenant" in the French popup). */
function locales(): string[] {
  return [uiLanguage()];
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

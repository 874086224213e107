import { browser } from './browser';

/**
 * All user-facing text goes through here (`public/_locales/<lang>/messages.json`).
 * A missing key shows the key itself rather than an empty string, so a gap is visible.
 */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The language the extension's text is shown in, as a BCP 47 tag for `lang` and the Intl APIs.
 * That is the locale its messages came from, which is not always `getUILanguage()`: Chromium can
 * show the French messages while reporting "en-US". The browser's own tag is kept when it names
 * the same language ("en-GB" for the English messages), for its regional date formats.
 */
export function uiLanguage(): string {
  language ??= readUiLanguage();
  return language;
}

/** Read once per page: neither language changes while it is open. */
let language: string | undefined;

function readUiLanguage(): string {
  const shown = browser.i18n.getMessage('uiLanguage') || 'en';
  const browserTag = browser.i18n.getUILanguage().replace('_', '-');
  const same = browserTag.toLowerCase().split('-')[0] === shown.toLowerCase().split('-')[0];
  const tag = same && !shown.includes('-') ? browserTag : shown;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? shown;
  } catch {
    return shown;
  }
}

import { browser } from './browser';

/**
 * All user-facing text goes through here (`public/_locales/<lang>/messages.json`).
 * A missing key shows the key itself rather than an empty string, so a gap is visible.
 */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

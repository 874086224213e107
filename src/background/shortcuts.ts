import { type CountryCode, parseDialable } from '../phone';
import { browser, type Tabs } from '../shared/browser';
import { t } from '../shared/i18n';
import { fail } from '../shared/result';
import type { CallMeta } from './calls';
import { notifyCallResult } from './notify';

export const CALL_COMMAND = 'call-selection';

type Place = (number: string, meta: CallMeta) => Promise<void>;

/**
 * Keyboard command: call the text selected in the active tab. The command's
 * invocation grants `activeTab`, which lets us read the selection in every frame.
 */
export async function onCommand(command: string, tab: Tabs.Tab | undefined, place: Place) {
  if (command !== CALL_COMMAND || tab?.id === undefined) return;
  let selected = { text: '', frameId: 0 };
  try {
    const results = await browser.scripting.executeScript({
      target: { tabId: tab.id, allFrames: true },
      func: () => globalThis.getSelection?.()?.toString() ?? '',
    });
    selected =
      results
        .map((r) => ({ text: String(r.result ?? '').trim(), frameId: r.frameId ?? 0 }))
        .find((s) => s.text !== '') ?? selected;
  } catch {
    // Pages the extension may not script (the browser's own pages): nothing to read.
  }
  if (selected.text === '') {
    await notifyCallResult(fail('invalid-number', t('errorNoSelection')));
    return;
  }
  const page = tab.url ? { title: tab.title ?? '', host: safeHost(tab.url) } : undefined;
  await place(selected.text, {
    source: 'command',
    ...(page ? { page } : {}),
    picked: { tabId: tab.id, frameId: selected.frameId, kind: 'selection' },
  });
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * How the browser reads an omnibox description: Chrome parses it as XML (a stray `<` or a
 * control character makes `setDefaultSuggestion` reject, "Invalid XML … PCDATA invalid Char
 * value 1"), Firefox shows it as plain text.
 */
export type OmniboxFormat = 'xml' | 'text';

/** Chrome has no `runtime.getBrowserInfo`; Firefox does. */
export const omniboxFormat = (): OmniboxFormat =>
  typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function'
    ? 'text'
    : 'xml';

/** Omnibox keyword `call`: show what would be dialed, or why it cannot be. */
export function suggestionFor(
  text: string,
  country: CountryCode,
  format: OmniboxFormat = 'xml',
): string {
  const typed = text.trim();
  if (typed === '') return omniboxText(t('omniboxHint'), format);
  const number = parseDialable(typed, country);
  const description = number
    ? t(
        'omniboxCall',
        number.ext ? t('popupNumberWithExt', [number.display, number.ext]) : number.display,
      )
    : t('omniboxInvalid', typed);
  return omniboxText(description, format);
}

// C0 and C1 controls and DEL, U+FFFE/U+FFFF, and UTF-16 surrogates without their pair: none
// is a character XML allows, and none shows as anything useful in Firefox either.
const UNSHOWABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to drop.
  /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const XML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** A description the browser accepts: unshowable characters dropped, escaped for Chrome's XML. */
export function omniboxText(text: string, format: OmniboxFormat): string {
  const clean = text.replace(UNSHOWABLE, '');
  return format === 'xml' ? clean.replace(/[&<>]/g, (c) => XML_ENTITY[c] ?? '') : clean;
}

/**
 * Omnibox input changed: set the default suggestion. A failure (a description the browser
 * refuses, settings that cannot be read) must not become an unhandled rejection in the
 * worker: the suggestion is only a hint, and Enter still goes through the call's own checks.
 */
export async function showSuggestion(
  text: string,
  country: () => Promise<CountryCode>,
  format: OmniboxFormat = omniboxFormat(),
): Promise<void> {
  try {
    const description = suggestionFor(text, await country(), format);
    await browser.omnibox.setDefaultSuggestion({ description });
  } catch (cause) {
    console.warn('net2phone: the address-bar suggestion failed', cause);
  }
}

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
  let selected = '';
  try {
    const results = await browser.scripting.executeScript({
      target: { tabId: tab.id, allFrames: true },
      func: () => globalThis.getSelection?.()?.toString() ?? '',
    });
    selected = results.map((r) => String(r.result ?? '').trim()).find((s) => s !== '') ?? '';
  } catch {
    // Pages the extension may not script (the browser's own pages): nothing to read.
  }
  if (selected === '') {
    await notifyCallResult(fail('invalid-number', t('errorNoSelection')));
    return;
  }
  const page = tab.url ? { title: tab.title ?? '', host: safeHost(tab.url) } : undefined;
  await place(selected, { source: 'command', ...(page ? { page } : {}) });
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** Omnibox keyword `call`: show what would be dialed, or why it cannot be. */
export function suggestionFor(text: string, country: CountryCode): string {
  const typed = text.trim();
  if (typed === '') return t('omniboxHint');
  const number = parseDialable(typed, country);
  if (!number) return t('omniboxInvalid', escapeXml(typed));
  return t(
    'omniboxCall',
    escapeXml(number.ext ? t('popupNumberWithExt', [number.display, number.ext]) : number.display),
  );
}

/** Chrome reads omnibox descriptions as XML and Firefox as text: drop what only XML minds. */
function escapeXml(text: string): string {
  return text.replace(/[<>&]/g, '');
}

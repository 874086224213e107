import parserFile from '../content/parser-entry.ts?script&iife';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import { fail, ok, type Result } from '../shared/result';
import type { SenderInfo } from '../shared/router';

/**
 * Inject the phone-number parser into the asking frame's content-script world.
 * Injected, not web-accessible: no page can fetch it or learn the extension is
 * installed from it (issue 4; DESIGN "Facts measured on this stack").
 */
export async function injectParser(sender: SenderInfo): Promise<Result<null>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return fail('bad-sender', t('errorUnexpected'));
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: [parserFile],
    });
    return ok(null);
  } catch (cause) {
    console.warn('net2phone: parser injection failed', cause);
    return fail('bad-response', t('errorUnexpected'));
  }
}

/** Show the sign-in form: the toolbar popup where the browser allows it, else a tab. */
export async function openSignIn(): Promise<Result<null>> {
  try {
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('src/popup/index.html') });
  }
  return ok(null);
}

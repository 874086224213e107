import { browser } from '../shared/browser';
import { ok, type Result } from '../shared/result';

/** Show the sign-in form: the toolbar popup where the browser allows it, else a tab. */
export async function openSignIn(): Promise<Result<null>> {
  try {
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('src/popup/index.html') });
  }
  return ok(null);
}

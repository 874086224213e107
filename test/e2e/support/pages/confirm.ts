import type { Driver } from '../driver';
import { ExtensionPage } from './extension-page';

export const CONFIRM_PAGE = 'src/confirm/index.html';

/**
 * The confirmation window (issue 10): an extension window the background opens before a call to a
 * high-cost or unseen number. It ignores Call and Cancel for 500 ms after it shows, as the card
 * does, so a person's click here waits that long, like a person reading it.
 */
export class ConfirmWindow extends ExtensionPage {
  /** The window, once it opened and shows its question; null if none opened. */
  static async opened(driver: Driver, timeoutMs = 5_000): Promise<ConfirmWindow | null> {
    const tab = await driver.openedPage(CONFIRM_PAGE, timeoutMs);
    if (!tab) return null;
    const window = new ConfirmWindow(tab);
    await window.waitFor({ role: 'heading', name: 'Confirm this call' });
    return window;
  }

  /** What it asks: the number, where it rings, and why (each reason). */
  read(): Promise<{ number: string; place: string; reasons: string[]; focused: string }> {
    return this.tab.world(
      () => ({
        number: document.querySelector('.confirm__number')?.textContent ?? '',
        place: document.querySelector('.confirm__place')?.textContent ?? '',
        reasons: [...document.querySelectorAll('li')].map((li) => li.textContent ?? ''),
        focused: document.activeElement?.textContent ?? '',
      }),
      null,
    );
  }

  /** A person's click on Call or Cancel, once they have read the window. */
  async answer(button: 'Call' | 'Cancel') {
    await new Promise((r) => setTimeout(r, 600));
    await this.click({ role: 'button', name: button });
  }
}

/** Resolves once no confirmation window is open (Cancel closes it). */
export async function noConfirmWindow(driver: Driver, timeoutMs = 5_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    if (!(await driver.openedPage(CONFIRM_PAGE, 0))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the confirmation window is still open');
}

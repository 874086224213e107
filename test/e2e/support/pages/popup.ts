import { demoUser, type FakeUser } from '../../../fake-api/server';
import type { Driver, Tab } from '../driver';
import { ExtensionPage } from './extension-page';

/** The toolbar popup, driven by its labels like a person would. */
export class Popup extends ExtensionPage {
  /** The popup as a page of its own (a tab); `beside` opens it for that page, see Driver. */
  static async open(driver: Driver, beside?: Tab): Promise<Popup> {
    const tab = beside
      ? await driver.openPopupFor(beside)
      : await driver.newTab(driver.extensionUrl('src/popup/index.html'));
    const popup = new Popup(tab);
    // Rendered: either the sign-in form or the signed-in view.
    for (let i = 0; i < 200; i++) {
      if (await popup.has({ role: 'button', name: 'Sign in' })) return popup;
      // Signed in: loaded once the account is (the view re-renders until then).
      if (await popup.has({ role: 'heading', name: 'Your numbers' })) return popup;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the popup showed neither Sign in nor Sign out');
  }

  /**
   * Fills the form and clicks Sign in. The Client ID is typed only where the form asks for it:
   * under "Advanced" (opened first when closed), and not at all when a policy or the build sets it.
   */
  async signIn(user: Pick<FakeUser, 'username' | 'password' | 'clientId'> = demoUser) {
    await this.fill({ label: 'Email' }, user.username);
    await this.fill({ label: 'Password' }, user.password);
    if (await this.asksForClientId()) {
      if (!(await this.has({ label: 'Client ID' }))) {
        await this.click({ role: 'button', name: 'Advanced' });
      }
      await this.fill({ label: 'Client ID' }, user.clientId);
    }
    await this.click({ role: 'button', name: 'Sign in' });
  }

  /** Whether the sign-in form has a Client ID field at all (shown, or under "Advanced"). */
  asksForClientId() {
    return this.tab.world(
      () => [...document.querySelectorAll('label')].some((l) => l.textContent === 'Client ID'),
      null,
    );
  }

  async signOut() {
    await this.click({ role: 'button', name: 'Sign out' });
    await this.waitFor({ role: 'button', name: 'Sign in' });
  }

  /** Types `number` into the dial box (formatted as typed) and clicks Call. */
  async call(number: string) {
    const shown = await this.fill({ label: 'Number to call' }, number);
    const digits = (text: string) => text.replace(/\D/g, '');
    if (digits(shown) !== digits(number)) {
      throw new Error(`typed ${number} into the dial box, which shows ${shown}`);
    }
    await this.click({ role: 'button', name: 'Call' });
  }

  /** The entries of "Recent calls" as shown (hidden reasons left out), newest first. */
  recentCalls(): Promise<string[]> {
    return this.tab.world(
      () =>
        [...document.querySelectorAll('section.recent li')].map((li) =>
          // biome-ignore lint/performance/useDomNodeTextContent: innerText leaves out what is hidden (the reasons behind each outcome), as a person sees the list.
          (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        ),
      null,
    );
  }

  /**
   * How tall the popup wants to be (CSS px): the height of its content, as the browser sizes a
   * toolbar popup to it (Chrome up to 600). `documentElement.scrollHeight` is that same figure
   * once the window is shorter than the content; in a taller test window it reads the window.
   */
  contentHeight(): Promise<number> {
    return this.tab.world(() => {
      const body = document.body;
      const margin = Number.parseFloat(getComputedStyle(body).marginBottom) || 0;
      const bottom = body.getBoundingClientRect().bottom + window.scrollY + margin;
      return Math.ceil(Math.min(bottom, document.documentElement.scrollHeight));
    }, null);
  }

  /** How wide the popup is (CSS px). */
  contentWidth(): Promise<number> {
    return this.tab.world(() => Math.ceil(document.body.getBoundingClientRect().width), null);
  }

  waitForYourNumbers() {
    return this.waitFor({ role: 'heading', name: 'Your numbers' });
  }

  signedIn() {
    return this.has({ role: 'button', name: 'Sign out' });
  }
}

/** Signs `user` in through the real popup (signing out whoever was first), and closes it. */
export async function signInThroughPopup(driver: Driver, user = demoUser): Promise<void> {
  const popup = await Popup.open(driver);
  if (await popup.signedIn()) await popup.signOut();
  await popup.signIn(user);
  await popup.waitForYourNumbers();
  await popup.close();
}

import { demoUser, type FakeUser } from '../../../fake-api/server';
import type { Driver } from '../driver';
import type { Query } from './controls';
import { ExtensionPage } from './extension-page';

export const OPTIONS_PAGE = 'src/options/index.html';
/** What the background opens after install (issue 11, item 7). */
export const WELCOME_PAGE = `${OPTIONS_PAGE}#welcome`;
const ACCOUNT: Query = { role: 'region', name: 'Account' };
const WEBHOOKS: Query = { role: 'region', name: 'Webhooks' };

/** What a narrow window does to the page (see `layoutAt`). */
export interface Layout {
  /** The page scrolls sideways by this much (0: it fits). */
  overflow: number;
  /** Text fields, selects and buttons whose content is cut off, by label. */
  clipped: string[];
  /** Width of the webhook Destination URL field, CSS px. */
  urlField: number;
  /** Width of the page's content box where that field sits (its section's inner width). */
  row: number;
}

/** The options page: Account, sites where detection is off, and Advanced's Webhooks. */
export class Options extends ExtensionPage {
  static async open(driver: Driver, file = OPTIONS_PAGE): Promise<Options> {
    const options = new Options(await driver.newTab(driver.extensionUrl(file)));
    await options.loaded();
    return options;
  }

  /** The welcome tab the extension opened itself after install; null if none did. */
  static async welcome(driver: Driver, timeoutMs = 5_000): Promise<Options | null> {
    const tab = await driver.openedPage(WELCOME_PAGE, timeoutMs);
    if (!tab) return null;
    const options = new Options(tab);
    await options.loaded();
    return options;
  }

  /** Loaded once the settings and the session are: the sections and Account's content appear. */
  async loaded() {
    // Sites is never hidden by a policy.
    await this.waitFor({ role: 'region', name: 'Sites' });
    for (let i = 0; i < 200; i++) {
      if (!(await this.text(ACCOUNT)).includes('Checking who is signed in')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the options page never said who is signed in');
  }

  accountText() {
    return this.text(ACCOUNT);
  }

  /** Signs in with the form in Account (the Client ID under "Advanced" when it asks for one). */
  async signIn(user: Pick<FakeUser, 'username' | 'password' | 'clientId'> = demoUser) {
    await this.fill({ label: 'Email', within: ACCOUNT }, user.username);
    await this.fill({ label: 'Password', within: ACCOUNT }, user.password);
    const asksForClientId = await this.tab.world(
      () => [...document.querySelectorAll('label')].some((l) => l.textContent === 'Client ID'),
      null,
    );
    if (asksForClientId) {
      if (!(await this.has({ label: 'Client ID', within: ACCOUNT }))) {
        await this.click({ role: 'button', name: 'Advanced', within: ACCOUNT });
      }
      await this.fill({ label: 'Client ID', within: ACCOUNT }, user.clientId);
    }
    await this.click({ role: 'button', name: 'Sign in', within: ACCOUNT });
    await this.waitFor({ role: 'button', name: 'Sign out', within: ACCOUNT });
  }

  async signOut() {
    await this.click({ role: 'button', name: 'Sign out', within: ACCOUNT });
    await this.waitFor({ role: 'button', name: 'Sign in', within: ACCOUNT });
  }

  /**
   * The page laid out `width` CSS px wide: shown in a frame of that width inside this tab (an
   * extension page may frame its own pages), measured there in both browsers alike.
   */
  async layoutAt(width: number): Promise<Layout> {
    const src = await this.tab.url();
    await this.tab.world(
      ({ src, width }: { src: string; width: number }) =>
        new Promise((resolve) => {
          const frame = document.createElement('iframe');
          frame.id = 'narrow';
          frame.style.cssText = `width:${width}px;height:900px;border:0;position:fixed;top:0;left:0;background:#fff;z-index:9`;
          frame.onload = () => resolve(null);
          frame.src = src.replace(/#.*$/, '');
          document.body.append(frame);
        }),
      { src, width },
    );
    for (let i = 0; i < 200; i++) {
      const layout = await this.tab.world(() => {
        const doc = (document.getElementById('narrow') as HTMLIFrameElement).contentDocument;
        const url = doc?.querySelector<HTMLInputElement>('input[type="url"]');
        if (!doc || !url) return null;
        const label = (el: Element) =>
          (el.id && doc.querySelector(`label[for="${el.id}"]`)?.textContent) ||
          el.getAttribute('aria-label') ||
          el.textContent ||
          el.tagName;
        const clipped = [
          ...doc.querySelectorAll('input:not([type=checkbox]):not([type=radio]), select, button'),
        ]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map(label);
        const row = url.closest('.part') as HTMLElement;
        const style = getComputedStyle(row);
        return {
          overflow: doc.documentElement.scrollWidth - doc.documentElement.clientWidth,
          clipped,
          urlField: url.getBoundingClientRect().width,
          row: row.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
        };
      }, null);
      if (layout) return layout;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the narrow page never showed the webhook form');
  }

  async turnOffSite(host: string) {
    await this.fill({ label: 'Site to add' }, host);
    await this.click({ role: 'button', name: 'Add site' });
    await this.waitFor({ role: 'button', name: `Remove ${host}` });
  }

  async turnOnSite(host: string) {
    await this.click({ role: 'button', name: `Remove ${host}` });
  }

  /**
   * A real click on the checkbox `query` unless it already is `checked`; resolves once the stored
   * settings say `stored(settings)`.
   */
  async setChecked(
    query: Query,
    checked: boolean,
    stored: (settings: Record<string, unknown>) => boolean,
  ) {
    if ((await this.checked(query)) !== checked) await this.click(query);
    for (let i = 0; i < 200; i++) {
      if (stored(await this.storedSettings())) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the setting of ${JSON.stringify(query)} was not saved`);
  }

  /** Resolves once the Webhooks section loaded its list (or says why it has none). */
  async webhooksLoaded() {
    for (let i = 0; i < 200; i++) {
      const text = await this.text(WEBHOOKS);
      if (!text.includes('Loading your subscriptions…')) return text;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the webhook subscriptions never loaded');
  }

  /** Fills the form, adds a secret path, subscribes; returns the URL with the secret. */
  async subscribe(name: string, url: string, scope: 'Only mine' | 'Everyone in my company') {
    await this.fill({ role: 'textbox', name: 'Name', within: WEBHOOKS }, name);
    const field: Query = { role: 'textbox', name: 'Destination URL', within: WEBHOOKS };
    await this.fill(field, url);
    await this.click({ role: 'button', name: 'Add a secret path', within: WEBHOOKS });
    await this.click({ role: 'radio', name: scope, within: WEBHOOKS });
    const withSecret = await this.value(field);
    await this.click({ role: 'button', name: 'Subscribe', within: WEBHOOKS });
    return withSecret;
  }

  webhookMessage(kind: 'status' | 'alert', matching: string | RegExp) {
    return this.message(kind, matching, WEBHOOKS);
  }

  /** The listed subscription named `name`, as its text. */
  webhook(name: string) {
    return this.text({ role: 'listitem', name, exact: false, within: WEBHOOKS });
  }

  /** The listed subscriptions' names. */
  webhookNames() {
    return this.tab.world(
      () => [...document.querySelectorAll('.webhook__name')].map((el) => el.textContent ?? ''),
      null,
    );
  }

  /** Delete, then "Yes, delete" in the question it asks. */
  async deleteWebhook(name: string) {
    await this.click({ role: 'button', name: `Delete ${name}`, within: WEBHOOKS });
    await this.click({ role: 'button', name: `Yes, delete ${name}`, within: WEBHOOKS });
  }

  webhooksText() {
    return this.text(WEBHOOKS);
  }
}

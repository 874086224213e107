import type { Driver } from '../driver';
import type { Query } from './controls';
import { ExtensionPage } from './extension-page';

const WEBHOOKS: Query = { role: 'region', name: 'Webhooks' };

/** The options page: sites where detection is off, and the Webhooks section. */
export class Options extends ExtensionPage {
  static async open(driver: Driver): Promise<Options> {
    const options = new Options(await driver.newTab(driver.extensionUrl('src/options/index.html')));
    // Loaded once the settings are: the sections appear (Sites is never hidden by a policy).
    await options.waitFor({ role: 'region', name: 'Sites' });
    return options;
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

  deleteWebhook(name: string) {
    return this.click({ role: 'button', name: `Delete ${name}`, within: WEBHOOKS });
  }

  webhooksText() {
    return this.text(WEBHOOKS);
  }
}

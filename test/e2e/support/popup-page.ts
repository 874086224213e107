import type { Page } from 'playwright-core';
import { demoUser } from '../../fake-api/server';
import type { ExtensionBrowser } from './chromium';

/** The toolbar popup, opened as a tab, driven by its labels like a person would. */
export class PopupPage {
  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {}

  async open() {
    await this.page.goto(this.url);
    return this;
  }

  async signIn(
    email = demoUser.username,
    password = demoUser.password,
    clientId = demoUser.clientId,
  ) {
    await this.page.getByLabel('Email', { exact: true }).fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByLabel('Client ID', { exact: true }).fill(clientId);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async call(number: string) {
    await this.page.getByLabel('Number to call').fill(number);
    await this.page.getByRole('button', { name: 'Call', exact: true }).click();
  }

  /** The latest status or alert text the popup shows. */
  async message(kind: 'status' | 'alert', containing: string | RegExp) {
    const locator = this.page.getByRole(kind).filter({ hasText: containing });
    await locator.first().waitFor();
    return locator
      .first()
      .textContent()
      .then((t) => t ?? '');
  }

  yourNumbers() {
    return this.page.getByRole('heading', { name: 'Your numbers' });
  }

  signInButton() {
    return this.page.getByRole('button', { name: 'Sign in' });
  }
}

/** Signs the demo user in through the real popup, and closes it once their numbers show. */
export async function signInThroughPopup(browser: ExtensionBrowser): Promise<void> {
  const popup = await new PopupPage(
    await browser.context.newPage(),
    browser.url('src/popup/index.html'),
  ).open();
  await popup.signIn();
  await popup.yourNumbers().waitFor();
  await popup.page.close();
}

import type { Driver, InShadowRoot, Key, Point, Surface, Tab } from './driver';
import { type FirefoxSession, launchFirefox } from './firefox/launch';
import { KEYS, Page } from './firefox/page';
import type { Pref } from './firefox/prefs';
import { firefoxHostPrefs } from './hosts';
import { type Evaluate, firefoxWorld } from './page-marks';

/** Firefox ESR over WebDriver BiDi (support/firefox/), with the test sites resolved locally. */
export class FirefoxDriver implements Driver {
  readonly name = 'firefox';

  private constructor(readonly session: FirefoxSession) {}

  static async launch(extensionPath: string, prefs: Record<string, Pref> = {}) {
    return new FirefoxDriver(
      await launchFirefox({ extensionPath, prefs: { ...firefoxHostPrefs(), ...prefs } }),
    );
  }

  get extensionId() {
    return this.session.extensionId;
  }

  extensionUrl(file: string) {
    return `${this.session.extensionBaseUrl}${file}`;
  }

  async newTab(url: string): Promise<FirefoxTab> {
    return new FirefoxTab(await this.session.newTab(url));
  }

  /**
   * Firefox has no way to click the toolbar button over BiDi; it needs none: it grants the
   * `<all_urls>` content script's host access at install, so the popup can read the page's
   * address without `activeTab`. The popup opens in a background window beside `page`.
   */
  async openPopupFor(tab: Tab): Promise<FirefoxTab> {
    const { page } = tab as FirefoxTab;
    const { bidi } = this.session;
    await bidi.send('browsingContext.activate', { context: page.context });
    const created = await bidi.send('browsingContext.create', { type: 'window', background: true });
    const popup = new Page(bidi, String(created.context));
    await popup.goto(this.extensionUrl('src/popup/index.html'));
    return new FirefoxTab(popup);
  }

  async openedPage(file: string, timeoutMs = 5_000): Promise<FirefoxTab | null> {
    const url = this.extensionUrl(file);
    const { bidi } = this.session;
    for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
      const tree = (await bidi.send('browsingContext.getTree', { maxDepth: 0 })) as {
        contexts: { context: string; url: string }[];
      };
      const found = tree.contexts.find((c) => c.url.startsWith(url));
      if (found) {
        const page = new Page(bidi, found.context);
        for (let i = 0; i < 100; i++) {
          const state = await page.evaluate<string>('document.readyState').catch(() => '');
          if (state === 'complete') break;
          await new Promise((r) => setTimeout(r, 50));
        }
        return new FirefoxTab(page);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  }

  close() {
    return this.session.close();
  }
}

export class FirefoxTab implements Tab {
  readonly world: Evaluate;
  readonly inShadowRoot: InShadowRoot;

  constructor(readonly page: Page) {
    this.world = firefoxWorld(page);
    this.inShadowRoot = shadowRootIn(page, page.context);
  }

  url() {
    return this.page.url();
  }

  goto(url: string) {
    return this.page.goto(url);
  }

  reload() {
    return this.page.reload();
  }

  clickAt({ x, y }: Point) {
    return this.page.clickAt(x, y);
  }

  doubleClickAt({ x, y }: Point, gapMs: number) {
    return this.page.doubleClickAt(x, y, gapMs);
  }

  press(key: Key) {
    return this.page.keys([KEYS[key]]);
  }

  type(text: string) {
    return this.page.keys(Array.from(text));
  }

  async frame(selector: string): Promise<Surface> {
    for (let i = 0; i < 100; i++) {
      const src = await this.world((selector: string) => {
        const frame = document.querySelector(selector) as HTMLIFrameElement | null;
        return frame ? new URL(frame.src, location.href).href : null;
      }, selector);
      const found = src ? (await this.page.frames()).find((f) => f.url === src) : undefined;
      if (found) {
        const world: Evaluate = (fn, arg) =>
          this.page.evaluate(`(${fn.toString()})(${JSON.stringify(arg ?? null)})`, found.context);
        await waitUntilLoaded(world);
        return {
          world,
          inShadowRoot: shadowRootIn(this.page, found.context),
          clickAt: async ({ x, y }) => {
            // Scrolled into view in the top document first, as a person would.
            await this.world((s: string) => {
              document.querySelector(s)?.scrollIntoView({ block: 'nearest' });
            }, selector);
            await this.page.clickAt(x, y, found.context);
          },
        };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the frame ${selector} did not load`);
  }

  close() {
    return this.page.close();
  }
}

/** Shadow roots (closed ones too) of the document in `context`, over BiDi. */
function shadowRootIn(page: Page, context: string): InShadowRoot {
  return (host, fn, arg) =>
    page.inShadowRoot(host, fn.toString(), JSON.stringify(arg ?? null), context) as never;
}

async function waitUntilLoaded(world: Evaluate) {
  for (let i = 0; i < 100; i++) {
    if (await world(() => document.readyState === 'complete', null).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the frame did not finish loading');
}

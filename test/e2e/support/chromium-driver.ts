import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { extensionWorker, launchChromium } from './chromium';
import { type Driver, frameOrigin, type Key, type Point, type Surface, type Tab } from './driver';
import { WebSocketClient } from './firefox/websocket';
import { chromiumHostRules } from './hosts';
import { chromiumWorld } from './page-marks';

/** Chromium (Debian's, headless) through playwright-core, with the test sites resolved locally. */
export class ChromiumDriver implements Driver {
  readonly name = 'chromium';

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    private readonly browserCdp: BrowserCdp,
    private readonly dispose: () => Promise<void>,
  ) {}

  /** `hostRules`: extra `--host-resolver-rules` entries (e.g. `MAP api.example 127.0.0.1:1234`). */
  static async launch(extensionPath: string, hostRules: string[] = []): Promise<ChromiumDriver> {
    const { context, userDataDir, dispose } = await launchChromium(extensionPath, {
      // A DevTools port of the browser's own, for Extensions.triggerAction (see openPopupFor).
      args: [
        chromiumHostRules(hostRules),
        '--remote-debugging-port=0',
        '--enable-unsafe-extension-debugging',
      ],
    });
    try {
      const worker = await extensionWorker(context);
      const [port, wsPath] = (
        await readFile(path.join(userDataDir, 'DevToolsActivePort'), 'utf8')
      ).split('\n');
      const cdp = await BrowserCdp.connect(`ws://127.0.0.1:${port}${wsPath}`);
      return new ChromiumDriver(context, new URL(worker.url()).host, cdp, async () => {
        cdp.close();
        await dispose();
      });
    } catch (error) {
      await dispose();
      throw error;
    }
  }

  extensionUrl(file: string) {
    return `chrome-extension://${this.extensionId}/${file}`;
  }

  /** The background service worker (re-found after it was stopped). */
  worker() {
    return extensionWorker(this.context);
  }

  /** Stops the service worker as Chrome does when idle (chrome://serviceworker-internals). */
  async stopWorker() {
    const page = await this.context.newPage();
    const cdp = await this.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.close();
  }

  async newTab(url: string): Promise<ChromiumTab> {
    const page = await this.context.newPage();
    await page.goto(url);
    return new ChromiumTab(page);
  }

  /**
   * What a click on the toolbar button does (Extensions.triggerAction), including the
   * `activeTab` grant for the page, which a real press of the keyboard command also gives.
   */
  async clickToolbarButton(tab: Tab) {
    const { page } = tab as ChromiumTab;
    await page.bringToFront();
    await this.browserCdp.triggerAction(this.extensionId, page.url());
  }

  async openPopupFor(tab: Tab): Promise<ChromiumTab> {
    await this.clickToolbarButton(tab);
    const url = this.extensionUrl('src/popup/index.html');
    const before = new Set(this.context.pages());
    const worker = await this.worker();
    await worker.evaluate(async (popupUrl) => {
      const api = (
        globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }
      ).chrome;
      await api.windows.create({ url: popupUrl, focused: false });
    }, url);
    // The new window's page may be reported before or after it navigates: find it by URL.
    for (let i = 0; i < 100; i++) {
      const popup = this.context.pages().find((p) => p.url() === url && !before.has(p));
      if (popup) {
        await popup.waitForLoadState('load');
        return new ChromiumTab(popup);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the popup window did not open');
  }

  close() {
    return this.dispose();
  }
}

export class ChromiumTab implements Tab {
  readonly world;

  constructor(readonly page: Page) {
    this.world = chromiumWorld(page);
  }

  async url() {
    return this.page.url();
  }

  async goto(url: string) {
    await this.page.goto(url);
  }

  async reload() {
    await this.page.reload();
  }

  clickAt({ x, y }: Point) {
    return this.page.mouse.click(x, y);
  }

  press(key: Key) {
    return this.page.keyboard.press(key);
  }

  type(text: string) {
    return this.page.keyboard.type(text);
  }

  async frame(selector: string): Promise<Surface> {
    const handle = await this.page.waitForSelector(selector);
    const frame = await handle.contentFrame();
    if (!frame) throw new Error(`${selector} is not a frame`);
    await frame.waitForLoadState('load');
    return new ChromiumFrame(this, frame, selector);
  }

  close() {
    return this.page.close();
  }
}

/** A frame's document; clicks land at its position in the top document. */
class ChromiumFrame implements Surface {
  readonly world;

  constructor(
    private readonly tab: ChromiumTab,
    frame: Frame,
    private readonly selector: string,
  ) {
    this.world = chromiumWorld(frame);
  }

  async clickAt({ x, y }: Point) {
    const origin = await frameOrigin(this.tab, this.selector);
    await this.tab.clickAt({ x: origin.x + x, y: origin.y + y });
  }
}

/** A DevTools connection to the browser itself, for what playwright does not offer. */
class BrowserCdp {
  private nextId = 1;
  private readonly replies = new Map<number, (message: Record<string, unknown>) => void>();

  private constructor(private readonly ws: WebSocketClient) {
    ws.onMessage = (text) => {
      const message = JSON.parse(text) as { id?: number };
      if (message.id !== undefined) this.replies.get(message.id)?.(message);
    };
  }

  static async connect(url: string) {
    return new BrowserCdp(await WebSocketClient.connect(url, 10_000));
  }

  send(method: string, params: object): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`CDP ${method} timed out`)), 10_000);
      this.replies.set(id, (message) => {
        clearTimeout(timer);
        this.replies.delete(id);
        if (message.error) reject(new Error(`CDP ${method}: ${JSON.stringify(message.error)}`));
        else resolve((message.result ?? {}) as Record<string, unknown>);
      });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Extensions.triggerAction wants the tab target (not playwright's page target) showing `url`. */
  async triggerAction(extensionId: string, url: string) {
    const { targetInfos } = (await this.send('Target.getTargets', {
      filter: [{ type: 'tab' }],
    })) as { targetInfos: { targetId: string; url: string }[] };
    const tab = targetInfos.find((t) => t.url === url);
    if (!tab) throw new Error(`no tab target shows ${url}`);
    await this.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  }

  close() {
    this.ws.close();
  }
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core';
import { extensionWorker, launchChromium } from './chromium';
import {
  type Driver,
  frameOrigin,
  type InShadowRoot,
  type Key,
  type Point,
  type Surface,
  type Tab,
} from './driver';
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

  /**
   * `hostRules`: extra `--host-resolver-rules` entries (e.g. `MAP api.example 127.0.0.1:1234`);
   * `language`: the browser's language (see LaunchOptions), English by default.
   */
  static async launch(
    extensionPath: string,
    hostRules: string[] = [],
    language?: string,
  ): Promise<ChromiumDriver> {
    const { context, userDataDir, dispose } = await launchChromium(extensionPath, {
      ...(language ? { language } : {}),
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

  async openedPage(file: string, timeoutMs = 5_000): Promise<ChromiumTab | null> {
    const url = this.extensionUrl(file);
    for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
      const page = this.context.pages().find((p) => p.url().startsWith(url));
      if (page) {
        await page.waitForLoadState('load');
        return new ChromiumTab(page);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  }

  close() {
    return this.dispose();
  }
}

export class ChromiumTab implements Tab {
  readonly world;
  readonly inShadowRoot: InShadowRoot;
  /** The page's own DevTools session (its top document and same-process frames). */
  readonly cdp: ShadowRootReader;

  constructor(readonly page: Page) {
    this.world = chromiumWorld(page);
    this.cdp = new ShadowRootReader(() => page.context().newCDPSession(page));
    this.inShadowRoot = (host, fn, arg) => this.cdp.run(null, host, fn, arg);
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

  async doubleClickAt({ x, y }: Point, gapMs: number) {
    const { mouse } = this.page;
    await mouse.move(x, y);
    await mouse.down();
    await mouse.up();
    await new Promise((r) => setTimeout(r, gapMs));
    await mouse.down({ clickCount: 2 });
    await mouse.up({ clickCount: 2 });
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
    // A cross-site frame runs in a process (and DevTools target) of its own; a same-site one is
    // part of the page's.
    const own = await this.page
      .context()
      .newCDPSession(frame)
      .then(
        (session) => new ShadowRootReader(async () => session),
        () => null,
      );
    return new ChromiumFrame(this, frame, selector, own);
  }

  close() {
    return this.page.close();
  }
}

/** A frame's document; clicks land at its position in the top document. */
class ChromiumFrame implements Surface {
  readonly world;
  readonly inShadowRoot: InShadowRoot;

  constructor(
    private readonly tab: ChromiumTab,
    frame: Frame,
    private readonly selector: string,
    own: ShadowRootReader | null,
  ) {
    this.world = chromiumWorld(frame);
    this.inShadowRoot = (host, fn, arg) =>
      own ? own.run(null, host, fn, arg) : tab.cdp.run(selector, host, fn, arg);
  }

  async clickAt({ x, y }: Point) {
    const origin = await frameOrigin(this.tab, this.selector);
    await this.tab.clickAt({ x: origin.x + x, y: origin.y + y });
  }
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  contentDocument?: CdpNode;
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

/**
 * Shadow roots, closed ones included, over CDP: DOM.describeNode with `pierce` lists a host's
 * shadow roots whatever their mode; DOM.resolveNode gives the root as a main-world object that
 * Runtime.callFunctionOn runs a function on. One request at a time per session (DOM.getDocument
 * renumbers the nodes).
 */
class ShadowRootReader {
  private session: Promise<CDPSession> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly open: () => Promise<CDPSession>) {}

  /** `frame`: the selector of a same-process iframe in this session's document, else null. */
  run<R, A>(
    frame: string | null,
    hostSelector: string,
    fn: (root: ShadowRoot, arg: A) => R,
    arg: A,
  ): Promise<Awaited<R> | null> {
    const next = this.queue.then(() => this.runNow(frame, hostSelector, fn.toString(), arg));
    this.queue = next.catch(() => undefined);
    return next as Promise<Awaited<R> | null>;
  }

  private async runNow(frame: string | null, hostSelector: string, source: string, arg: unknown) {
    this.session ??= this.open();
    const cdp = await this.session;
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: CdpNode };
    let doc = root.nodeId;
    if (frame) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc, selector: frame });
      if (!nodeId) throw new Error(`no frame ${frame}`);
      const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true })) as {
        node: CdpNode;
      };
      const inner = node.contentDocument?.backendNodeId;
      if (!inner) throw new Error(`${frame} shows no document of this page's process`);
      const { nodeIds } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', {
        backendNodeIds: [inner],
      });
      doc = nodeIds[0] ?? 0;
    }
    const { nodeId: host } = await cdp.send('DOM.querySelector', {
      nodeId: doc,
      selector: hostSelector,
    });
    if (!host) return null;
    const { node } = (await cdp.send('DOM.describeNode', {
      nodeId: host,
      depth: 1,
      pierce: true,
    })) as { node: CdpNode };
    const shadow = node.shadowRoots?.find((r) => r.shadowRootType !== 'user-agent');
    if (!shadow) return null;
    const objectGroup = 'e2e-shadow-root';
    try {
      const { object } = await cdp.send('DOM.resolveNode', {
        backendNodeId: shadow.backendNodeId,
        objectGroup,
      });
      if (!object.objectId) return null;
      const reply = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function (arg) { return (${source})(this, arg); }`,
        arguments: [{ value: arg }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (reply.exceptionDetails) {
        const { exception, text } = reply.exceptionDetails;
        throw new Error(`in the shadow root of ${hostSelector}: ${exception?.description ?? text}`);
      }
      return reply.result.value as unknown;
    } finally {
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
    }
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

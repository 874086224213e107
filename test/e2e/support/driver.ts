import type { Evaluate } from './page-marks';

/**
 * The one interface the e2e suites drive a browser through, implemented for Chromium
 * (playwright-core, chromium-driver.ts) and Firefox ESR (WebDriver BiDi, firefox-driver.ts).
 * It offers only what a person does (open a tab, click, type, press a key) plus reading the
 * page's own world; the page objects in pages/ build everything else on top of it.
 */
export type BrowserName = 'chromium' | 'firefox';

/** Keys the suites press. */
export type Key = 'Escape' | 'Enter' | 'Backspace' | 'Tab' | 'End';

export interface Point {
  x: number;
  y: number;
}

/**
 * Runs a self-contained function on the shadow root, open or closed, of the first element
 * matching `hostSelector` (in the light DOM), with that root and one JSON argument; null when no
 * element matches or it has no shadow root.
 */
export type InShadowRoot = <R, A>(
  hostSelector: string,
  fn: (root: ShadowRoot, arg: A) => R,
  arg: A,
) => Promise<Awaited<R> | null>;

/** A document the test reads and clicks in: a tab's top document or a frame inside it. */
export interface Surface {
  /** Runs a self-contained function in the document's main world (the page's own JS). */
  readonly world: Evaluate;
  /**
   * Reaches into a shadow root the page itself cannot reach (a closed one: `host.shadowRoot` is
   * null), through the browser's debugging protocol (CDP in Chromium, WebDriver BiDi in Firefox),
   * with no hook in the product. The function runs in the page's main world.
   */
  readonly inShadowRoot: InShadowRoot;
  /** A real (trusted) mouse click at this document's viewport coordinates (CSS pixels). */
  clickAt(point: Point): Promise<void>;
}

export interface Tab extends Surface {
  url(): Promise<string>;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** A real double click at `point`: two clicks `gapMs` apart, the second with detail 2. */
  doubleClickAt(point: Point, gapMs: number): Promise<void>;
  /** A real key press in the focused element. */
  press(key: Key): Promise<void>;
  /** Real key presses typing `text` into the focused element. */
  type(text: string): Promise<void>;
  /** The document inside the iframe matching `selector`, same-origin or not, once it loaded. */
  frame(selector: string): Promise<Surface>;
  close(): Promise<void>;
}

export interface Driver {
  readonly name: BrowserName;
  /** The extension's id (Chromium) or add-on id (Firefox). */
  readonly extensionId: string;
  /** The URL of a file of the built extension, e.g. `src/popup/index.html`. */
  extensionUrl(file: string): string;
  /** A new tab showing `url`, once loaded. */
  newTab(url: string): Promise<Tab>;
  /**
   * The toolbar popup for `page`, as a click on the toolbar button opens it: `page` stays the
   * active tab and the extension is granted `activeTab` for it. Headless browsers show no
   * toolbar, so the popup document opens in a window of its own beside `page`.
   */
  openPopupFor(page: Tab): Promise<Tab>;
  /**
   * A window the extension opened itself showing its page `file` (e.g. the confirmation window,
   * `src/confirm/index.html`), once loaded; null if none opened within `timeoutMs`.
   */
  openedPage(file: string, timeoutMs?: number): Promise<Tab | null>;
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Where the content box of the iframe `selector` starts in its tab's viewport. */
export async function frameOrigin(tab: Tab, selector: string): Promise<Point> {
  const origin = await tab.world((selector: string) => {
    const frame = document.querySelector(selector);
    if (!frame) return null;
    const rect = frame.getBoundingClientRect();
    return { x: rect.left + frame.clientLeft, y: rect.top + frame.clientTop };
  }, selector);
  if (!origin) throw new Error(`no frame ${selector}`);
  return origin;
}

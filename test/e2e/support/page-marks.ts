import type { Frame, Page } from 'playwright-core';

/**
 * Reading what the content script marked, from the page's own world: the
 * highlight registry (`CSS.highlights`) is shared by every world of a
 * document, so a page (and a test) can see, iterate and clear it. One set of
 * helpers for both browsers: Chromium evaluates through Playwright, Firefox
 * through WebDriver BiDi `script.evaluate` (an expression string).
 */
export const HIGHLIGHT = 'net2phone-number';
/** Numbers inside links and buttons, marked differently: a click keeps the link's behaviour. */
export const LINK_HIGHLIGHT = 'net2phone-number-link';
export const SCAN_MEASURE = 'net2phone:scan';

/** Runs a self-contained function in the page's main world with one JSON argument. */
export type Evaluate = <R, A>(fn: (arg: A) => R, arg: A) => Promise<Awaited<R>>;

export const chromiumWorld =
  (target: Page | Frame): Evaluate =>
  (fn, arg) =>
    (target.evaluate as (fn: unknown, arg: unknown) => Promise<never>).call(target, fn, arg);

/** For FirefoxPage.evaluate (an expression): the function's source, called with its argument. */
export const firefoxWorld =
  (page: { evaluate<T>(expression: string): Promise<T> }): Evaluate =>
  (fn, arg) =>
    page.evaluate(`(${fn.toString()})(${JSON.stringify(arg ?? null)})`);

/** Evaluates in a same-origin iframe's own world (its own highlight registry), via its parent. */
export const sameOriginFrame =
  (parent: Evaluate, selector: string): Evaluate =>
  (fn, arg) =>
    parent(
      ({ selector, source }: { selector: string; source: string }) => {
        const frame = document.querySelector(selector) as HTMLIFrameElement | null;
        const world = frame?.contentWindow as unknown as { eval(source: string): unknown } | null;
        if (!world) throw new Error(`no frame ${selector}`);
        return world.eval(source);
      },
      { selector, source: `(${fn.toString()})(${JSON.stringify(arg ?? null)})` },
    ) as never;

/**
 * The text of every marked range in the document (open shadow roots included), sorted; both
 * kinds unless `names` says which.
 */
export function readMarks(
  evaluate: Evaluate,
  names: string[] = [HIGHLIGHT, LINK_HIGHLIGHT],
): Promise<string[]> {
  return evaluate(
    (names: string[]) =>
      names
        .flatMap((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString()))
        .sort(),
    names,
  );
}

/** How many `net2phone:scan` measures the page can see. */
export function scanMeasures(
  evaluate: Evaluate,
): Promise<{ count: number; longest: number; url: string }> {
  return evaluate((name: string) => {
    const entries = performance.getEntriesByName(name, 'measure');
    return {
      count: entries.length,
      longest: Math.max(0, ...entries.map((e) => e.duration)),
      url: `${location.href} (${document.readyState})`,
    };
  }, SCAN_MEASURE);
}

export interface SettleOptions {
  /** Wait until at least this many marks exist (the parser loads lazily: marks come late). */
  atLeast?: number;
  /** Wait until the marks are exactly these (sorted or not). */
  toEqual?: string[];
  /** The marks must stay the same this long. Default 300 ms (the watcher batches for 40 ms). */
  quietMs?: number;
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The marks once the content script has scanned (a `net2phone:scan` measure
 * exists) and they stopped changing. Fails with the last marks seen on timeout.
 */
export async function settledMarks(
  evaluate: Evaluate,
  { atLeast = 0, toEqual, quietMs = 300, timeoutMs = 10_000 }: SettleOptions = {},
): Promise<string[]> {
  const want = toEqual ? JSON.stringify([...toEqual].sort()) : null;
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  for (;;) {
    const [marks, measures] = await Promise.all([readMarks(evaluate), scanMeasures(evaluate)]);
    const now = JSON.stringify(marks);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
    const ready =
      measures.count > 0 &&
      marks.length >= atLeast &&
      (want === null || now === want) &&
      Date.now() - since >= quietMs;
    if (ready) return marks;
    if (Date.now() > deadline) {
      throw new Error(
        `marks did not settle in ${timeoutMs} ms on ${measures.url} (scan measures: ${measures.count}; marks: ${now})`,
      );
    }
    await sleep(50);
  }
}

/**
 * The viewport point at the centre of the `nth` marked range whose text is
 * `text`, scrolled into view first (for a real mouse click there).
 */
export async function markCentre(
  evaluate: Evaluate,
  text: string,
  nth = 0,
): Promise<{ x: number; y: number }> {
  const point = await evaluate(
    ({ name, text, nth }: { name: string; text: string; nth: number }) => {
      const ranges = [name, `${name}-link`]
        .flatMap((n) => [...(CSS.highlights.get(n) ?? [])])
        .filter((r) => r.toString() === text);
      const range = ranges[nth] as Range | undefined;
      if (!range) return null;
      const node = range.startContainer;
      (node.nodeType === 1 ? (node as Element) : node.parentElement)?.scrollIntoView({
        block: 'center',
        inline: 'center',
      });
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    },
    { name: HIGHLIGHT, text, nth },
  );
  if (!point) throw new Error(`no marked range reads ${JSON.stringify(text)}`);
  return point;
}

/** The centre of the first element matching `selector` (scrolled into view), for a real click. */
export async function elementCentre(
  evaluate: Evaluate,
  selector: string,
): Promise<{ x: number; y: number }> {
  const point = await evaluate((selector: string) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const rect = el.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, selector);
  if (!point) throw new Error(`nothing matches ${selector}`);
  return point;
}

/** The centre of the first occurrence of `text` in the page's light DOM, marked or not. */
export async function textCentre(
  evaluate: Evaluate,
  text: string,
): Promise<{ x: number; y: number }> {
  const point = await evaluate((text: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center', inline: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`no text ${JSON.stringify(text)} on the page`);
  return point;
}

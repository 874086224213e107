// One Chromium per extension (same binary, same flags), one reused tab, and the measurements taken
// from a loaded page: the `net2phone:scan` User Timing entries (readable from the page, DESIGN
// "Facts measured") and the `net2phone:find` measures (each a request to the background, which
// reads the blocks that passed the gate: none means the page never needed the parser).
//
// Not used, because they cannot see content scripts: PerformanceObserver 'longtask' (an 89 ms scan
// entry on wikipedia-2 produced no long task, while the page's own 398 ms parse did) and
// 'long-animation-frame' (its `scripts` never list extension code). Each `net2phone:scan` entry is
// a stretch of our code between two yields, so the longest entry stands for our longest task.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { extensionWorker, launchChromium } from '../../test/e2e/support/chromium';

export const SCAN_MEASURE = 'net2phone:scan';
export const FIND_MEASURE = 'net2phone:find';
/** The CSS Custom Highlight our marks live in (src/content/marks.ts). */
export const HIGHLIGHT = 'net2phone-number';
/** Pages are served as `http://<name>.example.test:<port>/`. */
export const PAGE_DOMAIN = 'example.test';

export interface Entry {
  start: number;
  duration: number;
}

export interface Load {
  /** Every `net2phone:scan` entry of the top document, in order. */
  entries: Entry[];
  total: number;
  longest: number;
  /** Time from navigation start to the first entry (when the content script got to work). */
  firstAt: number | null;
  /** `net2phone:find` requests (blocks sent to the background to be read). */
  asked: number;
  /** Start of the first request: entries before it are the walk and the gate. */
  firstAsk: number | null;
  /** Wall time from navigation start until the first request was answered. */
  firstAnswer: number | null;
  /** Ranges in the `net2phone-number` highlight once settled (numbers we marked). */
  marks: number;
  /**
   * From navigation start until the page's main world first saw a range in our highlight
   * (polled every animation frame by `watchFirstMark`, so up to a frame late); null if never.
   * Unlike `firstAnswer` it needs nothing from the extension, so it also times builds that load
   * the parser another way (a prototype measured with --extension).
   */
  firstMark: number | null;
  settled: boolean;
}

export interface BenchBrowser {
  page: Page;
  /** `chrome-extension://<id>` when the extension has a background (ours); null for the floor. */
  origin: string | null;
  /** A CDP session on the tab, kept for the traced loads. */
  cdp: CDPSession;
  close(): Promise<void>;
}

/**
 * Chromium with one unpacked extension (test/e2e/support/chromium.ts), waiting for a service
 * worker only when asked (the floor extension has none), plus two flags for stable offline
 * timing: pages come from hosts of their own (`*.example.test`, mapped to 127.0.0.1, for which the
 * extension holds no host permission, as on any real site), every other host fails DNS at once
 * (saved pages link to the whole web), and no back/forward cache (each load is a fresh document).
 */
export async function launch(
  extensionPath: string,
  withWorker: boolean,
  userDataDir?: string,
): Promise<BenchBrowser> {
  const { context, dispose } = await launchChromium(extensionPath, {
    ...(userDataDir ? { userDataDir } : {}),
    viewport: { width: 1280, height: 900 },
    disableFeatures: ['BackForwardCache'],
    args: [`--host-resolver-rules=MAP *.${PAGE_DOMAIN} 127.0.0.1, MAP * ~NOTFOUND`],
  });
  let origin: string | null = null;
  if (withWorker) {
    // URL.origin is "null" for non-special schemes such as chrome-extension:.
    origin = `chrome-extension://${new URL((await extensionWorker(context)).url()).host}`;
  }
  await context.addInitScript(watchFirstMark, HIGHLIGHT);
  const page = context.pages()[0] ?? (await context.newPage());
  // Only a fresh profile gets the welcome (a restart's profile had it already).
  if (origin) await closeWelcome(context, origin, userDataDir ? 0 : 5_000);
  // The measured tab in front: a background tab's timers are throttled to once a second, which
  // once made the rows test read 1.1 s instead of 0.2 s (the welcome tab had taken the front).
  await page.bringToFront();
  return {
    page,
    origin,
    cdp: await context.newCDPSession(page),
    close: dispose,
  };
}

/**
 * Closes the welcome our extension opens after install (options page, #welcome), as a user does
 * before browsing: it opens in front of the measured tab. Waits for it up to 5 s (a build measured
 * with --extension may have none).
 */
async function closeWelcome(
  context: BrowserContext,
  origin: string,
  waitMs = 5_000,
): Promise<void> {
  const isWelcome = (p: Page) => p.url().startsWith(`${origin}/src/options/`);
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const welcome = context.pages().find(isWelcome);
    if (welcome) {
      await welcome.close();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Watched = typeof window & { __benchFirstMark?: number | null; __benchStopWatch?: boolean };

/**
 * Runs in the main world of every top document from its start (an init script): notes the first
 * animation frame in which our highlight holds a range, in `window.__benchFirstMark`. Polling is
 * the only way: the content script sets the highlight from its isolated world, where no main-world
 * hook sees it. One Map lookup a frame (no named inner functions: the bundler would wrap them in a
 * helper the page lacks), stopped once seen, when a reader sets `__benchStopWatch`,
 * or after 30 s, and it runs the same way beside the floor.
 */
async function watchFirstMark(name: string): Promise<void> {
  if (window !== window.top) return;
  const w = window as Watched;
  w.__benchFirstMark = null;
  while (!w.__benchStopWatch && performance.now() < 30_000) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if ((CSS.highlights?.get(name)?.size ?? 0) > 0) {
      w.__benchFirstMark = performance.now();
      return;
    }
  }
}

/**
 * Runs in the page's main world: waits for the first scan entry, then until no new entry came for
 * `quiet` ms (or `timeout`), and returns the entries.
 */
async function settle(args: {
  name: string;
  find: string;
  highlight: string;
  quiet: number;
  timeout: number;
}): Promise<Load> {
  const { name, find, highlight, quiet, timeout } = args;
  const began = performance.now();
  let settled = false;
  for (;;) {
    const all = performance.getEntriesByName(name, 'measure');
    const last = all[all.length - 1];
    const now = performance.now();
    // Quiet is counted from the end of the last entry, not from when this poll saw it.
    if (last && now - (last.startTime + last.duration) >= quiet) {
      settled = true;
      break;
    }
    if (now - began > timeout) break;
    await new Promise((resolve) => setTimeout(resolve, last ? 10 : 5));
  }
  const entries = performance
    .getEntriesByName(name, 'measure')
    .map((e) => ({ start: e.startTime, duration: e.duration }));
  const asks = performance.getEntriesByName(find, 'measure');
  const first = asks[0];
  (window as Watched).__benchStopWatch = true;
  return {
    entries,
    asked: asks.length,
    firstAsk: first ? first.startTime : null,
    firstAnswer: first ? first.startTime + first.duration : null,
    total: entries.reduce((sum, e) => sum + e.duration, 0),
    longest: entries.reduce((max, e) => Math.max(max, e.duration), 0),
    firstAt: entries[0]?.start ?? null,
    marks: CSS.highlights?.get(highlight)?.size ?? 0,
    firstMark: (window as Watched).__benchFirstMark ?? null,
    settled,
  };
}

export interface LoadOptions {
  quiet: number;
  timeout: number;
}

/** Load `url` in the browser's tab and read the scan entries once the scan has settled. */
export async function measureLoad(b: BenchBrowser, url: string, o: LoadOptions): Promise<Load> {
  await b.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
  return b.page.evaluate(settle, {
    name: SCAN_MEASURE,
    find: FIND_MEASURE,
    highlight: HIGHLIGHT,
    quiet: o.quiet,
    timeout: o.timeout,
  });
}

/**
 * Main-thread time spent evaluating the extension's content scripts during one load of `url`
 * (compile + top-level run, the trace's `EvaluateScript` events for chrome-extension:// URLs).
 * This is the cost every frame pays before any scan, and it is not in the scan entries. Traced
 * loads are slower than plain ones, so they are separate from the measured runs.
 */
export async function scriptEvaluation(b: BenchBrowser, url: string): Promise<number> {
  const { cdp } = b;
  const events: { name?: string; ph?: string; dur?: number; args?: { data?: { url?: string } } }[] =
    [];
  const collect = ({ value }: { value: object[] }) => {
    events.push(...(value as typeof events));
  };
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  try {
    await measureLoad(b, url, { quiet: 100, timeout: 10_000 });
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  let micros = 0;
  for (const e of events) {
    if (e.name !== 'EvaluateScript' || e.ph !== 'X') continue;
    if (e.args?.data?.url?.startsWith('chrome-extension://')) micros += e.dur ?? 0;
  }
  return micros / 1000;
}

export interface FramesLoad {
  /** From navigation start to the page's load event (every frame loaded), ms. */
  loaded: number;
  /**
   * From navigation start until every frame showed `perFrame` ranges in our highlight, seen from
   * the page's main world through each `frame.contentWindow` (rAF-polled); null if not in time,
   * or when not asked for (the floor, whose content script runs in the top frame only).
   */
  marked: number | null;
  framesMarked: number;
  /** Over all frames: the sum of `net2phone:scan` entries, their count, `net2phone:find` requests. */
  scanTotal: number;
  entries: number;
  asked: number;
  /** The tab renderer's JS heap after a forced garbage collection, bytes (see `heapUsed`). */
  heap: number;
  /** The same for the extension's background service worker; null without one (the floor). */
  workerHeap: number | null;
}

/**
 * Runs in the frames page's main world: waits for its load event and, with `perFrame` > 0, until
 * every iframe's highlight holds that many ranges; then until no frame has recorded a scan entry
 * for `quiet` ms (so the heap is read after the work, not during it).
 */
async function framesSettle(args: {
  name: string;
  find: string;
  highlight: string;
  perFrame: number;
  quiet: number;
  timeout: number;
}): Promise<Omit<FramesLoad, 'heap' | 'workerHeap'>> {
  // No named inner functions here: the bundler would wrap them in a helper the page lacks.
  const { name, find, highlight, perFrame, quiet, timeout } = args;
  (window as Watched).__benchStopWatch = true;
  // Same-origin frames: their globals are reachable from here, and a WindowProxy follows its
  // frame's navigation, so the list taken now stays right.
  const frames = [...document.querySelectorAll('iframe')].flatMap((f) =>
    f.contentWindow ? [f.contentWindow as typeof window] : [],
  );
  const windows = [window, ...frames];
  let marked: number | null = null;
  let framesMarked = 0;
  while (performance.now() < timeout) {
    if (document.readyState === 'complete') {
      if (perFrame === 0) break;
      framesMarked = frames.filter(
        (w) => (w.CSS.highlights?.get(highlight)?.size ?? 0) >= perFrame,
      ).length;
      if (framesMarked === frames.length) {
        marked = performance.now();
        break;
      }
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  // Each frame's entry times count from its own time origin: compare each frame's latest end.
  let seen = '';
  let quietSince = Date.now();
  while (Date.now() - quietSince < quiet && performance.now() < timeout) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const ends = windows.map((w) =>
      w.performance
        .getEntriesByName(name, 'measure')
        .reduce((end, e) => Math.max(end, e.startTime + e.duration), 0),
    );
    const latest = ends.join();
    if (latest !== seen) {
      seen = latest;
      quietSince = Date.now();
    }
  }
  const entries = windows.flatMap((w) => w.performance.getEntriesByName(name, 'measure'));
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return {
    loaded: navigation?.loadEventStart ?? Number.NaN,
    marked,
    framesMarked,
    scanTotal: entries.reduce((sum, e) => sum + e.duration, 0),
    entries: entries.length,
    asked: windows.reduce((n, w) => n + w.performance.getEntriesByName(find, 'measure').length, 0),
  };
}

/**
 * JS heap in use after a forced garbage collection, bytes. `Runtime.getHeapUsage` reports the
 * whole V8 isolate of the target, "not scoped to a particular Runtime": on a tab that is every
 * world of every frame in its renderer (the page's main world, each frame's, and each content
 * script's isolated world; same-origin iframes share the tab's process). Checked on this page: it
 * equals `Performance.getMetrics` JSHeapUsedSize and the page's `performance.memory`.
 */
async function heapUsed(send: (method: string) => Promise<unknown>): Promise<number> {
  await send('HeapProfiler.collectGarbage');
  return ((await send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
}

/**
 * The extension's service worker heap, where the parser now lives. Playwright's CDP sessions
 * cannot address a child session in flat mode, so this attaches the old way and exchanges
 * messages through `Target.sendMessageToTarget`.
 */
async function workerHeap(b: BenchBrowser): Promise<number | null> {
  const browser = b.page.context().browser();
  if (!b.origin || !browser) return null;
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`${b.origin}/`),
    );
    if (!worker) return null;
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    });
    let id = 0;
    const send = (method: string) =>
      new Promise<unknown>((resolve, reject) => {
        const sent = ++id;
        const listen = (event: { sessionId: string; message: string }) => {
          const reply = JSON.parse(event.message) as {
            id?: number;
            result?: unknown;
            error?: { message: string };
          };
          if (event.sessionId !== sessionId || reply.id !== sent) return;
          cdp.off('Target.receivedMessageFromTarget', listen);
          if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
          else resolve(reply.result);
        };
        cdp.on('Target.receivedMessageFromTarget', listen);
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: sent, method }),
        });
      });
    return await heapUsed(send);
  } finally {
    await cdp.detach();
  }
}

/**
 * Load the frames page in a fresh tab (its own renderer process, so the heap holds this page
 * alone, not what earlier pages left behind), wait as `framesSettle` does, and read the heaps.
 */
export async function measureFrames(
  b: BenchBrowser,
  url: string,
  o: LoadOptions & { perFrame: number },
): Promise<FramesLoad> {
  const page = await b.page.context().newPage();
  const cdp = await page.context().newCDPSession(page);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    const load = await page.evaluate(framesSettle, {
      name: SCAN_MEASURE,
      find: FIND_MEASURE,
      highlight: HIGHLIGHT,
      perFrame: o.perFrame,
      quiet: o.quiet,
      timeout: o.timeout,
    });
    const heap = await heapUsed((method) => cdp.send(method as 'Runtime.getHeapUsage'));
    return { ...load, heap, workerHeap: await workerHeap(b) };
  } finally {
    await cdp.detach();
    await page.close();
  }
}

/**
 * The first page after the browser starts, in a profile the extension was installed in before
 * (what a user meets every morning): from navigation start until the page saw the first number
 * marked, for each of `restarts` restarts. The first launch installs the extension and loads the
 * page once (not counted). Chromium answers the first `storage.managed` read after a start only
 * 2-3 s later; the settings must not wait for it (settings-store.ts, POLICY_COPY_KEY).
 */
export async function measureRestarts(
  extensionPath: string,
  url: string,
  restarts: number,
  o: LoadOptions,
): Promise<Array<number | null>> {
  const profile = mkdtempSync(join(tmpdir(), 'n2p-bench-restart-'));
  try {
    const install = await launch(extensionPath, true, profile);
    await measureLoad(install, url, o);
    await install.close();
    const firstMarks: Array<number | null> = [];
    for (let i = 0; i < restarts; i++) {
      const b = await launch(extensionPath, true, profile);
      firstMarks.push((await measureLoad(b, url, o)).firstMark);
      await b.close();
    }
    return firstMarks;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

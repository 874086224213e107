// One Chromium per extension (same binary, same flags), one reused tab, and the measurements taken
// from a loaded page: the `net2phone:scan` User Timing entries (readable from the page, DESIGN
// "Facts measured") and the `net2phone:find` measures (each a request to the background, which
// reads the blocks that passed the gate: none means the page never needed the parser).
//
// Not used, because they cannot see content scripts: PerformanceObserver 'longtask' (an 89 ms scan
// entry on wikipedia-2 produced no long task, while the page's own 398 ms parse did) and
// 'long-animation-frame' (its `scripts` never list extension code). Each `net2phone:scan` entry is
// a stretch of our code between two yields, so the longest entry stands for our longest task.
import type { CDPSession, Page } from 'playwright-core';
import { extensionWorker, launchChromium } from '../../test/e2e/support/chromium';

export const SCAN_MEASURE = 'net2phone:scan';
export const FIND_MEASURE = 'net2phone:find';
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
export async function launch(extensionPath: string, withWorker: boolean): Promise<BenchBrowser> {
  const { context, dispose } = await launchChromium(extensionPath, {
    viewport: { width: 1280, height: 900 },
    disableFeatures: ['BackForwardCache'],
    args: [`--host-resolver-rules=MAP *.${PAGE_DOMAIN} 127.0.0.1, MAP * ~NOTFOUND`],
  });
  let origin: string | null = null;
  if (withWorker) {
    // URL.origin is "null" for non-special schemes such as chrome-extension:.
    origin = `chrome-extension://${new URL((await extensionWorker(context)).url()).host}`;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    origin,
    cdp: await context.newCDPSession(page),
    close: dispose,
  };
}

/**
 * Runs in the page's main world: waits for the first scan entry, then until no new entry came for
 * `quiet` ms (or `timeout`), and returns the entries.
 */
async function settle(args: {
  name: string;
  find: string;
  quiet: number;
  timeout: number;
}): Promise<Load> {
  const { name, find, quiet, timeout } = args;
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
  return {
    entries,
    asked: asks.length,
    firstAsk: first ? first.startTime : null,
    firstAnswer: first ? first.startTime + first.duration : null,
    total: entries.reduce((sum, e) => sum + e.duration, 0),
    longest: entries.reduce((max, e) => Math.max(max, e.duration), 0),
    firstAt: entries[0]?.start ?? null,
    marks: CSS.highlights?.get('net2phone-number')?.size ?? 0,
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

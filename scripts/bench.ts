// `npm run bench`: what scanning a page costs, in real Chromium (issue 4 "Benchmark").
//
// Every page is loaded alternately in two Chromiums of the same binary: one with the floor (the
// benchmark's own tiny extension, test/bench/floor-extension: a content script at document_idle that
// walks the text nodes with a TreeWalker and tests /\d/ on each) and one with our extension, built
// from the current sources. Both record their work as `net2phone:scan` User Timing measures; the
// page reads them once no new one has come for a while. Reported per page: medians of the floor's
// and our total, their ratio, our longest single entry (the longest stretch of our code without a
// yield), whether the page needed the parser (its blocks sent to the background), and when the page
// first saw a number marked. Also: a digit-free page, an empty page, a contact card with three
// numbers (few readability pages hold one we mark), appending 1,000 rows with numbers, 200
// same-origin iframes (time until all are marked, and the JS heap), the first page after a browser
// restart (the profile kept: when it first sees a number marked), and the gzip sizes of what we
// inject. Full results: artifacts/bench.json.
//
// Reads ../shared/corpus/pages/readability (skips with a message when absent). Saved pages are
// served static and offline from a host of their own (pages.example.test, mapped to 127.0.0.1):
// their <script> elements are stripped, a Content-Security-Policy in their head refuses every fetch
// (their images, fonts and style sheets failed DNS anyway, and handling hundreds of doomed requests
// starved the page's main thread while the scan ran), and every other host fails DNS. Ours is the
// release build (default API origin), so the extension holds no permission for the pages, as on
// any real site.
//
//   --runs N         loads per page and extension for the 8 largest readability pages (the goal
//                    pages), the synthetic pages and the rows test (default 5)
//   --other-runs N   loads per page and extension for the other readability pages (default 2,
//                    at most --runs; a full run then takes about 4 minutes on 2 quiet cores,
//                    6-7 while other test suites share them)
//   --pages N        only the N largest readability pages (default: all)
//   --page TEXT      only pages whose file name contains TEXT (repeatable)
//   --repeat N       measure the pages N times over, in rounds (every page once per round, so a
//                    busy spell of the machine spreads over pages): the tables then pool each
//                    page's loads and show the ratio of every round beside it (default 1; 3 to
//                    see the spread, since single figures move ±50 % on a shared machine)
//   --quick          --pages 8 --frames 0 (the goal pages, 5 loads each)
//   --quiet MS       our scan has settled after this long without a new entry (default 300)
//   --frames N       iframes on the frames page (default 200; 0 skips it); loaded --runs times in
//                    a fresh tab per load, floor and ours alternating
//   --extension DIR  measure this built Chrome extension instead of building src/ (to compare a
//                    prototype: build it with test/e2e/support/build-extension.ts from its tree)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildExtension } from '../test/e2e/support/build-extension';
import {
  type BenchBrowser,
  FIND_MEASURE,
  type FramesLoad,
  type Load,
  launch,
  measureFrames,
  measureLoad,
  measureRestarts,
  PAGE_DOMAIN,
  SCAN_MEASURE,
  scriptEvaluation,
} from './bench/browser';
import {
  type CorpusPage,
  countFindable,
  EMPTY_PAGE,
  FRAME_NUMBERS,
  framePage,
  framesPage,
  loremPage,
  readCorpus,
  rowNumbers,
  rowsPage,
  serve,
  withoutDigits,
} from './bench/pages';
import { kb, mb, median, ms, ratio, spread, table } from './bench/report';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '../shared/corpus/pages/readability');
const FLOOR_EXTENSION = resolve(ROOT, 'test/bench/floor-extension');
const OUT = resolve(ROOT, 'artifacts/bench.json');

const GOALS = {
  largestPages: 8,
  largestRatio: 2,
  digitFreeRatio: 1.5,
  emptyMs: 1,
  entryMs: 16,
  contentScriptGzip: 12 * 1024,
  rowsMs: 250,
  restartFirstMarkMs: 1000,
};
const ROWS = 1000;

interface Options {
  runs: number;
  otherRuns: number;
  pages: number | null;
  only: string[];
  quiet: number;
  frames: number;
  extension: string | null;
  repeat: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    runs: 5,
    otherRuns: 2,
    pages: null,
    only: [],
    quiet: 300,
    frames: 200,
    extension: null,
    repeat: 1,
  };
  let otherRuns: number | null = null;
  const number = (flag: string, value: string | undefined, min: number): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs a whole number ≥ ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') {
      options.pages = GOALS.largestPages;
      options.frames = 0;
    } else if (arg === '--repeat') options.repeat = number(arg, argv[++i], 1);
    else if (arg === '--runs') options.runs = number(arg, argv[++i], 1);
    else if (arg === '--other-runs') otherRuns = number(arg, argv[++i], 1);
    else if (arg === '--extension') options.extension = resolve(argv[++i] ?? '');
    else if (arg === '--pages') options.pages = number(arg, argv[++i], 0);
    else if (arg === '--quiet') options.quiet = number(arg, argv[++i], 50);
    else if (arg === '--frames') options.frames = number(arg, argv[++i], 0);
    else if (arg === '--page') options.only.push(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0]);
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg} (see --help)`);
  }
  options.otherRuns = otherRuns ?? Math.min(2, options.runs);
  return options;
}

interface Side {
  loads: Load[];
  total: number;
  longest: number;
}

interface PageResult {
  name: string;
  bytes: number;
  kind: 'corpus' | 'digit-free' | 'empty' | 'numbers';
  goal: boolean;
  scriptsRemoved: number;
  floor: Side;
  ours: Side & {
    /** Requests to the background for each load (0 = the page never needed the parser). */
    asked: number[];
    /** From navigation start until the first request was answered, ms. */
    firstAnswer: number;
    /** From navigation start until the page saw the first number marked, ms (Load.firstMark). */
    firstMark: number;
    /** Our entries before the first request (walk + gate) and after it (marking), ms. */
    walk: number;
    find: number;
    marks: number;
  };
  ratio: number;
  /** Each round's own figures (--repeat): the ratio of its medians and its median longest entry. */
  rounds: Round[];
}

interface Round {
  ratio: number;
  longest: number;
}

const elapsed = (() => {
  const t0 = performance.now();
  return () => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
})();

function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
  else process.stderr.write(`${text}\n`);
}

/** The commit measured, and whether src/ had uncommitted changes ("abc1234+dirty"). */
function sourceVersion(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    const head = git('rev-parse', '--short', 'HEAD').trim();
    return git('status', '--porcelain', '--', 'src').trim() ? `${head}+dirty src` : head;
  } catch {
    return 'unknown';
  }
}

/** Run `work` with the build's chatter held back (printed only if it fails). */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const held: string[] = [];
  const saved = { out: process.stdout.write, err: process.stderr.write };
  const hold = ((chunk: string | Uint8Array) => {
    held.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = hold;
  process.stderr.write = hold;
  try {
    return await work();
  } catch (error) {
    process.stderr.write = saved.err;
    process.stderr.write(held.join(''));
    throw error;
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
  }
}

function side(loads: Load[]): Side {
  return {
    loads,
    total: median(loads.map((l) => l.total)),
    longest: median(loads.map((l) => l.longest)),
  };
}

/**
 * Our time split at the first request to the background: before it the walk and the digit gate,
 * after it marking what came back (and rescans). Without a request, all of it is walk + gate.
 */
function split(load: Load): { walk: number; find: number } {
  const at = load.firstAsk ?? Number.POSITIVE_INFINITY;
  let walk = 0;
  let find = 0;
  for (const e of load.entries) {
    if (e.start < at) walk += e.duration;
    else find += e.duration;
  }
  return { walk, find };
}

/** One page's figures from all its loads (every round pooled), with each round's own ratio. */
function summarise(
  meta: Pick<PageResult, 'name' | 'bytes' | 'kind' | 'goal' | 'scriptsRemoved'>,
  floorLoads: Load[],
  ourLoads: Load[],
  rounds: Round[],
): PageResult {
  const floor = side(floorLoads);
  const o = side(ourLoads);
  const parts = ourLoads.map(split);
  const answered = ourLoads.flatMap((l) => (l.firstAnswer === null ? [] : [l.firstAnswer]));
  const firstMarks = ourLoads.flatMap((l) => (l.firstMark === null ? [] : [l.firstMark]));
  return {
    ...meta,
    floor,
    ours: {
      ...o,
      asked: ourLoads.map((l) => l.asked),
      firstAnswer: answered.length > 0 ? median(answered) : Number.NaN,
      firstMark: firstMarks.length > 0 ? median(firstMarks) : Number.NaN,
      walk: median(parts.map((p) => p.walk)),
      find: median(parts.map((p) => p.find)),
      marks: median(ourLoads.map((l) => l.marks)),
    },
    ratio: o.total / floor.total,
    rounds,
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  process.chdir(ROOT);
  if (!existsSync(CORPUS)) {
    console.log(
      `bench: skipped: ${CORPUS} not found. The corpus lives beside the project ` +
        '(../shared/corpus, see its README) and is not part of a fresh clone.',
    );
    return;
  }

  const loadAtStart = loadavg();
  const corpus = readCorpus(CORPUS);
  const goalNames = new Set(corpus.slice(0, GOALS.largestPages).map((p) => p.name));
  let selected = corpus;
  if (options.only.length > 0) {
    selected = selected.filter((p) => options.only.some((o) => p.name.includes(o)));
  }
  if (options.pages !== null) selected = selected.slice(0, options.pages);
  const largest = corpus[0] as CorpusPage;

  progress('building the extension…');
  const source = options.extension ?? `src/ at ${sourceVersion()}`;
  const ours =
    options.extension ??
    (await quietly(() => buildExtension('chrome', 'https://integrate.versature.com')));
  const manifest = JSON.parse(readFileSync(join(ours, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const contentFile = manifest.content_scripts?.[0]?.js?.[0];
  if (!contentFile) throw new Error('the built manifest has no content script');
  const gzip = (file: string) => {
    const bytes = readFileSync(join(ours, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const sizes = { contentScript: gzip(contentFile) };

  const numbers = rowNumbers(ROWS);
  const findable = countFindable(numbers);
  const routes = new Map<string, string>([
    ['/s/empty.html', EMPTY_PAGE],
    ['/s/lorem.html', loremPage()],
    ['/s/contact.html', framePage(0)],
    [`/s/no-digits-${largest.name}`, withoutDigits(largest.html)],
    ['/s/rows-warm.html', rowsPage(numbers, findable + 1, true)],
    ['/s/rows-cold.html', rowsPage(numbers, findable, false)],
  ]);
  for (const page of corpus) routes.set(`/r/${page.name}`, page.html);
  routes.set('/s/frames.html', framesPage(options.frames));
  for (let i = 0; i < options.frames; i++) routes.set(`/s/frames/${i}.html`, framePage(i));
  const server = await serve(routes, `pages.${PAGE_DOMAIN}`);

  progress('launching Chromium…');
  const floorBrowser = await launch(FLOOR_EXTENSION, false);
  const oursBrowser = await launch(ours, true);
  const version = oursBrowser.page.context().browser()?.version() ?? 'unknown';
  // The floor records exactly one entry: its load is settled when that entry exists.
  const floorLoad = { quiet: 0, timeout: 10_000 };
  const oursLoad = { quiet: options.quiet, timeout: 10_000 };

  // Warm-up (not recorded): the first loads in a fresh profile compile both content scripts and
  // the background's parser without a code cache, as happens once after install, not on every page.
  const warmUp = corpus[Math.floor(corpus.length / 2)] as CorpusPage;
  for (const url of [`/r/${warmUp.name}`, '/s/lorem.html', '/s/rows-warm.html']) {
    await measureLoad(floorBrowser, server.origin + url, floorLoad);
    await measureLoad(oursBrowser, server.origin + url, oursLoad);
  }

  type Meta = Pick<PageResult, 'name' | 'bytes' | 'kind' | 'goal' | 'scriptsRemoved'>;
  /** One round of a page: its loads, floor and ours alternating. */
  const measurePage = async (url: string, meta: Meta) => {
    const floorLoads: Load[] = [];
    const ourLoads: Load[] = [];
    const runs = meta.kind === 'corpus' && !meta.goal ? options.otherRuns : options.runs;
    for (let run = 0; run < runs; run++) {
      // Alternate which goes first, so neither always follows the other.
      const order = run % 2 === 0 ? ['floor', 'ours'] : ['ours', 'floor'];
      for (const which of order) {
        if (which === 'floor') {
          floorLoads.push(await measureLoad(floorBrowser, url, floorLoad));
        } else {
          ourLoads.push(await measureLoad(oursBrowser, url, oursLoad));
        }
      }
    }
    return { floorLoads, ourLoads };
  };

  const meta = (name: string, kind: PageResult['kind'], bytes: number): Meta => ({
    name,
    kind,
    bytes,
    goal: false,
    scriptsRemoved: 0,
  });
  const targets: { url: string; meta: Meta; synthetic: boolean }[] = [];
  for (const [url, name, kind] of [
    ['/s/empty.html', 'empty page', 'empty'],
    ['/s/lorem.html', 'lorem ipsum (no digits)', 'digit-free'],
    [`/s/no-digits-${largest.name}`, `${largest.name}, digits → "n"`, 'digit-free'],
    // Few readability pages hold a number we mark: this one times the first number on its own.
    ['/s/contact.html', `contact card (${FRAME_NUMBERS} numbers)`, 'numbers'],
  ] as const) {
    const html = routes.get(url) ?? '';
    targets.push({
      url: server.origin + url,
      meta: meta(name, kind, html.length),
      synthetic: true,
    });
  }
  for (const page of selected) {
    targets.push({
      url: `${server.origin}/r/${page.name}`,
      meta: {
        name: page.name,
        bytes: page.bytes,
        kind: 'corpus',
        goal: goalNames.has(page.name),
        scriptsRemoved: page.scriptsRemoved,
      },
      synthetic: false,
    });
  }
  // Rounds: every page once per round, so a busy spell of the machine hits several pages a
  // little rather than one page a lot; each round's ratio is kept to show the spread.
  const collected = targets.map(() => ({
    floor: [] as Load[],
    ours: [] as Load[],
    rounds: [] as Round[],
  }));
  const roundLoad: number[][] = [];
  for (let round = 0; round < options.repeat; round++) {
    roundLoad.push(loadavg());
    for (const [i, target] of targets.entries()) {
      const of = options.repeat > 1 ? `round ${round + 1}/${options.repeat}, ` : '';
      progress(`[${of}${i + 1}/${targets.length}] ${target.meta.name} (${elapsed()})`);
      const { floorLoads, ourLoads } = await measurePage(target.url, target.meta);
      const into = collected[i] as (typeof collected)[number];
      into.floor.push(...floorLoads);
      into.ours.push(...ourLoads);
      into.rounds.push({
        ratio: side(ourLoads).total / side(floorLoads).total,
        longest: side(ourLoads).longest,
      });
    }
  }
  const results = targets.map((target, i) => {
    const c = collected[i] as (typeof collected)[number];
    return {
      synthetic: target.synthetic,
      result: summarise(target.meta, c.floor, c.ours, c.rounds),
    };
  });
  const synthetic = results.filter((r) => r.synthetic).map((r) => r.result);
  const pages = results.filter((r) => !r.synthetic).map((r) => r.result);

  // What evaluating each content script costs a frame before any scan (traced, empty page).
  progress(`content-script evaluation (${elapsed()})`);
  const evaluation = { floor: [] as number[], ours: [] as number[] };
  for (let run = 0; run < options.runs; run++) {
    evaluation.floor.push(await scriptEvaluation(floorBrowser, `${server.origin}/s/empty.html`));
    evaluation.ours.push(await scriptEvaluation(oursBrowser, `${server.origin}/s/empty.html`));
  }

  // 1,000 rows appended after load, until the page sees them all in the highlight registry.
  const rows: Record<'warm' | 'cold', RowsRun[]> = { warm: [], cold: [] };
  for (const variant of ['warm', 'cold'] as const) {
    progress(`${ROWS} rows, ${variant} (${elapsed()})`);
    for (let run = 0; run < options.runs; run++) {
      rows[variant].push(await appendRows(oursBrowser, `${server.origin}/s/rows-${variant}.html`));
    }
  }

  // The first page after a browser restart (profile kept), in browsers of its own.
  progress(`first page after a browser restart (${elapsed()})`);
  const restarts = await measureRestarts(
    ours,
    `${server.origin}/s/contact.html`,
    options.runs,
    oursLoad,
  );

  const frames: Record<'floor' | 'ours', FramesLoad[]> = { floor: [], ours: [] };
  if (options.frames > 0) {
    progress(`${options.frames} frames (${elapsed()})`);
    // Ours waits until every frame shows its numbers; the floor (top frame only) for the load.
    const url = `${server.origin}/s/frames.html`;
    const settleFrames = { quiet: options.quiet, timeout: 60_000 };
    for (let run = 0; run < options.runs; run++) {
      const order = run % 2 === 0 ? (['floor', 'ours'] as const) : (['ours', 'floor'] as const);
      for (const which of order) {
        frames[which].push(
          which === 'floor'
            ? await measureFrames(floorBrowser, url, { ...settleFrames, perFrame: 0 })
            : await measureFrames(oursBrowser, url, { ...settleFrames, perFrame: FRAME_NUMBERS }),
        );
      }
    }
  }
  progress('');

  await floorBrowser.close();
  await oursBrowser.close();
  server.close();
  if (!options.extension) rmSync(ours, { recursive: true, force: true });

  report({
    options,
    source,
    version,
    load: { start: loadAtStart, end: loadavg(), rounds: roundLoad },
    sizes,
    evaluation,
    synthetic,
    pages,
    rows,
    restarts,
    findable,
    frames,
    corpus: corpus.length,
  });
}

interface RowsRun {
  /** From the append until the main world sees every new range in the highlight (rAF-polled). */
  ms: number;
  /** The page's own DOM work (building and appending the rows). */
  appendMs: number;
  size: number;
  timedOut: boolean;
  /** Our `net2phone:scan` entries after the append: their sum, longest, and end of the last. */
  scanTotal: number;
  scanLongest: number;
  scanEnd: number;
  entries: number;
  /** Requests to the background after the append. */
  asked: number;
}

async function appendRows(b: BenchBrowser, url: string): Promise<RowsRun> {
  await measureLoad(b, url, { quiet: 300, timeout: 10_000 });
  const result = await b.page.evaluate(() =>
    (
      window as unknown as {
        __benchAppend: () => Promise<{
          ms: number;
          appendMs: number;
          size: number;
          t0: number;
          timedOut: boolean;
        }>;
      }
    ).__benchAppend(),
  );
  // Let the scan finish (it may still record a last entry after the marks are all visible).
  await b.page.waitForTimeout(300);
  const after = await b.page.evaluate(
    ({ name, t0 }) =>
      performance
        .getEntriesByName(name, 'measure')
        .filter((e) => e.startTime >= t0)
        .map((e) => ({ start: e.startTime, duration: e.duration })),
    { name: SCAN_MEASURE, t0: result.t0 },
  );
  const last = after.at(-1);
  return {
    ms: result.ms,
    appendMs: result.appendMs,
    size: result.size,
    timedOut: result.timedOut,
    scanTotal: after.reduce((s, e) => s + e.duration, 0),
    scanLongest: after.reduce((m, e) => Math.max(m, e.duration), 0),
    scanEnd: last ? last.start + last.duration - result.t0 : Number.NaN,
    entries: after.length,
    asked: await b.page.evaluate(
      ({ name, t0 }) =>
        performance.getEntriesByName(name, 'measure').filter((e) => e.startTime >= t0).length,
      { name: FIND_MEASURE, t0: result.t0 },
    ),
  };
}

interface Results {
  options: Options;
  /** What was measured: `src/ at <commit>` or the --extension folder. */
  source: string;
  version: string;
  /** The machine's 1/5/15-minute load averages when the run started and ended. */
  load: { start: number[]; end: number[]; rounds: number[][] };
  /** Content-script evaluation per load of the empty page, ms (traced). */
  evaluation: { floor: number[]; ours: number[] };
  sizes: Record<'contentScript', { file: string; bytes: number; gzip: number }>;
  synthetic: PageResult[];
  pages: PageResult[];
  rows: Record<'warm' | 'cold', RowsRun[]>;
  /** First number marked on the contact card, the first page after each browser restart, ms. */
  restarts: Array<number | null>;
  findable: number;
  /** The frames page, per load (empty with --frames 0). */
  frames: Record<'floor' | 'ours', FramesLoad[]>;
  corpus: number;
}

function parserCell(r: PageResult): string {
  const loaded = r.ours.asked.filter((n) => n > 0).length;
  if (loaded === 0) return 'no';
  return loaded === r.ours.asked.length ? 'yes' : `${loaded}/${r.ours.asked.length}`;
}

/** Each round's ratio, in the order measured ("1.21 1.45 0.98"); empty with one round. */
function roundsCell(r: PageResult): string {
  return r.rounds.length > 1 ? r.rounds.map((x) => x.ratio.toFixed(2)).join(' ') : '';
}

function pageRow(r: PageResult): string[] {
  return [
    `${r.goal ? '*' : ' '} ${r.name}`,
    String(Math.round(r.bytes / 1024)),
    ms(r.floor.total, 2),
    ms(r.ours.total, 2),
    ratio(r.ratio),
    roundsCell(r),
    ms(r.ours.longest, 2),
    String(Math.round(median(r.ours.loads.map((l) => l.entries.length)))),
    parserCell(r),
    parserCell(r) === 'no' ? '–' : ms(r.ours.firstAnswer, 0),
    ms(r.ours.firstMark, 0),
    ms(r.ours.walk, 2),
    parserCell(r) === 'no' ? '–' : ms(r.ours.find, 2),
    String(Math.round(r.ours.marks)),
  ];
}

function reportFrames(results: Results): void {
  const { floor, ours } = results.frames;
  const row = (name: string, runs: FramesLoad[]) => {
    const marked = runs.flatMap((r) => (r.marked === null ? [] : [r.marked]));
    const workers = runs.flatMap((r) => (r.workerHeap === null ? [] : [r.workerHeap]));
    return [
      name,
      spread(
        runs.map((r) => r.loaded),
        (v) => ms(v, 0),
      ),
      name === 'floor'
        ? '–'
        : `${spread(marked, (v) => ms(v, 0))}${marked.length < runs.length ? ` (${runs.length - marked.length} timed out)` : ''}`,
      name === 'floor' ? '–' : String(Math.min(...runs.map((r) => r.framesMarked))),
      ms(median(runs.map((r) => r.scanTotal)), 0),
      String(Math.round(median(runs.map((r) => r.entries)))),
      String(Math.round(median(runs.map((r) => r.asked)))),
      spread(
        runs.map((r) => r.heap),
        mb,
      ),
      workers.length > 0 ? spread(workers, mb) : '–',
    ];
  };
  console.log();
  console.log(
    `${results.options.frames} same-origin iframes, ${FRAME_NUMBERS} numbers each, a fresh tab ` +
      `per load: median (min–max) of ${results.options.runs} loads:`,
  );
  console.log(
    table(
      [
        'frames page',
        'loaded ms',
        'all marked ms',
        'marked (min)',
        'scan ms',
        'entries',
        'requests',
        'tab heap MB',
        'background MB',
      ],
      [row('floor', floor), row('ours', ours)],
    ),
  );
  console.log(
    'loaded = navigation start → load event (every frame loaded); all marked = → every frame ' +
      'shows its numbers in CSS.highlights (rAF-polled);\nscan/entries/requests = net2phone:scan ' +
      'and net2phone:find over all frames; heap = JS heap after a forced GC (Runtime.getHeapUsage: ' +
      "the renderer's isolate,\nall frames and worlds); background = the extension's service " +
      `worker, likewise. The floor runs in the top frame only (≈ no extension in the frames). ` +
      `MB = 2^20 bytes; ours − floor: ${mb(median(ours.map((r) => r.heap)) - median(floor.map((r) => r.heap)))} MB.`,
  );
}

function report(results: Results): void {
  const { options, sizes, synthetic, pages, rows } = results;
  const header = [
    'page (* = 8 largest)',
    'KB',
    'floor ms',
    'ours ms',
    'ratio',
    'each round',
    'longest',
    'entries',
    'parser',
    'first ms',
    '1st mark',
    'walk ms',
    'mark ms',
    'marks',
  ];
  const allLoads = [...synthetic, ...pages].flatMap((r) => [...r.floor.loads, ...r.ours.loads]);
  const unsettled = allLoads.filter((l) => !l.settled).length;

  const loads = (l: number[]) => l.map((x) => x.toFixed(1)).join('/');
  const rounds =
    options.repeat > 1
      ? ` in each of ${options.repeat} rounds (every page once per round; the tables pool ` +
        "all of a page's loads, and 'each round' gives every round's own ratio)"
      : '';
  console.log(
    `\nScan cost of ${results.source} in Chromium ${results.version}: medians of ${options.runs} loads per page and ` +
      `extension (${options.otherRuns} for readability pages outside the 8 largest)${rounds}, floor ` +
      'and ours alternating, after a warm-up. Machine load average (1/5/15 min) at start ' +
      `${loads(results.load.start)}, ${options.repeat > 1 ? `at the start of each round ${results.load.rounds.map((l) => l[0]?.toFixed(1)).join(', ')}, ` : ''}at end ` +
      `${loads(results.load.end)} on ${cpus().length} cores: ` +
      "timings are wall-clock and others' work inflates them.",
  );
  console.log(
    `Saved pages are served static and offline from pages.${PAGE_DOMAIN}: their <script> elements are ` +
      `stripped (${pages.reduce((n, p) => n + p.scriptsRemoved, 0)} from the ${pages.length} ` +
      'pages measured), a Content-Security-Policy refuses every fetch they make, and other hosts ' +
      'fail DNS.',
  );
  console.log(
    'floor/ours ms = sum of net2phone:scan entries; longest = our longest entry (our longest ' +
      'run without yielding); entries = how many;\nparser = blocks sent to the background to be ' +
      'read (net2phone:find requests); first = from navigation start until the first answer ' +
      '(wall time); 1st mark = from navigation start until the page first sees a range in our ' +
      'highlight (rAF-polled);\nwalk = our entries before the first request (walker + digit gate); mark = ' +
      'after it (marking what came back); marks = ranges in our highlight.\n',
  );
  // The 'each round' column only when there are rounds to show.
  const shown = (cells: string[]) => (options.repeat > 1 ? cells : cells.filter((_, i) => i !== 5));
  const pageTable = (rows: PageResult[]) => table(shown(header), rows.map(pageRow).map(shown));
  console.log(pageTable(synthetic));
  console.log();
  console.log(pageTable(pages));

  // 1,000 rows.
  console.log();
  const rowTable = (['warm', 'cold'] as const).map((variant) => {
    const runs = rows[variant];
    return [
      variant === 'warm' ? 'background already asked' : 'first request on append',
      ms(median(runs.map((r) => r.ms)), 0),
      ms(median(runs.map((r) => r.appendMs)), 1),
      ms(median(runs.map((r) => r.scanEnd)), 0),
      ms(median(runs.map((r) => r.scanTotal)), 1),
      ms(median(runs.map((r) => r.scanLongest)), 1),
      String(Math.round(median(runs.map((r) => r.entries)))),
      `${Math.min(...runs.map((r) => r.size))}/${variant === 'warm' ? results.findable + 1 : results.findable}`,
    ];
  });
  console.log(
    `${ROWS} rows appended after load (${results.findable} with a findable US number), medians ` +
      `of ${options.runs}:`,
  );
  console.log(
    table(
      [
        'rows',
        'marked ms',
        'append ms',
        'scan end ms',
        'scan ms',
        'longest',
        'entries',
        'marks (min)',
      ],
      rowTable,
    ),
  );
  console.log(
    'marked = from the append until the main world sees every range in ' +
      "CSS.highlights.get('net2phone-number') (rAF-polled, so up to a frame late);\n" +
      'scan end = until our last entry ends; scan = sum of our entries after the append.',
  );
  if (options.frames > 0) reportFrames(results);

  console.log();
  console.log(
    'Content-script evaluation (compile + top-level run, traced, empty page, median): floor ' +
      `${ms(median(results.evaluation.floor), 2)} ms, ours ${ms(median(results.evaluation.ours), 2)} ms ` +
      '(paid by every frame before any scan; not in the scan entries).',
  );
  console.log(
    `Sizes (gzip -9): always-injected content script ${sizes.contentScript.file} ` +
      `${kb(sizes.contentScript.gzip)} (${kb(sizes.contentScript.bytes)} raw); the parser runs ` +
      'in the background, once for every frame.',
  );

  // Goals.
  // `null`: not every page the goal names was measured (a --pages/--page run) and none missed.
  const goals: { goal: string; met: boolean | null; detail: string }[] = [];
  const goalPages = pages.filter((p) => p.goal);
  if (goalPages.length > 0) {
    const worst = goalPages.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    const over = goalPages.filter((p) => p.ratio > GOALS.largestRatio);
    const everyRound = goalPages.filter((p) =>
      p.rounds.every((r) => r.ratio <= GOALS.largestRatio),
    ).length;
    goals.push({
      goal: `≤ ${GOALS.largestRatio}× floor on the ${GOALS.largestPages} largest readability pages`,
      met: over.length > 0 ? false : goalPages.length === GOALS.largestPages ? true : null,
      detail:
        `${goalPages.length - over.length}/${goalPages.length} within; worst ${worst.name} ` +
        `${ratio(worst.ratio)}${goalPages.length < GOALS.largestPages ? ' (not all measured)' : ''}` +
        (options.repeat > 1
          ? `; ${everyRound}/${goalPages.length} within in every one of ${options.repeat} rounds`
          : ''),
    });
  }
  const digitFree = synthetic.filter((p) => p.kind === 'digit-free');
  const digitFreeWorst = digitFree.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const parserOnDigitFree = digitFree.filter((p) => p.ours.asked.some((n) => n > 0));
  goals.push({
    goal: `digit-free pages ≤ ${GOALS.digitFreeRatio}× floor, parser never loaded`,
    met: digitFreeWorst.ratio <= GOALS.digitFreeRatio && parserOnDigitFree.length === 0,
    detail:
      `${digitFree.map((p) => `${p.name} ${ratio(p.ratio)}`).join(', ')}; parser loaded on ` +
      `${parserOnDigitFree.length} of ${digitFree.length}`,
  });
  const empty = synthetic.find((p) => p.kind === 'empty');
  if (empty) {
    goals.push({
      goal: `≤ ${GOALS.emptyMs} ms on an empty page`,
      met: empty.ours.total <= GOALS.emptyMs,
      detail:
        `${ms(empty.ours.total, 2)} ms of scan entries (floor ${ms(empty.floor.total, 2)} ms); ` +
        `with evaluating the content script ${ms(empty.ours.total + median(results.evaluation.ours), 2)} ms`,
    });
  }
  const measured = [...synthetic, ...pages];
  const overEntry = measured.filter((p) => p.ours.longest > GOALS.entryMs);
  const maxEntry = Math.max(...measured.flatMap((p) => p.ours.loads.map((l) => l.longest)));
  // Like the pages: the median over runs of each run's longest entry (one descheduled outlier on a
  // busy machine is not our code); the single longest entry seen is reported beside it.
  const rowsLongest = Math.max(
    median(rows.warm.map((r) => r.scanLongest)),
    median(rows.cold.map((r) => r.scanLongest)),
  );
  const rowsMax = Math.max(...[...rows.warm, ...rows.cold].map((r) => r.scanLongest));
  goals.push({
    goal: `no scan entry over ${GOALS.entryMs} ms`,
    met: overEntry.length === 0 && rowsLongest <= GOALS.entryMs,
    detail:
      `${overEntry.length} of ${measured.length} pages over (median of their longest entry)` +
      `${overEntry.length ? `: ${overEntry.map((p) => `${p.name} ${ms(p.ours.longest)}`).join(', ')}` : ''}` +
      `; rows test ${ms(rowsLongest)} ms (median); single longest entry seen: pages ` +
      `${ms(maxEntry)} ms, rows ${ms(rowsMax)} ms`,
  });
  goals.push({
    goal: `always-injected content script ≤ ${GOALS.contentScriptGzip / 1024} KB gzip`,
    met: sizes.contentScript.gzip <= GOALS.contentScriptGzip,
    detail: `${kb(sizes.contentScript.gzip)} (${sizes.contentScript.gzip} B)`,
  });
  for (const variant of ['warm', 'cold'] as const) {
    const runs = rows[variant];
    const value = median(runs.map((r) => r.ms));
    goals.push({
      goal: `${ROWS} rows marked ≤ ${GOALS.rowsMs} ms (${variant === 'warm' ? 'background already asked' : 'first request on append'})`,
      met: value <= GOALS.rowsMs && runs.every((r) => !r.timedOut),
      detail: `${ms(value, 0)} ms${runs.some((r) => r.timedOut) ? ' (some runs timed out)' : ''}`,
    });
  }

  const restartMarks = results.restarts.flatMap((v) => (v === null ? [] : [v]));
  goals.push({
    goal: `first page after a browser restart marked ≤ ${GOALS.restartFirstMarkMs} ms from navigation start`,
    met:
      restartMarks.length === results.restarts.length &&
      median(restartMarks) <= GOALS.restartFirstMarkMs,
    detail:
      `contact card (${FRAME_NUMBERS} numbers), median (min–max) of ${results.restarts.length} restarts ` +
      `${restartMarks.length > 0 ? spread(restartMarks, (v) => ms(v, 0)) : '–'} ms` +
      `${restartMarks.length < results.restarts.length ? `; ${results.restarts.length - restartMarks.length} never marked` : ''}`,
  });

  if (options.frames > 0) {
    const runs = results.frames.ours;
    const all = runs.filter((r) => r.framesMarked === options.frames).length;
    goals.push({
      goal: `every frame marked on a page of ${options.frames} same-origin iframes`,
      met: all === runs.length,
      detail:
        `${all} of ${runs.length} loads; median ${ms(median(runs.flatMap((r) => (r.marked === null ? [] : [r.marked]))), 0)} ms ` +
        `from navigation start, tab heap ${mb(median(runs.map((r) => r.heap)))} MB (floor ` +
        `${mb(median(results.frames.floor.map((r) => r.heap)))} MB)`,
    });
  }

  const withParser = pages.filter((p) => parserCell(p) !== 'no').length;
  const ratios = pages.map((p) => p.ratio);
  console.log();
  console.log(
    `Readability pages measured: ${pages.length} of ${results.corpus}; median ratio ` +
      `${ratio(median(ratios))}, worst ${ratio(Math.max(...ratios))}; parser injected on ` +
      `${withParser} of ${pages.length}.${unsettled ? ` ${unsettled} loads did not settle in time.` : ''}`,
  );
  const firstMarks = (p: PageResult) =>
    p.ours.loads.flatMap((l) => (l.firstMark === null ? [] : [l.firstMark]));
  const withMarks = [...synthetic, ...pages].filter((p) => firstMarks(p).length > 0);
  if (withMarks.length > 0) {
    console.log(
      'First number marked (navigation start → the page sees a range in our highlight), median ' +
        `(min–max) of each page's loads: ${withMarks
          .map((p) => `${p.name} ${spread(firstMarks(p), (v) => ms(v, 0))} ms`)
          .join('; ')}.`,
    );
  }
  console.log('\nGoals:');
  const status = (met: boolean | null) => (met === null ? 'PARTIAL' : met ? 'MET    ' : 'MISSED ');
  for (const g of goals) console.log(`  ${status(g.met)} ${g.goal}: ${g.detail}`);

  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    `${JSON.stringify({ date: new Date().toISOString(), goals: GOALS, met: goals, ...results }, null, 1)}\n`,
  );
  console.log(`\nFull results: ${OUT.replace(`${ROOT}/`, '')} (${elapsed()} in all)`);
}

await main();

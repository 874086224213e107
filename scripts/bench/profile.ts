// Where our scan spends its time on one page: the V8 CPU profiler (CDP `Profiler`) over a few
// loads of a corpus page in Chromium with the extension built from src/ unminified, so function
// names survive. Run before optimising, to see what to optimise:
//
//   npx tsx scripts/bench/profile.ts yahoo-1 [--loads 5] [--interval 50] [--minified] [--keep]
//
// Prints the page's shape (elements, text nodes, text nodes with a digit, shadow hosts), our
// `net2phone:scan` total per load (the profiler slows it) beside the floor's between them, and the sampled time under our content script grouped by our
// innermost function (browser code it calls counted in it: getComputedStyle, TreeWalker steps)
// and by the leaf frame. Sampling is statistical: trust differences of several samples only.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launch, measureLoad, PAGE_DOMAIN } from './browser';
import { readCorpus, serve } from './pages';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/pages/readability');
const FLOOR_EXTENSION = resolve(ROOT, 'test/bench/floor-extension');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function parseArgs(argv: string[]) {
  const options = { page: '', loads: 5, interval: 50, minified: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--loads') options.loads = Number(argv[++i]);
    else if (arg === '--interval') options.interval = Number(argv[++i]);
    else if (arg === '--minified') options.minified = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg?.startsWith('--')) throw new Error(`unknown argument: ${arg}`);
    else options.page = arg ?? '';
  }
  if (!options.page) throw new Error('usage: profile.ts <page name part> [--loads N]');
  return options;
}

/** The release build (default API origin), unminified unless asked. */
async function buildUnminified(minified: boolean): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'n2p-profile-'));
  const saved = { ...process.env };
  Object.assign(process.env, { N2P_TARGET: 'chrome', N2P_OUT_DIR: outDir });
  delete process.env.N2P_API_BASE;
  delete process.env.N2P_CLIENT_ID;
  try {
    await build({
      configFile: resolve(ROOT, 'vite.config.ts'),
      logLevel: 'error',
      build: { minify: minified },
    });
  } finally {
    process.env = saved;
  }
  return outDir;
}

/** Sampled ms per key, over the samples whose stack holds our content script. */
function attribute(
  profile: Profile,
  into: { inner: Map<string, number>; leaf: Map<string, number>; lines: Map<string, number> },
) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  for (const n of profile.nodes) {
    if (!n.callFrame.url.startsWith('chrome-extension://')) continue;
    for (const t of n.positionTicks ?? []) {
      const key = `line ${t.line} (${n.callFrame.functionName || '(anonymous)'})`;
      into.lines.set(key, (into.lines.get(key) ?? 0) + t.ticks);
    }
  }
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id);
    if (!leaf) return;
    let inner: ProfileNode | null = null;
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      if (n.callFrame.url.startsWith('chrome-extension://')) {
        inner = n;
        break;
      }
    }
    if (!inner) return;
    total += ms;
    into.inner.set(name(inner), (into.inner.get(name(inner)) ?? 0) + ms);
    into.leaf.set(name(leaf), (into.leaf.get(name(leaf)) ?? 0) + ms);
  });
  return total;
}

function top(map: Map<string, number>, loads: number, count = 25): string {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, v]) => `  ${(v / loads).toFixed(2).padStart(7)} ms  ${k}`)
    .join('\n');
}

/** The page's shape, read in its main world. */
function shape() {
  let elements = 0;
  let texts = 0;
  let digitTexts = 0;
  let hosts = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 1) {
      elements++;
      if ((n as Element).shadowRoot) hosts++;
    } else if (n.nodeType === 3) {
      texts++;
      if (/\p{Nd}/u.test((n as Text).data)) digitTexts++;
    }
  }
  return { elements, texts, digitTexts, hosts };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(CORPUS)) throw new Error(`${CORPUS} not found`);
  const page = readCorpus(CORPUS).find((p) => p.name.includes(options.page));
  if (!page) throw new Error(`no corpus page matches ${options.page}`);
  const ours = await buildUnminified(options.minified);
  const server = await serve(new Map([[`/r/${page.name}`, page.html]]), `pages.${PAGE_DOMAIN}`);
  const b = await launch(ours, true);
  const floor = await launch(FLOOR_EXTENSION, false);
  const url = `${server.origin}/r/${page.name}`;
  try {
    await measureLoad(floor, url, { quiet: 0, timeout: 10_000 });
    // Warm-up: code caches, the background's parser.
    await measureLoad(b, url, { quiet: 300, timeout: 10_000 });
    console.log(`${page.name}:`, await b.page.evaluate(shape));
    await b.cdp.send('Profiler.enable');
    await b.cdp.send('Profiler.setSamplingInterval', { interval: options.interval });
    const found = {
      inner: new Map<string, number>(),
      leaf: new Map<string, number>(),
      lines: new Map<string, number>(),
    };
    let sampled = 0;
    const totals: string[] = [];
    const floorTotals: string[] = [];
    for (let i = 0; i < options.loads; i++) {
      await b.cdp.send('Profiler.start');
      const load = await measureLoad(b, url, { quiet: 300, timeout: 10_000 });
      const { profile } = (await b.cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      sampled += attribute(profile, found);
      totals.push(`${load.total.toFixed(1)} (${load.entries.length} entries)`);
      // The floor, loaded between ours (not profiled): how far the machine's load moves things.
      floorTotals.push(
        (await measureLoad(floor, url, { quiet: 0, timeout: 10_000 })).total.toFixed(1),
      );
    }
    console.log(`net2phone:scan total per load (profiled), ms: ${totals.join(', ')}`);
    console.log(`the floor's total, loaded between them, ms: ${floorTotals.join(', ')}`);
    console.log(
      `sampled under our content script: ${(sampled / options.loads).toFixed(2)} ms/load`,
    );
    console.log('\nby our innermost function (inclusive of browser code it calls), ms/load:');
    console.log(top(found.inner, options.loads));
    console.log('\nby leaf frame, ms/load:');
    console.log(top(found.leaf, options.loads));
    console.log(`\nself samples by line of our script (every ${options.interval} µs), per load:`);
    console.log(top(found.lines, options.loads, 30).replaceAll(' ms ', '    '));
    console.log(`(source: ${ours}/src/content/index.js, kept with --keep)`);
  } finally {
    await b.close();
    await floor.close();
    server.close();
    if (!options.keep) rmSync(ours, { recursive: true, force: true });
  }
}

await main();

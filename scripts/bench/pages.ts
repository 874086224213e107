// The pages the benchmark loads: the saved readability pages of ../shared/corpus (made static and
// offline: <script> elements and meta refreshes stripped, every fetch refused), a few synthetic
// pages, and a tiny HTTP server on 127.0.0.1 that serves them all from memory.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { findPhoneNumbers } from '../../src/phone/index';

export interface CorpusPage {
  name: string;
  /** Size of the saved file as stored in the corpus (bytes); "largest" ranks by this. */
  bytes: number;
  html: string;
  scriptsRemoved: number;
}

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
const STRAY_SCRIPT = /<script\b[^>]*\/?>/gi;
const META_REFRESH = /<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi;
const HEAD = /<head\b[^>]*>/i;
const DOCTYPE = /^\s*<!doctype[^>]*>/i;

/**
 * Refuses every fetch the page would make (images, fonts, style sheets; its inline styles still
 * apply). They all failed anyway (other hosts fail DNS), but a saved page asks for hundreds, and
 * the browser handling them while the scan ran starved the page's main thread on 2 cores: a
 * traced floor script ran 1.5 ms of CPU in 8-11 ms of wall time in 4 of 6 loads of yahoo-1.
 * Content scripts are not subject to the page's policy.
 */
const NO_FETCH =
  '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">';

/** `html` with NO_FETCH first in its head (after the doctype, which must stay first). */
function withoutFetches(html: string): string {
  if (HEAD.test(html)) return html.replace(HEAD, (head) => head + NO_FETCH);
  const doctype = DOCTYPE.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + NO_FETCH + html.slice(at);
}

/** A saved page without its scripts or fetches, so it is static and makes no requests at all. */
export function staticHtml(raw: string): { html: string; scriptsRemoved: number } {
  let removed = 0;
  const html = raw
    .replace(SCRIPT, () => {
      removed++;
      return '';
    })
    .replace(STRAY_SCRIPT, () => {
      removed++;
      return '';
    })
    .replace(META_REFRESH, '');
  return { html: withoutFetches(html), scriptsRemoved: removed };
}

/** The readability pages, largest first. */
export function readCorpus(dir: string): CorpusPage[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .map((name) => {
      const file = path.join(dir, name);
      return { name, bytes: statSync(file).size, ...staticHtml(readFileSync(file, 'utf8')) };
    })
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
}

/** Any Unicode decimal digit, replaced by a letter to make a digit-free copy of a real page. */
const ANY_DIGIT = /\p{Nd}/gu;
export function withoutDigits(html: string): string {
  return html.replace(ANY_DIGIT, 'n');
}

const WORDS = (
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut ' +
  'labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris ' +
  'nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse ' +
  'cillum eu fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui ' +
  'officia deserunt mollit anim id est laborum'
).split(' ');

/** Deterministic pseudo-random words (no digits anywhere in the text). */
function lorem(seed: number, count: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[x % WORDS.length] ?? 'lorem');
  }
  return out.join(' ');
}

/**
 * A big page with no digit anywhere in its text (≈ the size of a large news page): headings,
 * paragraphs with inline markup, lists and a table, so the walker meets the usual mix of blocks.
 */
export function loremPage(sections = 400): string {
  const parts = ['<!doctype html><html lang="en"><head><meta charset="utf-8">'];
  parts.push('<title>Lorem ipsum</title></head><body><main><h1>Lorem ipsum</h1>');
  for (let s = 0; s < sections; s++) {
    parts.push(`<section><h2>${lorem(s, 5)}</h2>`);
    parts.push(
      `<p>${lorem(s * 7 + 1, 30)} <a href="#s">${lorem(s + 3, 3)}</a> ${lorem(s + 9, 20)}`,
    );
    parts.push(` <em>${lorem(s + 11, 4)}</em> ${lorem(s + 13, 25)}.</p>`);
    parts.push(
      `<ul><li>${lorem(s + 17, 6)}</li><li><b>${lorem(s + 19, 2)}</b> ${lorem(s, 8)}</li>`,
    );
    parts.push(`<li>${lorem(s + 23, 7)}</li></ul>`);
    if (s % 10 === 0) {
      parts.push('<table><tbody>');
      for (let r = 0; r < 5; r++) {
        parts.push(`<tr><td>${lorem(s + r, 2)}</td><td>${lorem(s + r + 1, 3)}</td></tr>`);
      }
      parts.push('</tbody></table>');
    }
    parts.push('</section>');
  }
  parts.push('</main></body></html>');
  return parts.join('');
}

export const EMPTY_PAGE = '<!doctype html><title>x</title>';

const AREAS = [201, 212, 213, 305, 312, 415, 617, 646, 702, 713, 718, 773, 818, 917, 973];

/** The US numbers the rows page appends (valid under real metadata; checked below). */
export function rowNumbers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const area = AREAS[i % AREAS.length];
    const exchange = 200 + ((i * 37) % 700);
    const line = String((i * 7919) % 10000).padStart(4, '0');
    return `(${area}) ${exchange}-${line}`;
  });
}

/** How many of `numbers` our engine finds (so the page knows how many marks to wait for). */
export function countFindable(numbers: string[]): number {
  return numbers.filter((n) => findPhoneNumbers(n, { defaultCountry: 'US' }).length === 1).length;
}

/**
 * A CRM-like table. `window.__benchAppend()` (called by the benchmark after the first scan has
 * settled) appends the rows in one go and resolves with the time until the page's main world
 * sees `target` ranges in the `net2phone-number` highlight, polled with requestAnimationFrame.
 * With `warm`, the page already shows one number, so the parser is loaded before the append.
 */
export function rowsPage(numbers: string[], target: number, warm: boolean): string {
  const header = warm ? 'Support line: (973) 555-1212' : 'Contacts';
  const script = `
const NUMBERS = ${JSON.stringify(numbers)};
window.__benchAppend = () => new Promise((resolve) => {
  const t0 = performance.now();
  const body = document.getElementById('rows');
  const fragment = document.createDocumentFragment();
  NUMBERS.forEach((number, i) => {
    const tr = document.createElement('tr');
    for (const text of ['Contact ' + String.fromCharCode(65 + (i % 26)) + ' ' + 'abcdefghij'[i % 10],
                        number, 'Acme Widgets']) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    fragment.append(tr);
  });
  body.append(fragment);
  const appended = performance.now() - t0;
  const deadline = t0 + 10000;
  const poll = () => {
    const size = CSS.highlights.get('net2phone-number')?.size ?? 0;
    const now = performance.now();
    if (size >= ${target} || now > deadline) {
      resolve({ ms: now - t0, appendMs: appended, size, t0, timedOut: size < ${target} });
    } else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
});`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contacts</title></head>
<body><h1>${header}</h1><table><thead><tr><th>Name</th><th>Phone</th><th>Company</th></tr></thead>
<tbody id="rows"></tbody></table><script>${script}</script></body></html>`;
}

/** The contact card in frame `i` of the frames page: three numbers, all findable (see framesPage). */
export function framePage(i: number): string {
  const line = (area: number, offset: number) =>
    `(${area}) 555-01${String((i + offset) % 100).padStart(2, '0')}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contact</title>
<style>body{font:13px sans-serif;margin:6px}h2{font-size:14px;margin:0 0 4px}p{margin:2px 0}</style>
</head><body><div class="card"><h2>Contact ${String.fromCharCode(65 + (i % 26))}. Example</h2>
<p>Acme Widgets, Newark NJ</p><p>Office: ${line(973, 0)}</p><p>Mobile: ${line(201, 37)}</p>
<p>Fax: ${line(212, 71)}</p></div></body></html>`;
}

/** The numbers one frame of the frames page shows (three). */
export const FRAME_NUMBERS = 3;

/**
 * A page of `count` same-origin iframes, each a contact card with FRAME_NUMBERS numbers
 * (`/s/frames/<i>.html`, see framePage): the case where one parser per frame would cost most
 * (issue 9 measured 200 frames with the parser injected into each). The page itself has no digit.
 */
export function framesPage(count: number): string {
  const frames = Array.from(
    { length: count },
    (_, i) =>
      `<iframe src="/s/frames/${i}.html" title="Contact" width="220" height="110"></iframe>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contacts</title>
<style>iframe{border:1px solid #ccc;margin:2px}</style></head>
<body><h1>Contacts</h1>${frames.join('\n')}</body></html>`;
}

/**
 * Serves `pages` (path → html) from memory on 127.0.0.1, addressed as `http://<host>:<port>/`
 * (a name the browser maps to 127.0.0.1, never the address itself: the extension must hold no
 * special permission for the pages it is measured on); everything else is a 404.
 */
export async function serve(
  pages: Map<string, string>,
  host: string,
): Promise<{ origin: string; close(): void }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const html = pages.get(url.pathname);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://${host}:${port}`, close: () => server.close() };
}

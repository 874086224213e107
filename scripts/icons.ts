/**
 * `npm run icons`: the toolbar icons, rendered from their SVG sources by Debian's Chromium.
 *
 *   docs/icon.svg     the drawing, used for 32, 48 and 128 px
 *   docs/icon-16.svg  the 16 px icon drawn pixel by pixel, so the toolbar icon stays sharp
 *   → public/icons/icon-{16,32,48,128}.png
 *
 * It also prints the contrast of the badge colour (read from src/background/badge.ts) against
 * the icon's tile and the browsers' toolbars, and fails below 3:1 (WCAG 1.4.11).
 *
 * `npm run icons -- --before <git revision>` also writes docs/icon-comparison.png: the icons and
 * badge of that revision beside the current ones, at 1× and magnified, on light and dark toolbars.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SIZES = [16, 32, 48, 128] as const;
/** Toolbars the badge sits on: Chrome and Firefox, light and dark themes. */
const TOOLBARS = {
  'Chrome light': '#ffffff',
  'Firefox light': '#f9f9fb',
  'Chrome dark': '#3c3c3c',
  'Chrome dark (older)': '#35363a',
  'Firefox dark': '#2b2a33',
};
const MIN_CONTRAST = 3;

const master = readFileSync('docs/icon.svg', 'utf8');
const pixels16 = readFileSync('docs/icon-16.svg', 'utf8');

/** The `fill` of the element with this id; both sources must agree on it. */
function fillOf(id: string): string {
  const fills = [master, pixels16].map(
    (svg) => new RegExp(`id="${id}"[^>]*fill="(#[0-9a-f]{6})"`, 'i').exec(svg)?.[1],
  );
  if (!fills[0] || fills[0] !== fills[1]) {
    throw new Error(`#${id} fill differs between docs/icon.svg and docs/icon-16.svg: ${fills}`);
  }
  return fills[0];
}

function badgeColourIn(source: string): string {
  const colour = /setBadgeBackgroundColor\(\{\s*color:\s*'(#[0-9a-f]{6})'/i.exec(source)?.[1];
  if (!colour) throw new Error('no setBadgeBackgroundColor colour in src/background/badge.ts');
  return colour;
}

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function checkContrast(badge: string, tile: string, glyph: string): boolean {
  const pairs: Array<[string, string, string]> = [
    ['handset on tile', glyph, tile],
    ['badge on tile', badge, tile],
    ...Object.entries(TOOLBARS).map(([name, colour]): [string, string, string] => [
      `badge on ${name} ${colour}`,
      badge,
      colour,
    ]),
    // Chrome always writes the badge text in white; Firefox picks black or white.
    ['white badge text', '#ffffff', badge],
  ];
  let ok = true;
  console.log(`badge ${badge}, tile ${tile}, handset ${glyph}`);
  for (const [name, a, b] of pairs) {
    const ratio = contrast(a, b);
    ok &&= ratio >= MIN_CONTRAST;
    console.log(`  ${ratio.toFixed(2)}:1  ${name}${ratio < MIN_CONTRAST ? '  < 3:1' : ''}`);
  }
  return ok;
}

/** One SVG rendered at `size` px, transparent around it. */
async function renderSvg(page: Page, svg: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  return page.screenshot({ omitBackground: true, type: 'png' });
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/**
 * A toolbar button at 1×: the 16 px icon centred in 28 px with a "9" badge at its bottom right,
 * roughly as Chrome draws it (12 px high, white bold text, 2 px padding).
 */
function button(icon16: Buffer, badge: string, toolbar: string, withBadge: boolean): string {
  return `<div style="position:relative;width:28px;height:28px;background:${toolbar}">
    <img src="${dataUrl(icon16)}" style="position:absolute;left:6px;top:6px;width:16px;height:16px">
    ${
      withBadge
        ? `<span style="position:absolute;right:1px;bottom:2px;min-width:8px;height:12px;padding:0 2px;
             border-radius:3px;background:${badge};color:#fff;font:bold 9px/12px sans-serif;
             text-align:center">9</span>`
        : ''
    }</div>`;
}

type Size = (typeof SIZES)[number];

interface IconSet {
  label: string;
  png: Record<Size, Buffer>;
  badge: string;
}

async function comparison(page: Page, sets: IconSet[]): Promise<Buffer> {
  const toolbars = [TOOLBARS['Chrome light'], TOOLBARS['Chrome dark']];
  const cells: string[] = [];
  for (const set of sets) {
    let cell = '';
    // Each toolbar strip at 1×, then shown both as is and magnified 6× with no smoothing.
    for (const colour of toolbars) {
      await page.setViewportSize({ width: 56, height: 28 });
      await page.setContent(
        `<body style="margin:0;display:flex">${button(set.png[16], set.badge, colour, false)}${button(set.png[16], set.badge, colour, true)}</body>`,
      );
      const strip = dataUrl(await page.screenshot({ type: 'png' }));
      cell += `<div class="row">
          <img src="${strip}" style="width:56px;height:28px">
          <img class="px" src="${strip}" style="width:336px;height:168px">
        </div>`;
    }
    cells.push(`<td>${cell}
      <div class="row">
        <img class="px" src="${dataUrl(set.png[16])}" style="width:128px;height:128px">
        <img src="${dataUrl(set.png[32])}" style="width:32px;height:32px">
        <img src="${dataUrl(set.png[48])}" style="width:48px;height:48px">
        <img src="${dataUrl(set.png[128])}" style="width:128px;height:128px">
      </div>
      <p>badge ${set.badge}</p>
    </td>`);
  }
  await page.setViewportSize({ width: 960, height: 100 });
  await page.setContent(`<style>
      body{margin:0;padding:16px;background:#e8eaed;font:14px sans-serif;color:#202124}
      table{border-spacing:24px 0} th{text-align:left;font-size:16px;padding-bottom:8px}
      .row{display:flex;align-items:flex-end;gap:16px;margin-bottom:16px}
      .px{image-rendering:pixelated} p{margin:0}
    </style>
    <table><tr>${sets.map((s) => `<th>${s.label}</th>`).join('')}</tr>
      <tr>${cells.join('')}</tr></table>
    <p style="margin:8px 24px 0">Each strip: a toolbar button without and with a badge, at 1× and
      magnified 6× (the badge drawn roughly as Chrome draws it); then the 16 px icon magnified 8×,
      and the 32, 48 and 128 px icons.</p>`);
  return page.screenshot({ type: 'png', fullPage: true });
}

function gitShow(revision: string, file: string): Buffer {
  return execFileSync('git', ['show', `${revision}:${file}`], { maxBuffer: 1 << 24 });
}

const before = process.argv.includes('--before')
  ? process.argv[process.argv.indexOf('--before') + 1]
  : undefined;
if (process.argv.includes('--before') && !before) throw new Error('--before needs a revision');

const badge = badgeColourIn(readFileSync('src/background/badge.ts', 'utf8'));
const contrastOk = checkContrast(badge, fillOf('tile'), fillOf('handset'));

const userDataDir = mkdtempSync(path.join(tmpdir(), 'n2p-icons-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  ignoreDefaultArgs: ['--headless'],
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--force-device-scale-factor=1'],
});
try {
  const page = await context.newPage();
  const png = {} as Record<Size, Buffer>;
  for (const size of SIZES) {
    png[size] = await renderSvg(page, size === 16 ? pixels16 : master, size);
    writeFileSync(`public/icons/icon-${size}.png`, png[size]);
  }
  console.log(`wrote public/icons/icon-{${SIZES.join(',')}}.png`);

  if (before) {
    const old: IconSet = {
      label: `Before (${before})`,
      png: {
        16: gitShow(before, 'public/icons/icon-16.png'),
        32: gitShow(before, 'public/icons/icon-32.png'),
        48: gitShow(before, 'public/icons/icon-48.png'),
        128: gitShow(before, 'public/icons/icon-128.png'),
      },
      badge: badgeColourIn(gitShow(before, 'src/background/badge.ts').toString('utf8')),
    };
    const now: IconSet = { label: 'After', png, badge };
    writeFileSync('docs/icon-comparison.png', await comparison(page, [old, now]));
    console.log('wrote docs/icon-comparison.png');
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
if (!contrastOk) {
  console.error(`a badge or icon contrast is below ${MIN_CONTRAST}:1`);
  process.exitCode = 1;
}

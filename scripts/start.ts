/**
 * `npm start`: the demo, no net2phone account needed. Starts the project's fake
 * net2phone API and a page full of numbers on 127.0.0.1, builds the extension
 * against the fake (dist/demo/), and opens Chromium with it loaded. Without a
 * display it prints what was started and how to load the extension by hand.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { demoUser, startFakeApi } from '../test/fake-api/server';

const API_PORT = Number(process.env.N2P_DEMO_API_PORT ?? 8787);
const PAGE_PORT = Number(process.env.N2P_DEMO_PAGE_PORT ?? 8788);

const fake = await startFakeApi({
  port: API_PORT,
  onRequest: (r) =>
    console.log(
      `  fake API  ${r.method} ${r.path}${r.fields.to ? ` to=${String(r.fields.to)}` : ''} → ${r.status || 'dropped'}`,
    ),
});

const demoHtml = readFileSync(path.resolve('test/fixtures/pages/demo.html'));
const pages = createServer((req, res) => {
  if (req.url === '/' || req.url === '/index.html') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(demoHtml);
  } else {
    res.writeHead(404).end('Not found');
  }
});
await new Promise<void>((resolve) => pages.listen(PAGE_PORT, '127.0.0.1', resolve));
const pageUrl = `http://127.0.0.1:${PAGE_PORT}/`;

const outDirs: Record<string, string> = {};
for (const target of ['chrome', 'firefox']) {
  outDirs[target] = path.resolve('dist/demo', target);
  Object.assign(process.env, {
    N2P_TARGET: target,
    N2P_API_BASE: fake.url,
    N2P_CLIENT_ID: demoUser.clientId,
    N2P_OUT_DIR: outDirs[target],
  });
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
}

console.log(`
Click-to-Call for net2phone — demo
  Fake net2phone API   ${fake.url}   (every request is logged below)
  Demo page            ${pageUrl}
  Extension (Chrome)   ${outDirs.chrome}
  Extension (Firefox)  ${outDirs.firefox}

Sign in from the extension's popup with:
  Email      ${demoUser.username}
  Password   ${demoUser.password}
  Client ID  ${demoUser.clientId}   (set by this build: the form does not ask for it)
`);

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const chromium = candidates.find((c): c is string => !!c && existsSync(c));
const hasDisplay =
  process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

if (chromium && hasDisplay) {
  const profile = mkdtempSync(path.join(tmpdir(), 'n2p-demo-'));
  const browser = spawn(
    chromium,
    [
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-sync',
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
      `--disable-extensions-except=${outDirs.chrome}`,
      `--load-extension=${outDirs.chrome}`,
      pageUrl,
    ],
    { stdio: 'ignore' },
  );
  console.log(`Opened ${chromium} with the extension loaded. Close it or press Ctrl+C to stop.`);
  browser.on('exit', () => shutdown());
} else {
  console.log(`${chromium ? 'No display found' : 'No Chromium found (set CHROME_PATH)'}, so no browser was opened.
To try it in your own browser:
  Chrome/Chromium: chrome://extensions → Developer mode → Load unpacked → ${outDirs.chrome}
  Firefox:         about:debugging#/runtime/this-firefox → Load Temporary Add-on → ${outDirs.firefox}/manifest.json
Then open ${pageUrl}. Press Ctrl+C to stop.`);
}

async function shutdown() {
  pages.close();
  await fake.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ext = process.argv[2] ?? '';
const page_ = process.argv[3] ?? 'yahoo-2.html';
const html = readFileSync(
  path.resolve('../shared/corpus/pages/readability', page_),
  'utf8',
).replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
const server = http.createServer((req, res) => {
  if (req.url?.startsWith('/p.html')) {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html);
    return;
  }
  res.writeHead(404);
  res.end();
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const ud = mkdtempSync(path.join(tmpdir(), 'bench-'));
const context = await chromium.launchPersistentContext(ud, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  ignoreDefaultArgs: ['--disable-extensions', '--headless'],
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
const contexts: unknown[] = [];
cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
for (let i = 0; i < 3; i++) {
  const m0 = await cdp.send('Performance.getMetrics');
  const t = Date.now();
  await page.goto(`http://127.0.0.1:${port}/p.html?${i}`, { waitUntil: 'load' });
  const tl = Date.now() - t;
  const r = await page.evaluate(async () => {
    const t0 = performance.now();
    let count = 0;
    let last = performance.now();
    for (;;) {
      const n = performance.getEntriesByName('net2phone:scan').length;
      if (n !== count) {
        count = n;
        last = performance.now();
      }
      if (count > 0 && performance.now() - last > 300) break;
      if (performance.now() - t0 > 5000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const loaf: unknown[] = [];
    await new Promise<void>((res) => {
      const po = new PerformanceObserver((l) => {
        for (const e of l.getEntries()) loaf.push(e.toJSON());
      });
      po.observe({ type: 'long-animation-frame', buffered: true });
      setTimeout(() => {
        po.disconnect();
        res();
      }, 50);
    });
    const lt: unknown[] = [];
    await new Promise<void>((res) => {
      const po = new PerformanceObserver((l) => {
        for (const e of l.getEntries()) lt.push(e.toJSON());
      });
      po.observe({ type: 'longtask', buffered: true });
      setTimeout(() => {
        po.disconnect();
        res();
      }, 50);
    });
    return {
      entries: performance
        .getEntriesByName('net2phone:scan')
        .map((e) => [Math.round(e.startTime), +e.duration.toFixed(2)]),
      loaf,
      lt,
    };
  });
  const m1 = await cdp.send('Performance.getMetrics');
  const d = Object.fromEntries(m1.metrics.map((m) => [m.name, m.value]));
  void m0;
  console.log('load ms', tl, JSON.stringify(r.entries));
  console.log('metrics', d.ScriptDuration, d.TaskDuration, d.LayoutDuration, d.RecalcStyleDuration);
  if (0) console.log('loaf', JSON.stringify(r.loaf).slice(0, 3000));
  if (0) console.log('lt', JSON.stringify(r.lt).slice(0, 1000));
}
await cdp.send('Runtime.enable');
console.log(JSON.stringify(contexts.slice(-6)));
await context.close();
server.close();

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
await page.goto(`http://127.0.0.1:${port}/p.html?w`, { waitUntil: 'load' });
const cdp = await context.newCDPSession(page);
const events: any[] = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', {
  traceConfig: {
    includedCategories: (process.env.CATS ?? 'toplevel,blink.user_timing,v8.execute').split(','),
  },
  transferMode: 'ReportEvents',
});
await page.goto(`http://127.0.0.1:${port}/p.html?1`, { waitUntil: 'load' });
await page.waitForTimeout(1000);
await cdp.send('Tracing.end');
await done;
console.log('events', events.length);
const names = new Map<string, number>();
for (const e of events)
  names.set(`${e.cat}|${e.name}|${e.ph}`, (names.get(`${e.cat}|${e.name}|${e.ph}`) ?? 0) + 1);
console.log(
  [...names]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 60)
    .map(([k, v]) => `${v} ${k}`)
    .join('\n'),
);
const ext_ = events.filter((e) => JSON.stringify(e.args ?? {}).includes('chrome-extension://'));
for (const e of ext_.filter((e) => e.name !== 'FunctionCall').slice(0, 30))
  console.log(e.name, e.ph, e.ts, e.dur, e.tid, JSON.stringify(e.args).slice(0, 300));
const um = events.filter((e) => e.name === 'net2phone:scan');
for (const e of um) console.log('UM', e.ph, e.ts, e.tid, JSON.stringify(e.args).slice(0, 200));
const mt = events.filter(
  (e) =>
    e.name === 'ThreadControllerImpl::RunTask' &&
    e.ph === 'X' &&
    e.dur > 3000 &&
    e.tid === um[0]?.tid,
);
for (const e of mt) console.log('TASK', e.ph, e.ts, e.dur, JSON.stringify(e.args).slice(0, 200));
const threads = events.filter((e) => e.name === 'thread_name');
for (const e of threads) console.log('T', e.pid, e.tid, e.args.name);
await context.close();
server.close();

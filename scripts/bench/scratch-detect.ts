import { launch, measureLoad } from './browser';
import { rowNumbers, rowsPage, serve } from './pages';
import { buildExtension } from '../../test/e2e/support/build-extension';
const ours = process.argv[2] ?? await buildExtension('chrome', 'http://127.0.0.1:9');
const server = await serve(new Map([['/w.html', rowsPage(rowNumbers(10), 11, true)], ['/d.html', '<!doctype html><p>Updated 2014-01-01 12:00</p><p>ISBN 978-3-16-148410-0</p>']]));
const b = await launch(ours, true);
for (const u of ['/w.html', '/d.html']) {
  const l = await measureLoad(b, server.origin + u, { quiet: 300, timeout: 5000 });
  console.log(u, JSON.stringify(l.entries));
  const cdp = await b.page.context().newCDPSession(b.page);
  const evs: unknown[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => evs.push(e.context));
  await cdp.send('Runtime.enable');
  console.log('after enable', evs.length);
  await new Promise((r) => setTimeout(r, 200));
  console.log('after wait', evs.length, JSON.stringify(evs));
  for (const c of evs as {id:number; origin:string}[]) {
    const r = await cdp.send('Runtime.evaluate', { contextId: c.id, expression: 'Object.keys(globalThis).filter(k => k.includes("net2")).join() + "|" + typeof globalThis.__net2phoneParser + "|" + typeof chrome?.runtime?.id', returnByValue: true });
    console.log(c.origin, JSON.stringify(r));
  }
  await cdp.detach();
}
await b.close(); server.close();

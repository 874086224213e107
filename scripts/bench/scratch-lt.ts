import { readFileSync } from 'node:fs';
import { launch, measureLoad } from './browser';
import { serve, staticHtml } from './pages';
const ours = process.argv[2] ?? '';
const html = staticHtml(readFileSync('../shared/corpus/pages/readability/wikipedia-2.html', 'utf8')).html;
const server = await serve(new Map([['/w.html', html]]));
const b = await launch(ours, true);
await b.page.addInitScript(() => {
  const w = window as unknown as { __lt: unknown[] };
  w.__lt = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' });
});
for (const u of ['/w.html', '/w.html']) {
  const l = await measureLoad(b, server.origin + u, { quiet: 300, timeout: 5000 });
  console.log(u, JSON.stringify(l.entries.map((e) => [Math.round(e.start), e.duration])), JSON.stringify(l.longTasks));
  console.log(JSON.stringify(await b.page.evaluate(() => (window as unknown as { __lt: unknown[] }).__lt)));
}
await b.close(); server.close();

import { readFileSync } from 'node:fs';
import { launch, measureLoad, parserFrames } from './browser';
import { serve, staticHtml } from './pages';
const ours = process.argv[2] ?? '';
const html = staticHtml(readFileSync('../shared/corpus/pages/readability/wikipedia-2.html', 'utf8')).html;
const server = await serve(new Map([['/w.html', html], ['/d.html', '<!doctype html><p>Updated 2014-01-01 12:00</p><p>ISBN 978-3-16-148410-0</p>']]));
const b = await launch(ours, true);
console.log(b.origin);
for (const u of ['/w.html', '/d.html', '/w.html']) {
  const l = await measureLoad(b, server.origin + u, { quiet: 300, timeout: 5000 });
  console.log(u, JSON.stringify(l.entries.map((e) => [Math.round(e.start), e.duration])));
  console.log(await parserFrames(b, '__net2phoneParser'));
}
await b.close(); server.close();

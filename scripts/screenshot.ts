/**
 * `npm run screenshot`: the README's pictures, taken from the demo in headless
 * Chromium: the demo page with a number's call card open (docs/screenshot.png)
 * and the signed-in popup (docs/popup.png).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildExtension } from '../test/e2e/support/build-extension';
import { launchWithExtension } from '../test/e2e/support/chromium';
import { PopupPage } from '../test/e2e/support/popup-page';
import { demoUser, startFakeApi } from '../test/fake-api/server';

const fake = await startFakeApi();
const demo = readFileSync('test/fixtures/pages/demo.html');
const pages = createServer((_, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(demo);
});
await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
const pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
const browser = await launchWithExtension(await buildExtension('chrome', fake.url));

try {
  const popup = await new PopupPage(
    await browser.context.newPage(),
    browser.url('src/popup/index.html'),
  ).open();
  await popup.page.setViewportSize({ width: 340, height: 560 });
  await popup.signIn(demoUser.username, demoUser.password, demoUser.clientId);
  await popup.page.getByText('Polycom VVX 450').waitFor();
  await popup.call('(973) 555-1212');
  await popup.message('status', 'your phone will ring first');
  await popup.page.screenshot({ path: 'docs/popup.png', fullPage: true });

  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 640 });
  await page.goto(pageUrl);
  // Wait for the marks, then click the second number like a person would.
  const box = await page.waitForFunction(() => {
    const ranges = [...(CSS.highlights.get('net2phone-number') ?? [])] as Range[];
    const rect = ranges[1]?.getBoundingClientRect();
    return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
  });
  const { x, y } = (await box.jsonValue()) as { x: number; y: number };
  await page.mouse.click(x, y);
  await page.getByRole('button', { name: /^Call / }).waitFor();
  await page.screenshot({ path: 'docs/screenshot.png' });
  console.log('wrote docs/screenshot.png and docs/popup.png');
} finally {
  await browser.close();
  await fake.close();
  pages.close();
}

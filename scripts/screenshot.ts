/**
 * `npm run screenshot`: the README's pictures, taken from the demo in headless
 * Chromium: the demo page with a number's call card open (docs/screenshot.png)
 * and the signed-in popup (docs/popup.png); and the store listings' 1280×800
 * screenshots in docs/store/ (the page with the card, the popup, the options).
 */
import { mkdirSync, readFileSync } from 'node:fs';
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
  await popup.page.setViewportSize({ width: 360, height: 600 });
  await popup.signIn(demoUser.username, demoUser.password, demoUser.clientId);
  // The account is loaded once Ring on offers the demo's devices (Your numbers is folded).
  await popup.page
    .getByRole('option', { name: 'Ext. 101 · Polycom VVX 450' })
    .waitFor({ state: 'attached' });
  await popup.call('(973) 555-1212');
  await popup.message('status', 'your phone will ring first');
  await popup.page.screenshot({ path: 'docs/popup.png', fullPage: true });

  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 640 });
  await page.goto(pageUrl);
  // Wait for the marks, then click the second number like a person would.
  const secondNumber = async () => {
    const box = await page.waitForFunction(() => {
      const ranges = [...(CSS.highlights.get('net2phone-number') ?? [])] as Range[];
      const rect = ranges[1]?.getBoundingClientRect();
      return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
    });
    return (await box.jsonValue()) as { x: number; y: number };
  };
  const { x, y } = await secondNumber();
  // The card's shadow root is closed: wait for its host, then for it to have painted.
  const cardShown = async () => {
    // Attached, not "visible": the host itself has no size, its card is in the top layer.
    await page.waitForSelector('[data-net2phone-call-card]', { state: 'attached' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
  };
  await page.mouse.click(x, y);
  await cardShown();
  await page.screenshot({ path: 'docs/screenshot.png' });

  // The stores want 1280×800: the same scenes at that size.
  mkdirSync('docs/store', { recursive: true });
  const store = { width: 1280, height: 800 };
  await page.setViewportSize(store);
  await page.keyboard.press('Escape');
  await page.waitForSelector('net2phone-call-card', { state: 'detached' });
  const wide = await secondNumber();
  await page.mouse.click(wide.x, wide.y);
  await cardShown();
  await page.screenshot({ path: 'docs/store/1-call-card.png' });

  // The popup is 340 px wide: shown on a quiet background, as it opens under the toolbar.
  await popup.page.setViewportSize(store);
  await popup.page.addStyleTag({
    content: `html { background: #dfe4ea; min-height: 100%; }
      body { margin: 40px auto 0; border-radius: 10px; box-shadow: 0 8px 30px rgb(0 0 0 / 25%); }`,
  });
  await popup.page.screenshot({ path: 'docs/store/2-popup.png' });

  const options = await browser.context.newPage();
  await options.setViewportSize(store);
  await options.goto(browser.url('src/options/index.html'));
  await options.getByRole('combobox', { name: 'Ring on' }).waitFor();
  await options.screenshot({ path: 'docs/store/3-options.png' });
  console.log('wrote docs/screenshot.png, docs/popup.png and docs/store/*.png');
} finally {
  await browser.close();
  await fake.close();
  pages.close();
}

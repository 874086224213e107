import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://<id>/<file>` */
  url(file: string): string;
  /** The background service worker (it may be restarted; this re-finds it). */
  worker(): Promise<Worker>;
  /** Stop the service worker as Chrome does when idle (chrome://serviceworker-internals). */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Extra `--disable-features` entries. */
  disableFeatures?: string[];
  /** Extra command-line flags. */
  args?: string[];
  viewport?: { width: number; height: number };
  /** This profile instead of a fresh one, kept by `dispose` (to measure a browser restart). */
  userDataDir?: string;
  /**
   * The browser's language, as a user's system sets it (`fr`, `pt_BR`): Chromium on Linux takes
   * its UI language, and so the extension's messages, from `LANGUAGE`.
   */
  language?: string;
}

/**
 * Debian's Chromium, headless with the project's flags, a fresh profile (removed by
 * `dispose`), one extension loaded unpacked. The e2e tests and the benchmark both launch here.
 */
export async function launchChromium(
  extensionPath: string,
  options: LaunchOptions = {},
): Promise<{ context: BrowserContext; userDataDir: string; dispose(): Promise<void> }> {
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'n2p-chromium-'));
  const features = ['DisableLoadExtensionCommandLineSwitch', ...(options.disableFeatures ?? [])];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.language
      ? { env: { ...process.env, LANGUAGE: options.language, LANG: `${options.language}.UTF-8` } }
      : {}),
    ignoreDefaultArgs: ['--disable-extensions', '--headless'],
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-features=${features.join(',')}`,
      ...(options.language ? [`--lang=${options.language.replace('_', '-')}`] : []),
      ...(options.args ?? []),
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
    ],
  });
  return {
    context,
    userDataDir,
    async dispose() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker, waiting for it to start if need be. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  );
}

/** Real Chromium (Debian's), headless, a fresh profile, our extension loaded unpacked. */
export async function launchWithExtension(extensionPath: string): Promise<ExtensionBrowser> {
  const { context, dispose } = await launchChromium(extensionPath);
  const worker = () => extensionWorker(context);
  const first = await worker();
  const extensionId = new URL(first.url()).host;

  return {
    context,
    extensionId,
    url: (file) => `chrome-extension://${extensionId}/${file}`,
    worker,
    async stopWorker() {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await page.close();
    },
    close: dispose,
  };
}

import { afterAll, beforeAll, expect } from 'vitest';
import { type FakeApi, type FakeApiOptions, startFakeApi } from '../../fake-api/server';
import { buildExtension } from './build-extension';
import { ChromiumDriver } from './chromium-driver';
import type { BrowserName, Driver } from './driver';
import { FirefoxDriver } from './firefox-driver';
import { signInThroughPopup } from './pages/popup';
import { type StaticServer, serveFixtures } from './static-server';

/** Every suite written once runs in both: `describe.each(BROWSERS)('%s', (name) => …)`. */
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export interface Harness {
  readonly fake: FakeApi;
  readonly site: StaticServer;
  readonly driver: Driver;
  /** The Chromium driver, for what only Chromium can do (fails in Firefox). */
  readonly chromium: ChromiumDriver;
}

export interface HarnessOptions {
  /** Sign the demo user in through the popup before the first test. */
  signIn?: boolean;
  fake?: FakeApiOptions;
  /**
   * Runs on the built extension's folder before the browser starts (e.g. to give it an id of its
   * own and write a policy naming it); what it returns runs once the browser has closed.
   */
  beforeLaunch?: (extensionDir: string) => Promise<() => Promise<void>>;
  /** Chromium only: the browser's language (`fr`, `es`, `pt_BR`); English by default. */
  language?: string;
}

/**
 * The e2e fixture, for the enclosing `describe`: the fake API, the page server (test sites
 * only, see hosts.ts), the extension built against that fake API and one browser with it,
 * started before the first test and stopped after the last. It also fails the suite if any page
 * was requested from a host that is not a test site.
 */
export function useHarness(name: BrowserName, options: HarnessOptions = {}): Harness {
  let fake: FakeApi | undefined;
  let site: StaticServer | undefined;
  let driver: Driver | undefined;
  let afterClose: (() => Promise<void>) | undefined;
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the harness is not started (use it inside tests)');
    return value;
  };

  beforeAll(async () => {
    fake = await startFakeApi({ accessTokenTtlSeconds: 3599, ...options.fake });
    site = await serveFixtures();
    const extensionDir = await buildExtension(name === 'chromium' ? 'chrome' : 'firefox', fake.url);
    afterClose = await options.beforeLaunch?.(extensionDir);
    if (options.language && name !== 'chromium') throw new Error('a language needs Chromium');
    driver = options.language
      ? await ChromiumDriver.launch(extensionDir, [], options.language)
      : await launchDriver(name, extensionDir);
    if (options.signIn) await signInThroughPopup(driver);
  });

  afterAll(async () => {
    await driver?.close();
    await afterClose?.();
    await site?.close();
    await fake?.close();
    expect(site?.refused ?? []).toEqual([]);
  });

  return {
    get fake() {
      return need(fake);
    },
    get site() {
      return need(site);
    },
    get driver() {
      return need(driver);
    },
    get chromium() {
      const d = need(driver);
      if (!(d instanceof ChromiumDriver)) throw new Error('only Chromium can do this');
      return d;
    },
  };
}

/** A browser with the extension at `extensionPath`, its test sites resolved to 127.0.0.1. */
export function launchDriver(name: BrowserName, extensionPath: string): Promise<Driver> {
  return name === 'chromium'
    ? ChromiumDriver.launch(extensionPath)
    : FirefoxDriver.launch(extensionPath);
}

/** The calls the fake received, once there are at least `count` (or 5 s passed). */
export async function waitForCalls(fake: FakeApi, count: number) {
  for (let i = 0; i < 100 && fake.calls().length < count; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return fake.calls();
}

/**
 * net2phone takes one call per second and says 429 to the next. The extension spaces its own
 * calls by a second as it sends them, but two may still arrive a little closer; tests that call
 * start outside the window by moving the fake's clock on (not by sleeping).
 */
export function outsideRateWindow(fake: FakeApi) {
  fake.advanceClock(1_100);
}

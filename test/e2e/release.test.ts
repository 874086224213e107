import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from './support/build-extension';
import { ChromiumDriver } from './support/chromium-driver';
import type { BrowserName, Driver } from './support/driver';
import { FirefoxDriver } from './support/firefox-driver';
import { CONTACT } from './support/fixture-numbers';
import { BROWSERS } from './support/harness';
import { HOSTS } from './support/hosts';
import { type NetworkTrap, startNetworkTrap } from './support/network-trap';
import { markCentre, settledMarks } from './support/page-marks';
import { Card } from './support/pages/card';
import { type StaticServer, serveFixtures } from './support/static-server';

/**
 * The release artifact, smoke-tested as a new user meets it: built as `npm run package` builds
 * it (no configuration: the real net2phone API, https://integrate.versature.com), loaded in each
 * browser, signed out, on a page of an ordinary site. Its numbers are marked, a real click opens
 * the card, and Call asks the user to sign in while nothing at all goes to net2phone: the
 * browser sends net2phone's host to a local listener that records every connection.
 */
const API_HOST = 'integrate.versature.com';

/** What reached net2phone's host, as the trap saw it (Firefox's proxy also carries its own chatter). */
const toNet2phone = (trap: NetworkTrap) =>
  trap.connections.filter((c) => c === 'tls' || c.includes(API_HOST));

async function launch(
  name: BrowserName,
  extensionPath: string,
  trap: NetworkTrap,
): Promise<Driver> {
  if (name === 'chromium') {
    return ChromiumDriver.launch(extensionPath, [`MAP ${API_HOST} 127.0.0.1:${trap.port}`]);
  }
  // Only https goes through the proxy: the test sites (http) are reached directly.
  return FirefoxDriver.launch(extensionPath, {
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': trap.port,
  });
}

describe.each(BROWSERS)('%s: the release build', (name) => {
  let trap: NetworkTrap;
  let site: StaticServer;
  let driver: Driver;
  let extensionPath: string;

  beforeAll(async () => {
    trap = await startNetworkTrap();
    site = await serveFixtures();
    extensionPath = await buildExtension(name === 'chromium' ? 'chrome' : 'firefox');
    driver = await launch(name, extensionPath, trap);
  });

  afterAll(async () => {
    await driver?.close();
    await site?.close();
    await trap?.close();
    expect(site?.refused ?? []).toEqual([]);
  });

  it('talks only to the real net2phone API', async () => {
    const manifest = JSON.parse(await readFile(path.join(extensionPath, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions).toEqual([`https://${API_HOST}/*`]);
  });

  it('marks the numbers of an ordinary site; signed out, the card offers only Sign in to call and sends nothing', async () => {
    const tab = await driver.newTab(site.page('contact.html', HOSTS.crm));
    expect(await settledMarks(tab.world, { atLeast: CONTACT.length })).toEqual([...CONTACT].sort());
    await tab.clickAt(await markCentre(tab.world, '(973) 555-1212'));
    const card = new Card(tab);
    expect(await card.until((s) => s.open, 'did not open')).toMatchObject({
      heading: '+1 973-555-1212',
      button: null,
      signIn: true,
    });
    expect((await card.state()).text).toContain('Sign in to call');
    expect(toNet2phone(trap)).toEqual([]);

    // The trap is armed: a request to net2phone's host from the page itself reaches it.
    await tab.world(
      (url: string) =>
        fetch(url).then(
          () => 'answered',
          () => 'failed',
        ),
      `https://${API_HOST}/smoke-test-control`,
    );
    await expect.poll(() => toNet2phone(trap).length).toBeGreaterThan(0);
    await tab.close();
  });
});

// Firefox ESR driven over raw WebDriver BiDi, for e2e tests of the built
// extension. No geckodriver, no extra dependency: Firefox's own remote agent
// speaks BiDi over a WebSocket (websocket.ts, bidi.ts).
//
// Launch: fresh profile dir with a user.js that keeps Firefox quiet and
// offline and pins the extension's moz-extension UUID
// (`extensions.webextensions.uuids`), then `firefox --headless
// --remote-debugging-port=0 --remote-allow-system-access`, read the
// `WebDriver BiDi listening on ws://…` line from stderr, `session.new`,
// `webExtension.install` (temporary install of the unpacked folder).

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BidiConnection } from './bidi';
import { Page } from './page';
import { BASE_PREFS, type Pref, prefLine } from './prefs';
import {
  announcedBidiUrl,
  defaultFirefoxPath,
  killGroup,
  readGeckoId,
  startWatchdog,
  waitForExit,
} from './process';
import { WebSocketClient } from './websocket';

export interface FirefoxSession {
  /** `moz-extension://<uuid>/` of the installed extension (with trailing slash). */
  extensionBaseUrl: string;
  /** The add-on id Firefox reports (the manifest's gecko id). */
  extensionId: string;
  /** The BiDi connection, for commands the pages do not wrap. */
  bidi: BidiConnection;
  /** Opens a new tab and navigates it to `url` (waits for load). */
  newTab(url: string): Promise<Page>;
  /** Ends the session, stops Firefox (killing it if needed), removes the profile dir. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked extension folder (must contain manifest.json with a gecko id). */
  extensionPath: string;
  /** Default true. Headful needs a display. */
  headless?: boolean;
  /** Extra prefs written to user.js (override the defaults in prefs.ts). */
  prefs?: Record<string, Pref>;
  /** Firefox binary; default $FIREFOX_BIN, else /usr/bin/firefox-esr, else /usr/bin/firefox. */
  firefoxPath?: string;
  /** Budget for start-up + session + install; default 60 s. */
  launchTimeoutMs?: number;
}

export async function launchFirefox(options: LaunchOptions): Promise<FirefoxSession> {
  const extensionPath = resolve(options.extensionPath);
  const launchTimeoutMs = options.launchTimeoutMs ?? 60_000;
  const deadline = Date.now() + launchTimeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  const geckoId = await readGeckoId(extensionPath);
  const uuid = randomUUID();

  const profileDir = await mkdtemp(join(tmpdir(), 'ff-bidi-profile-'));
  const prefs: Record<string, Pref> = {
    ...BASE_PREFS,
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    ...options.prefs,
  };
  const userJs = Object.entries(prefs).map(([k, v]) => prefLine(k, v));
  await writeFile(join(profileDir, 'user.js'), `${userJs.join('\n')}\n`);

  const args = [
    '--remote-debugging-port=0',
    '--remote-allow-system-access',
    '--no-remote',
    '--new-instance',
    '-profile',
    profileDir,
    'about:blank',
  ];
  if (options.headless !== false) args.unshift('--headless');

  const child = spawn(options.firefoxPath ?? defaultFirefoxPath(), args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      MOZ_CRASHREPORTER_DISABLE: '1',
      MOZ_CRASHREPORTER_SHUTDOWN: '1',
      MOZ_DISABLE_AUTO_SAFE_MODE: '1',
    },
  });
  // Never let a forgotten or failed session outlive us: kill the group at
  // exit, and via the watchdog if we die by a signal.
  const onProcessExit = () => {
    killGroup(child, 'SIGKILL');
    try {
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 5 });
    } catch {
      // Best effort at exit.
    }
  };
  process.once('exit', onProcessExit);
  const watchdog = child.pid === undefined ? undefined : startWatchdog(child.pid, profileDir);
  child.unref();
  (child.stdout as unknown as Socket | null)?.unref();
  (child.stderr as unknown as Socket | null)?.unref();

  let bidi: BidiConnection | undefined;
  let cleaned = false;
  const cleanup = async (graceful = false): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    // After browser.close Firefox shuts down by itself (and reaps its helpers);
    // give it a moment before signalling.
    if (graceful) await waitForExit(child, 5_000);
    bidi?.destroy();
    killGroup(child, 'SIGTERM');
    if (!(await waitForExit(child, 5_000))) killGroup(child, 'SIGKILL');
    await waitForExit(child, 5_000);
    // Stragglers in the group (forkserver, content, RDD, utility processes).
    // What is left afterwards are zombies until init reaps them.
    killGroup(child, 'SIGKILL');
    process.removeListener('exit', onProcessExit);
    watchdog?.kill('SIGKILL');
    await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };

  try {
    const wsUrl = await announcedBidiUrl(child, remaining());
    const ws = await WebSocketClient.connect(`${wsUrl.replace(/\/$/, '')}/session`, remaining());
    const conn = new BidiConnection(ws);
    bidi = conn;
    await conn.send('session.new', { capabilities: {} }, remaining());
    const installed = await conn.send(
      'webExtension.install',
      { extensionData: { type: 'path', path: extensionPath } },
      remaining(),
    );
    const extensionId = String(installed.extension);
    if (extensionId !== geckoId) {
      throw new Error(
        `webExtension.install returned id ${extensionId}, manifest says ${geckoId}; the moz-extension UUID pin would not apply`,
      );
    }

    return {
      extensionBaseUrl: `moz-extension://${uuid}/`,
      extensionId,
      bidi: conn,
      async newTab(url: string): Promise<Page> {
        const created = await conn.send('browsingContext.create', { type: 'tab' });
        const page = new Page(conn, String(created.context));
        await page.goto(url);
        return page;
      },
      async close(): Promise<void> {
        if (cleaned) return;
        try {
          // Graceful quit; the connection drops as Firefox goes away.
          await conn.send('browser.close', {}, 5_000).catch(() => undefined);
          conn.close();
        } finally {
          await cleanup(true);
        }
      },
    };
  } catch (err) {
    await cleanup();
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(
      `launchFirefox(${extensionPath}) failed (launch budget ${launchTimeoutMs} ms): ${message}`,
      { cause: err },
    );
  }
}

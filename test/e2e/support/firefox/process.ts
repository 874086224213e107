// The Firefox process: its binary, its add-on id, and never outliving the test process.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { join } from 'node:path';

export function defaultFirefoxPath(): string {
  const fromEnv = process.env.FIREFOX_BIN;
  if (fromEnv) return fromEnv;
  for (const p of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(p)) return p;
  return 'firefox';
}

export async function readGeckoId(extensionPath: string): Promise<string> {
  const manifestPath = join(extensionPath, 'manifest.json');
  let manifest: {
    browser_specific_settings?: { gecko?: { id?: unknown } };
    applications?: { gecko?: { id?: unknown } };
  };
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as typeof manifest;
  } catch (err) {
    throw new Error(
      `cannot read ${manifestPath}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const id = manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id;
  if (typeof id !== 'string' || id === '') {
    throw new Error(
      `${manifestPath} has no browser_specific_settings.gecko.id; it is needed to pin the moz-extension UUID`,
    );
  }
  return id;
}

/** Kills Firefox's whole process group (it was spawned detached, as group leader). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * A tiny detached node process that SIGKILLs Firefox's process group and
 * removes the profile when our process dies without cleaning up (its stdin
 * pipe closes), e.g. a test worker killed by a signal, where
 * `process.on('exit')` never runs.
 */
const WATCHDOG_SCRIPT = `
const [pgid, dir] = process.argv.slice(1);
process.stdin.resume();
process.stdin.on('close', () => {
  try { process.kill(-Number(pgid), 'SIGKILL'); } catch {}
  setTimeout(() => {
    try { require('node:fs').rmSync(dir, { recursive: true, force: true, maxRetries: 5 }); } catch {}
    process.exit(0);
  }, 200);
});`;

export function startWatchdog(pgid: number, profileDir: string): ChildProcess {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // no loaders (tsx, vitest) in the watchdog
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG_SCRIPT, String(pgid), profileDir], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    env,
  });
  watchdog.on('error', () => {});
  watchdog.unref();
  (watchdog.stdin as unknown as Socket | null)?.unref();
  return watchdog;
}

export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => resolvePromise(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise(true);
    });
  });
}

/**
 * The `ws://…` address Firefox prints on `WebDriver BiDi listening on ws://…`, or an error
 * with the tail of its output when it exits or stays silent for `timeoutMs`.
 */
export function announcedBidiUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  const outputTail: string[] = [];
  const tail = () => outputTail.slice(-30).join('\n');
  return new Promise<string>((resolvePromise, rejectPromise) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const fail = (message: string) => settle(() => rejectPromise(new Error(message)));
    const timer = setTimeout(
      () =>
        fail(`Firefox did not announce WebDriver BiDi within ${timeoutMs} ms. Output:\n${tail()}`),
      timeoutMs,
    );
    const onLine = (line: string) => {
      outputTail.push(line);
      if (outputTail.length > 200) outputTail.shift();
      const url = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(line)?.[1];
      if (url) settle(() => resolvePromise(url));
    };
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (data: string) => {
        const lines = (partial + data).split('\n');
        partial = lines.pop() ?? '';
        for (const l of lines) onLine(l);
      });
    }
    child.once('error', (err) => fail(`cannot start Firefox: ${err.message}`));
    child.once('exit', (code, signal) =>
      fail(`Firefox exited during start-up (code ${code}, signal ${signal}). Output:\n${tail()}`),
    );
  });
}

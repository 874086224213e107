// A small driver for Firefox over raw WebDriver BiDi, for e2e tests of the
// built extension. No geckodriver, no extra dependency: Firefox's own remote
// agent speaks BiDi over a WebSocket, and the client below is a minimal
// RFC 6455 implementation (text frames, masking, fragmentation, ping/pong,
// close) on top of node:http's upgrade.
//
// Launch: fresh profile dir with a user.js that keeps Firefox quiet and
// offline and pins the extension's moz-extension UUID
// (`extensions.webextensions.uuids`), then `firefox --headless
// --remote-debugging-port=0 --remote-allow-system-access`, read the
// `WebDriver BiDi listening on ws://…` line from stderr, `session.new`,
// `webExtension.install` (temporary install of the unpacked folder).

import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface FirefoxSession {
  /** `moz-extension://<uuid>/` of the installed extension (with trailing slash). */
  extensionBaseUrl: string;
  /** The add-on id Firefox reports (the manifest's gecko id). */
  extensionId: string;
  /** Opens a new tab and navigates it to `url` (waits for load). */
  newTab(url: string): Promise<FirefoxPage>;
  /** Ends the session, stops Firefox (killing it if needed), removes the profile dir. */
  close(): Promise<void>;
}

export interface FirefoxPage {
  /** BiDi browsing context id. */
  context: string;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Evaluates `expression` in the page (promises awaited) and returns its value, JSON-like. */
  evaluate<T>(expression: string): Promise<T>;
  /** Focuses the element, selects its content and types `value` with real key events; then fires `change`. */
  fill(selector: string, value: string): Promise<void>;
  /** A real (trusted) mouse click at the centre of the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** A real (trusted) mouse click at viewport coordinates (CSS pixels), e.g. inside a shadow root. */
  clickAt(x: number, y: number): Promise<void>;
  /** A real key press and release (a WebDriver key value, e.g. '\uE00C' for Escape). */
  press(key: string): Promise<void>;
  /** Polls `expression` until it is truthy. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  /** `document.body.innerText`. */
  textContent(): Promise<string>;
  /** PNG of the viewport (browsingContext.captureScreenshot), e.g. for failure artifacts. */
  screenshot(): Promise<Buffer>;
  /** Closes the tab. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked extension folder (must contain manifest.json with a gecko id). */
  extensionPath: string;
  /** Default true. Headful needs a display. */
  headless?: boolean;
  /** Extra prefs written to user.js (override the defaults below). */
  prefs?: Record<string, string | number | boolean>;
  /** Firefox binary; default $FIREFOX_BIN, else /usr/bin/firefox-esr, else /usr/bin/firefox. */
  firefoxPath?: string;
  /** Budget for start-up + session + install; default 60 s. */
  launchTimeoutMs?: number;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;
const DEFAULT_WAIT_TIMEOUT_MS = 5_000;

// ---------------------------------------------------------------------------
// Prefs: quiet, offline, deterministic.

const BASE_PREFS: Record<string, string | number | boolean> = {
  // Start-up and UI noise.
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.page': 0,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.firstrunSkipsHomepage': true,
  'startup.homepage_welcome_url': 'about:blank',
  'startup.homepage_welcome_url.additional': '',
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.newtab.preload': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.tabs.warnOnClose': false,
  'browser.tabs.warnOnCloseOtherTabs': false,
  'browser.warnOnQuit': false,
  'browser.sessionstore.resume_from_crash': false,
  'browser.uitour.enabled': false,
  'browser.translations.enable': false,
  'browser.ml.enable': false,
  'browser.discovery.enabled': false,
  'dom.disable_open_during_load': false,
  'extensions.formautofill.addresses.enabled': false,
  'extensions.formautofill.creditCards.enabled': false,
  'signon.rememberSignons': false,
  // Updates.
  'app.update.auto': false,
  'app.update.enabled': false,
  'app.update.checkInstallTime': false,
  'app.update.disabledForTesting': true,
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.update.notifyUser': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'extensions.blocklist.enabled': false,
  'browser.search.update': false,
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-manager.url': '',
  // Telemetry, studies, experiments, remote settings.
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.policy.dataSubmissionPolicyBypassNotification': true,
  'datareporting.usage.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'browser.ping-centre.telemetry': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'nimbus.rsexperimentloader.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/remote-settings/v1',
  'browser.crashReports.unsubmittedCheck.autoSubmit2': false,
  // Network chatter.
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'network.predictor.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.passwords.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'geo.provider.network.url': '',
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.contentblocking.report.lockwise.enabled': false,
  'identity.fxaccounts.enabled': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  // Extensions: only the one we install, no post-install UI.
  'extensions.autoDisableScopes': 0,
  'extensions.enabledScopes': 5,
  'extensions.installDistroAddons': false,
  'extensions.webextensions.restrictedDomains': '',
  // MV3 host permissions are granted at install (this is Firefox's default
  // since 127; pinned here so the extension can fetch 127.0.0.1 without a
  // permission prompt nobody can answer).
  'extensions.originControls.grantByDefault': true,
};

function prefLine(name: string, value: string | number | boolean): string {
  return `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`;
}

// ---------------------------------------------------------------------------
// Minimal WebSocket client (RFC 6455), client side only.

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

class WebSocketClient {
  private buffer: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private closeSent = false;
  private closed = false;
  onMessage: (text: string) => void = () => {};
  onClose: (reason: string) => void = () => {};

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    // Pending commands keep the event loop alive through their timeout timers;
    // an idle connection must not keep a script that forgot close() running.
    socket.unref();
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => this.finish('socket closed'));
    socket.on('error', (err) => this.finish(`socket error: ${err.message}`));
  }

  static connect(url: string, timeoutMs: number): Promise<WebSocketClient> {
    const u = new URL(url);
    const key = randomBytes(16).toString('base64');
    const expected = createHash('sha1')
      .update(key + WS_GUID)
      .digest('base64');
    return new Promise((resolvePromise, rejectPromise) => {
      const req = request({
        host: u.hostname,
        port: Number(u.port),
        path: `${u.pathname}${u.search}`,
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Key': key,
          'Sec-WebSocket-Version': '13',
        },
      });
      const timer = setTimeout(() => {
        req.destroy();
        rejectPromise(new Error(`WebSocket connect to ${url} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      req.on('upgrade', (res, socket, head) => {
        clearTimeout(timer);
        if (res.headers['sec-websocket-accept'] !== expected) {
          socket.destroy();
          rejectPromise(new Error(`WebSocket handshake with ${url}: bad Sec-WebSocket-Accept`));
          return;
        }
        const client = new WebSocketClient(socket);
        if (head.length > 0) client.onData(head);
        resolvePromise(client);
      });
      req.on('response', (res) => {
        clearTimeout(timer);
        res.resume();
        rejectPromise(new Error(`WebSocket handshake with ${url}: HTTP ${res.statusCode}`));
      });
      req.on('error', (err) => {
        clearTimeout(timer);
        rejectPromise(new Error(`WebSocket connect to ${url}: ${err.message}`));
      });
      req.end();
    });
  }

  send(text: string): void {
    if (this.closed || this.closeSent) throw new Error('WebSocket is closed');
    this.writeFrame(0x1, Buffer.from(text, 'utf8'));
  }

  close(): void {
    if (this.closed) return;
    if (!this.closeSent) {
      this.closeSent = true;
      const body = Buffer.alloc(2);
      body.writeUInt16BE(1000);
      this.writeFrame(0x8, body);
    }
    // Do not wait for the peer's close frame forever.
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  destroy(): void {
    this.socket.destroy();
    this.finish('destroyed');
  }

  private finish(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(reason);
  }

  private writeFrame(opcode: number, payload: Buffer): void {
    const len = payload.length;
    let header: Buffer;
    if (len < 126) {
      header = Buffer.alloc(2);
      header[1] = 0x80 | len;
    } else if (len < 0x10000) {
      header = Buffer.alloc(4);
      header[1] = 0x80 | 126;
      header.writeUInt16BE(len, 2);
    } else {
      header = Buffer.alloc(10);
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(len), 2);
    }
    header[0] = 0x80 | opcode;
    const mask = randomBytes(4);
    const masked = Buffer.alloc(len);
    for (let i = 0; i < len; i++) masked[i] = (payload[i] ?? 0) ^ (mask[i & 3] ?? 0);
    this.socket.write(Buffer.concat([header, mask, masked]));
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const buf = this.buffer;
      if (buf.length < 2) return;
      const b0 = buf[0] ?? 0;
      const b1 = buf[1] ?? 0;
      const fin = (b0 & 0x80) !== 0;
      const opcode = b0 & 0x0f;
      const masked = (b1 & 0x80) !== 0;
      let len = b1 & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (buf.length < 4) return;
        len = buf.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (buf.length < 10) return;
        len = Number(buf.readBigUInt64BE(2));
        offset = 10;
      }
      let mask: Buffer | undefined;
      if (masked) {
        if (buf.length < offset + 4) return;
        mask = buf.subarray(offset, offset + 4);
        offset += 4;
      }
      if (buf.length < offset + len) return;
      let payload = buf.subarray(offset, offset + len);
      this.buffer = buf.subarray(offset + len);
      if (mask) {
        const unmasked = Buffer.alloc(len);
        for (let i = 0; i < len; i++) unmasked[i] = (payload[i] ?? 0) ^ (mask[i & 3] ?? 0);
        payload = unmasked;
      }
      this.onFrame(fin, opcode, payload);
    }
  }

  private onFrame(fin: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case 0x0: // continuation
      case 0x1: // text
      case 0x2: // binary
        this.fragments.push(Buffer.from(payload));
        if (fin) {
          const text = Buffer.concat(this.fragments).toString('utf8');
          this.fragments = [];
          this.onMessage(text);
        }
        return;
      case 0x8: // close
        if (!this.closeSent) {
          this.closeSent = true;
          this.writeFrame(0x8, payload.subarray(0, 2));
        }
        this.socket.end();
        this.finish('closed by peer');
        return;
      case 0x9: // ping
        if (!this.closeSent) this.writeFrame(0xa, payload);
        return;
      default: // pong and reserved opcodes
        return;
    }
  }
}

// ---------------------------------------------------------------------------
// BiDi transport.

type JsonObject = Record<string, unknown>;

interface Pending {
  method: string;
  resolve: (value: JsonObject) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

class BidiConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closedReason: string | undefined;

  constructor(private readonly ws: WebSocketClient) {
    ws.onMessage = (text) => this.onMessage(text);
    ws.onClose = (reason) => {
      this.closedReason = reason;
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new Error(`BiDi ${p.method}: connection closed (${reason})`));
        this.pending.delete(id);
      }
    };
  }

  send(
    method: string,
    params: JsonObject,
    timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS,
  ): Promise<JsonObject> {
    if (this.closedReason !== undefined) {
      return Promise.reject(new Error(`BiDi ${method}: connection closed (${this.closedReason})`));
    }
    const id = this.nextId++;
    return new Promise((resolvePromise, rejectPromise) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        rejectPromise(new Error(`BiDi ${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolvePromise, reject: rejectPromise, timer });
      try {
        this.ws.send(JSON.stringify({ id, method, params }));
      } catch (err) {
        clearTimeout(timer);
        this.pending.delete(id);
        rejectPromise(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  close(): void {
    this.ws.close();
  }

  destroy(): void {
    this.ws.destroy();
  }

  private onMessage(text: string): void {
    let msg: JsonObject;
    try {
      msg = JSON.parse(text) as JsonObject;
    } catch {
      return;
    }
    // Events (type: 'event') are not used by this driver.
    if (typeof msg.id !== 'number') return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.type === 'success') {
      p.resolve((msg.result ?? {}) as JsonObject);
    } else {
      p.reject(new Error(`BiDi ${p.method} failed: ${String(msg.error)}: ${String(msg.message)}`));
    }
  }
}

// ---------------------------------------------------------------------------
// script.RemoteValue -> plain JS value (JSON-like).

interface RemoteValue {
  type: string;
  value?: unknown;
  handle?: string;
  sharedId?: string;
}

function deserialize(rv: RemoteValue): unknown {
  switch (rv.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return rv.value;
    case 'number':
      switch (rv.value) {
        case 'NaN':
          return Number.NaN;
        case '-0':
          return -0;
        case 'Infinity':
          return Number.POSITIVE_INFINITY;
        case '-Infinity':
          return Number.NEGATIVE_INFINITY;
        default:
          return rv.value;
      }
    case 'bigint':
      return BigInt(String(rv.value));
    case 'array':
    case 'set':
    case 'nodelist':
    case 'htmlcollection':
      return ((rv.value as RemoteValue[] | undefined) ?? []).map(deserialize);
    case 'object':
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const entry of (rv.value as [string | RemoteValue, RemoteValue][] | undefined) ?? []) {
        const [k, v] = entry;
        const key = typeof k === 'string' ? k : String(deserialize(k));
        out[key] = deserialize(v);
      }
      return out;
    }
    case 'date':
      return rv.value;
    case 'regexp': {
      const r = rv.value as { pattern: string; flags?: string };
      return `/${r.pattern}/${r.flags ?? ''}`;
    }
    default:
      // node, window, function, promise, error, …: not JSON-like; describe it.
      return { type: rv.type, ...(rv.sharedId ? { sharedId: rv.sharedId } : {}) };
  }
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: RemoteValue;
  exceptionDetails?: { text?: string; lineNumber?: number; columnNumber?: number };
}

function unwrapEvaluate(res: JsonObject, what: string): unknown {
  const r = res as unknown as EvaluateResult;
  if (r.type === 'exception') {
    const d = r.exceptionDetails;
    throw new Error(`${what} threw: ${d?.text ?? 'unknown exception'}`);
  }
  return r.result ? deserialize(r.result) : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------------------
// Page.

class Page implements FirefoxPage {
  constructor(
    private readonly bidi: BidiConnection,
    readonly context: string,
  ) {}

  async goto(url: string): Promise<void> {
    try {
      await this.bidi.send('browsingContext.navigate', {
        context: this.context,
        url,
        wait: 'complete',
      });
    } catch (err) {
      throw new Error(`goto(${url}): ${err instanceof Error ? err.message : String(err)}`, {
        cause: err,
      });
    }
  }

  async evaluate<T>(expression: string): Promise<T> {
    const res = await this.bidi.send('script.evaluate', {
      expression,
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    return unwrapEvaluate(res, `evaluate(${JSON.stringify(abbreviate(expression))})`) as T;
  }

  async waitFor(expression: string, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'never evaluated';
    for (;;) {
      try {
        const v = await this.evaluate<unknown>(expression);
        if (v) return;
        last = `last value ${JSON.stringify(v)}`;
      } catch (err) {
        last = `last error ${err instanceof Error ? err.message : String(err)}`;
      }
      if (Date.now() >= deadline) {
        throw new Error(
          `waitFor(${JSON.stringify(abbreviate(expression))}) timed out after ${timeoutMs} ms (${last})`,
        );
      }
      await sleep(100);
    }
  }

  async textContent(): Promise<string> {
    return this.evaluate<string>('document.body ? document.body.innerText : ""');
  }

  async click(selector: string): Promise<void> {
    const sharedId = await this.locate(selector);
    await this.callOn(sharedId, '(el) => el.scrollIntoView({ block: "center", inline: "center" })');
    await this.pointerClick({ x: 0, y: 0, origin: { type: 'element', element: { sharedId } } });
  }

  async clickAt(x: number, y: number): Promise<void> {
    await this.pointerClick({ x: Math.round(x), y: Math.round(y), origin: 'viewport' });
  }

  /** A real mouse click (trusted events) where `move` points. */
  private async pointerClick(move: { x: number; y: number; origin: unknown }): Promise<void> {
    await this.bidi.send('browsingContext.activate', { context: this.context });
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', ...move },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.bidi.send('input.releaseActions', { context: this.context });
  }

  async press(key: string): Promise<void> {
    await this.bidi.send('browsingContext.activate', { context: this.context });
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'key',
          id: 'keyboard',
          actions: [
            { type: 'keyDown', value: key },
            { type: 'keyUp', value: key },
          ],
        },
      ],
    });
    await this.bidi.send('input.releaseActions', { context: this.context });
  }

  async fill(selector: string, value: string): Promise<void> {
    const sharedId = await this.locate(selector);
    await this.bidi.send('browsingContext.activate', { context: this.context });
    const hadContent = await this.callOn(
      sharedId,
      `(el) => {
        el.scrollIntoView({ block: "center", inline: "center" });
        el.focus();
        if (typeof el.select === "function") el.select();
        else if (el.isContentEditable) document.execCommand("selectAll");
        return String(el.value ?? el.textContent ?? "").length > 0;
      }`,
    );
    const keys: JsonObject[] = [];
    const press = (key: string) => {
      keys.push({ type: 'keyDown', value: key }, { type: 'keyUp', value: key });
    };
    if (hadContent) press('\uE003'); // Backspace: deletes the selection, fires a trusted input event.
    for (const ch of Array.from(value)) press(ch === '\n' ? '\uE007' : ch);
    if (keys.length > 0) {
      await this.bidi.send('input.performActions', {
        context: this.context,
        actions: [{ type: 'key', id: 'keyboard', actions: keys }],
      });
      await this.bidi.send('input.releaseActions', { context: this.context });
    }
    const actual = await this.callOn(
      sharedId,
      `(el) => {
        el.dispatchEvent(new Event("change", { bubbles: true }));
        return "value" in el ? el.value : el.textContent;
      }`,
    );
    if (actual !== value) {
      throw new Error(
        `fill(${JSON.stringify(selector)}): typed ${JSON.stringify(value)} but the element holds ${JSON.stringify(actual)}`,
      );
    }
  }

  async screenshot(): Promise<Buffer> {
    const res = await this.bidi.send('browsingContext.captureScreenshot', {
      context: this.context,
    });
    return Buffer.from(String(res.data), 'base64');
  }

  async close(): Promise<void> {
    await this.bidi.send('browsingContext.close', { context: this.context });
  }

  /** sharedId of the first element matching `selector`, waiting for it to appear. */
  private async locate(selector: string, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.bidi.send('browsingContext.locateNodes', {
        context: this.context,
        locator: { type: 'css', value: selector },
        maxNodeCount: 1,
      });
      const node = (res.nodes as RemoteValue[] | undefined)?.[0];
      if (node?.sharedId) return node.sharedId;
      if (Date.now() >= deadline) {
        throw new Error(`no element matches ${JSON.stringify(selector)} after ${timeoutMs} ms`);
      }
      await sleep(100);
    }
  }

  private async callOn(sharedId: string, functionDeclaration: string): Promise<unknown> {
    const res = await this.bidi.send('script.callFunction', {
      functionDeclaration,
      arguments: [{ sharedId }],
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    return unwrapEvaluate(res, 'callFunction');
  }
}

function abbreviate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

// ---------------------------------------------------------------------------
// Launch.

function defaultFirefoxPath(): string {
  const fromEnv = process.env.FIREFOX_BIN;
  if (fromEnv) return fromEnv;
  for (const p of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(p)) return p;
  return 'firefox';
}

async function readGeckoId(extensionPath: string): Promise<string> {
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
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
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

function startWatchdog(pgid: number, profileDir: string): ChildProcess {
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

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => resolvePromise(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise(true);
    });
  });
}

export async function launchFirefox(options: LaunchOptions): Promise<FirefoxSession> {
  const extensionPath = resolve(options.extensionPath);
  const launchTimeoutMs = options.launchTimeoutMs ?? 60_000;
  const deadline = Date.now() + launchTimeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  const geckoId = await readGeckoId(extensionPath);
  const uuid = randomUUID();

  const profileDir = await mkdtemp(join(tmpdir(), 'ff-bidi-profile-'));
  const prefs: Record<string, string | number | boolean> = {
    ...BASE_PREFS,
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    ...options.prefs,
  };
  await writeFile(
    join(profileDir, 'user.js'),
    `${Object.entries(prefs)
      .map(([k, v]) => prefLine(k, v))
      .join('\n')}\n`,
  );

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

  const outputTail: string[] = [];
  const tail = () => outputTail.slice(-30).join('\n');
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
    const wsUrl = await new Promise<string>((resolvePromise, rejectPromise) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const timer = setTimeout(
        () =>
          settle(() =>
            rejectPromise(
              new Error(
                `Firefox did not announce WebDriver BiDi within ${launchTimeoutMs} ms. Output:\n${tail()}`,
              ),
            ),
          ),
        remaining(),
      );
      const onLine = (line: string) => {
        outputTail.push(line);
        if (outputTail.length > 200) outputTail.shift();
        const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(line);
        if (m?.[1]) {
          const url = m[1];
          settle(() => resolvePromise(url));
        }
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
      child.once('error', (err) =>
        settle(() => rejectPromise(new Error(`cannot start Firefox: ${err.message}`))),
      );
      child.once('exit', (code, signal) =>
        settle(() =>
          rejectPromise(
            new Error(
              `Firefox exited during start-up (code ${code}, signal ${signal}). Output:\n${tail()}`,
            ),
          ),
        ),
      );
    });

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
      async newTab(url: string): Promise<FirefoxPage> {
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

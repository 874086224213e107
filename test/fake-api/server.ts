/**
 * A fake of net2phone's Integrate API on 127.0.0.1, following the contract in
 * integrate-api.md §10: the token endpoint, the Bearer and Accept checks, call placement with its
 * rate limits, the read-only user endpoints, webhook subscriptions with delivery to local
 * receivers, a request log and fault injection.
 * Used in-process by tests and as a standalone server by `npm start` (cli.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, parseFields, queryOf, readBody } from './body';
import { FakeClock } from './clock';
import type { FakeState, RecordedHeaders } from './context';
import { CONTROL_PREFIX, control } from './control';
import { WebhookSender } from './deliveries';
import { FaultQueue, faultReply } from './faults';
import { CALL_LIMITS, RateLimiter, SUBSCRIPTION_LIMITS } from './rate-limit';
import { apiError, preflight, type Reply, send } from './reply';
import { dispatch } from './routes';
import { SubscriptionStore } from './subscriptions';
import { TokenStore } from './tokens';
import type { FakeApi, FakeApiOptions, RecordedRequest } from './types';
import { adminUser, demoUser } from './users';

export type { CallResponseMode } from './context';
export type { Delivery } from './deliveries';
export type { Fault } from './faults';
export type { FakeSubscription } from './subscriptions';
export type { FakeApi, FakeApiOptions, RecordedRequest } from './types';
export { adminUser, demoUser, type FakeUser } from './users';

const CALLS_PATH = '/api/calls/';

function recordedHeaders(req: IncomingMessage): RecordedHeaders {
  const headers: RecordedHeaders = {};
  if (req.headers.authorization !== undefined) headers.authorization = req.headers.authorization;
  if (req.headers.accept !== undefined) headers.accept = req.headers.accept;
  if (req.headers['content-type'] !== undefined) {
    headers.contentType = req.headers['content-type'];
  }
  return headers;
}

export async function startFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
  const clock = new FakeClock(options.clock ?? Date.now);
  const subscriptions = new SubscriptionStore();
  const webhooks = new WebhookSender({
    subscriptions,
    now: () => clock.now(),
    delayMs: options.webhookDelayMs ?? 100,
  });
  const state: FakeState = {
    clock,
    tokens: new TokenStore({
      now: () => clock.now(),
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3599,
      rotateRefreshToken: options.rotateRefreshToken ?? false,
    }),
    callLimiter: new RateLimiter(CALL_LIMITS),
    users: options.users ?? [demoUser, adminUser],
    callResponse: options.callResponse ?? 'json201',
    subscriptions,
    ...(options.limitSubscriptions
      ? { subscriptionLimiter: new RateLimiter(SUBSCRIPTION_LIMITS) }
      : {}),
    webhooks,
  };
  const faults = new FaultQueue();
  const log: RecordedRequest[] = [];
  const delays = new Set<NodeJS.Timeout>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer);
        resolve();
      }, ms);
      delays.add(timer);
    });

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    // Chromium resends a request by itself when a keep-alive socket that it counts as reused (one
    // that served a request, or one it opened ahead and left idle) closes before any response
    // byte, so a `drop` can reach the fake twice. While one is pending no socket is kept for
    // reuse, which makes that rarer but not impossible: e2e tests use `cut` instead.
    if (faults.hasConnectionFault()) res.setHeader('Connection', 'close');
    const fault = faults.take(method, url.pathname);
    if (fault?.kind === 'unreachable') {
      // RST before reading anything: to the client this looks like nobody is listening.
      req.socket.resetAndDestroy();
      return;
    }

    const entry: RecordedRequest = {
      time: clock.now(),
      method,
      path: url.pathname,
      query: queryOf(url),
      headers: recordedHeaders(req),
      rawBody: '',
      fields: {},
      status: 0,
      responseBody: '',
    };
    log.push(entry);
    const finish = (reply: Reply) => {
      entry.status = reply.status;
      entry.responseBody = reply.body;
      send(res, reply);
      options.onRequest?.(entry);
    };

    try {
      entry.rawBody = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return finish(apiError(413, error.message));
      throw error;
    }
    const body = parseFields(entry.rawBody, entry.headers.contentType, entry.query);
    entry.fields = body.fields;

    if (fault?.kind === 'drop') {
      // The request reached the server, but no answer ever comes back.
      req.socket.destroy();
      options.onRequest?.(entry);
      return;
    }
    if (fault?.kind === 'cut') {
      // The answer starts, then the connection is lost: the body never completes.
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '64' });
      res.write('{"', () => req.socket.destroy());
      options.onRequest?.(entry);
      return;
    }
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (fault?.kind === 'status') return finish(faultReply(fault));
    if (method === 'OPTIONS') {
      return finish(preflight(req.headers['access-control-request-headers']));
    }

    let reply: Reply;
    try {
      reply = dispatch({
        method,
        path: url.pathname,
        query: entry.query,
        headers: entry.headers,
        body,
        now: clock.now(),
        state,
      });
    } catch (error) {
      // A bug in the fake must show up as a loud, logged 500, not a hung test.
      console.error('fake-api: internal error', error);
      reply = apiError(500, `Fake API internal error: ${String(error)}`);
    }
    finish(reply);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      const rawBody = await readBody(req);
      send(res, control(api, req.method ?? 'GET', url.pathname, queryOf(url), rawBody));
      return;
    }
    await handleApi(req, res, url);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Failures outside dispatch (e.g. a client that aborted mid-body) still get an answer.
      console.error('fake-api: internal error', error);
      if (!res.headersSent && !res.destroyed) {
        send(res, apiError(500, `Fake API internal error: ${String(error)}`));
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  const api: FakeApi = {
    url: `http://127.0.0.1:${port}`,
    log,
    calls: () => log.filter((r) => r.method === 'POST' && r.path === CALLS_PATH),
    // In place, so a reference to `log` taken earlier stays live.
    clearLog: () => {
      log.length = 0;
    },
    now: () => clock.now(),
    advanceClock: (ms) => clock.advance(ms),
    inject: (fault) => {
      faults.inject(fault);
      // Sockets kept from before the fault must not carry its request (see handleApi).
      if (fault.kind === 'drop' || fault.kind === 'unreachable') server.closeIdleConnections();
    },
    clearFaults: () => faults.clear(),
    expireAllTokens: () => state.tokens.expireAllAccessTokens(),
    setAccessTokenTtl: (seconds: number) => state.tokens.setAccessTokenTtl(seconds),
    revokeRefreshTokens: () => state.tokens.revokeRefreshTokens(),
    subscriptions: () => subscriptions.active(clock.now()),
    deliveries: webhooks.deliveries,
    clearDeliveries: () => webhooks.clear(),
    reset: () => {
      log.length = 0;
      faults.clear();
      state.callLimiter.reset();
      state.subscriptionLimiter?.reset();
      clock.reset();
      subscriptions.clear();
      webhooks.reset();
    },
    close: () => {
      // Idempotent, so a test may close early and its afterEach may close again.
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of delays) clearTimeout(timer);
        delays.clear();
        webhooks.close();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open until they time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
  return api;
}

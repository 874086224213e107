/** The fake's public types; server.ts re-exports them, so import from there. */
import type { CallResponseMode, RecordedHeaders } from './context';
import type { Delivery } from './deliveries';
import type { Fault } from './faults';
import type { FakeSubscription } from './subscriptions';
import type { FakeUser } from './users';

export interface FakeApiOptions {
  /** Default 0: a free port. The host is always 127.0.0.1. */
  port?: number;
  /** Ms since the epoch; default Date.now. `advanceClock` adds an offset to it either way. */
  clock?: () => number;
  /** `expires_in` of issued access tokens; default 3599 (§2.4). */
  accessTokenTtlSeconds?: number;
  /** Issue a new refresh token on every refresh grant; default false (§2.3). */
  rotateRefreshToken?: boolean;
  /** Default: `demoUser` (Basic User) and `adminUser` (Office Manager). */
  users?: FakeUser[];
  /** How a placed call is answered; default 'json201' (§5.2). */
  callResponse?: CallResponseMode;
  /**
   * Enforce the documented subscription limits, 1/second and 5/minute per token (§4); default
   * false, so a test may create and delete in a row.
   */
  limitSubscriptions?: boolean;
  /** Real ms before webhook init messages, and between consecutive events; default 100. */
  webhookDelayMs?: number;
  /** Called once per API request when its outcome is known (cli.ts logs with it). */
  onRequest?: (request: RecordedRequest) => void;
}

export interface RecordedRequest {
  /** Fake-clock ms when the request arrived. */
  time: number;
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: RecordedHeaders;
  rawBody: string;
  /** Body fields over query fields, as the endpoint read them ({} past a parse error). */
  fields: Record<string, unknown>;
  /** 0 while in flight, and for good when the connection was dropped. */
  status: number;
  responseBody: string;
}

export interface FakeApi {
  /** e.g. 'http://127.0.0.1:43123', no trailing slash. */
  url: string;
  /** Every API request in arrival order, including faulted and dropped ones; never control ones. */
  log: RecordedRequest[];
  /** Only the `POST /api/calls/` entries of the log. */
  calls(): RecordedRequest[];
  clearLog(): void;
  /** The fake clock's current time. */
  now(): number;
  advanceClock(ms: number): void;
  /** Queues a fault for the next matching request(s); throws TypeError if it is malformed. */
  inject(fault: Fault): void;
  clearFaults(): void;
  expireAllTokens(): void;
  /** Lifetime (seconds) of access tokens issued from now on. */
  setAccessTokenTtl(seconds: number): void;
  revokeRefreshTokens(): void;
  /** Live webhook subscriptions (not expired on the fake clock), oldest first. */
  subscriptions(): FakeSubscription[];
  /** Every webhook POST the fake attempted, in order (a live array, like `log`). */
  deliveries: Delivery[];
  clearDeliveries(): void;
  /**
   * Clears the log, faults, rate-limit history, clock offset, subscriptions and deliveries;
   * issued tokens stay valid.
   */
  reset(): void;
  /** Stops listening and cuts open connections; safe to call twice. */
  close(): Promise<void>;
}

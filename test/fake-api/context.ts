/** What route handlers see: the parsed request plus the fake's shared state. */
import type { ParsedFields } from './body';
import type { FakeClock } from './clock';
import type { WebhookSender } from './deliveries';
import type { RateLimiter } from './rate-limit';
import type { SubscriptionStore } from './subscriptions';
import type { TokenStore } from './tokens';
import type { FakeUser } from './users';

export type CallResponseMode = 'json201' | 'empty201' | 'json200' | 'text201';

/** Everything that outlives a single request. */
export interface FakeState {
  clock: FakeClock;
  tokens: TokenStore;
  callLimiter: RateLimiter;
  users: readonly FakeUser[];
  callResponse: CallResponseMode;
  subscriptions: SubscriptionStore;
  /** Only when started with `limitSubscriptions`. */
  subscriptionLimiter?: RateLimiter;
  webhooks: WebhookSender;
}

/** The three headers the log records and the API cares about. */
export interface RecordedHeaders {
  authorization?: string;
  accept?: string;
  contentType?: string;
}

export interface RequestContext {
  method: string;
  path: string;
  /** Values of `:name` segments in the route's path. */
  params: Record<string, string>;
  query: Record<string, string>;
  headers: RecordedHeaders;
  body: ParsedFields;
  now: number;
  state: FakeState;
}

/** A request that passed the Bearer and Accept checks. */
export interface AuthedContext extends RequestContext {
  session: { accessToken: string; user: FakeUser };
}

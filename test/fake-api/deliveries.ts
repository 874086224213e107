/**
 * Webhook delivery (integrate-api.md §9): after a subscription is created, the two documented
 * init messages; after each placed call, a ringing, an answered and a completed `{"calls": …}`
 * event to every live subscription for calls whose user matches. Every attempt is recorded.
 *
 * The fake only ever contacts 127.0.0.1 or localhost: any other destination is refused and
 * recorded with an error, so a test can never post call data to the internet.
 * Delivery is fire-and-forget, as documented ("webhook requests are never retried").
 */
import { randomBytes } from 'node:crypto';
import type { FakeSubscription, SubscriptionStore } from './subscriptions';
import type { FakeUser } from './users';

export interface Delivery {
  /** Fake-clock ms when it was sent. */
  time: number;
  subscriptionId: number;
  url: string;
  /** The JSON posted, as an object. */
  body: unknown;
  /** The receiver's HTTP status; 0 while in flight or when it failed. */
  status: number;
  /** Why nothing was delivered (refused destination, connection error, timeout). */
  error?: string;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const TIMEOUT_MS = 5_000;

/** Is this a destination the fake may contact? */
export function isLocalDestination(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      LOCAL_HOSTS.has(parsed.hostname)
    );
  } catch {
    return false;
  }
}

/** The documented init messages, "Preparing subscription for: calls" then "ready" (§9). */
export function initMessages(s: FakeSubscription) {
  const types = [...new Set(s.events.map((e) => e.type))].join(', ');
  return [
    { msg: `Preparing subscription for: ${types}`, state: 'preparing' },
    { msg: 'You have been subscribed to your requested subscriptions.', state: 'ready' },
  ];
}

/** "2016-11-24 15:53:12": the zone-less time format of call events (§9; read as UTC). */
function eventTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const callId = () => randomBytes(16).toString('hex');

/**
 * The three events of one placed call, schema `webhook_call.v1` with the `calls` wrapper (§9).
 * A click-to-call rings the user's own device and then connects the destination, so the user's
 * leg is `from`; a bare extension as `to` is an on-net call to a colleague.
 */
export function callEvents(caller: FakeUser, to: string, now: number) {
  const onNet = /^\d{2,6}$/.test(to);
  const fromLeg = {
    user: caller.user,
    name: `${caller.firstName} ${caller.lastName}`,
    domain: caller.domain,
    id: caller.user,
    call_id: callId(),
  };
  const toLeg = {
    is_human: true,
    id: to,
    domain: onNet ? caller.domain : null,
    user: onNet ? to : null,
    call_id: callId(),
  };
  const event = (fromState: string, toState: string, answered: boolean) => ({
    calls: {
      on_net: onNet,
      from: { ...fromLeg, state: fromState },
      to: { ...toLeg, state: toState },
      time_answer: answered ? eventTime(now + 5_000) : null,
      time_start: eventTime(now),
      by_call_id: null,
    },
  });
  return [
    event('progressing', 'ringing', false),
    event('active', 'active', true),
    event('ended', 'ended', true),
  ];
}

/** Does a subscription want this user's call events? `*` means the owner's whole domain. */
function wantsCalls(s: FakeSubscription, caller: FakeUser): boolean {
  return (
    s.domain === caller.domain &&
    s.events.some((e) => e.type === 'calls' && (e.user === '*' || e.user === caller.user))
  );
}

export interface WebhookSenderOptions {
  subscriptions: SubscriptionStore;
  now: () => number;
  /** Real ms before the init messages, and between consecutive events; default 100. */
  delayMs: number;
}

export class WebhookSender {
  /** Every attempt, in order; kept in place so a reference stays live. */
  readonly deliveries: Delivery[] = [];
  /** Per subscription, so its messages arrive in order (init first, then calls). */
  private readonly queues = new Map<number, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly requests = new Set<AbortController>();
  /** Bumped by reset(): work queued before it is dropped. */
  private generation = 0;

  constructor(private readonly options: WebhookSenderOptions) {}

  /** A new subscription: the two init messages, a moment later (setup is asynchronous). */
  announce(s: FakeSubscription): void {
    this.enqueue(s, initMessages(s));
  }

  /** A call the user placed: its events go to every matching live subscription. */
  callPlaced(caller: FakeUser, to: string): void {
    const now = this.options.now();
    for (const s of this.options.subscriptions.active(now)) {
      if (wantsCalls(s, caller)) this.enqueue(s, callEvents(caller, to, now));
    }
  }

  clear(): void {
    this.deliveries.length = 0;
  }

  /** Drops pending and in-flight deliveries and forgets the recorded ones. */
  reset(): void {
    this.generation += 1;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const request of this.requests) request.abort();
    this.requests.clear();
    this.queues.clear();
    this.clear();
  }

  close(): void {
    this.reset();
  }

  private enqueue(s: FakeSubscription, bodies: unknown[]): void {
    const { id, postUri } = s;
    const generation = this.generation;
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(async () => {
      for (const body of bodies) {
        await this.sleep(this.options.delayMs);
        if (generation !== this.generation) return;
        // Deleted or expired meanwhile: nothing more goes out for it.
        if (!this.options.subscriptions.active(this.options.now()).some((x) => x.id === id)) return;
        await this.post(id, postUri, body);
      }
    });
    this.queues.set(id, next);
    void next.finally(() => {
      if (this.queues.get(id) === next) this.queues.delete(id);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private async post(subscriptionId: number, url: string, body: unknown): Promise<void> {
    const delivery: Delivery = {
      time: this.options.now(),
      subscriptionId,
      url,
      body,
      status: 0,
    };
    this.deliveries.push(delivery);
    if (!isLocalDestination(url)) {
      delivery.error = 'Refused: the fake only delivers to 127.0.0.1 or localhost.';
      return;
    }
    const controller = new AbortController();
    this.requests.add(controller);
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: controller.signal,
        redirect: 'manual',
      });
      // "The response of the webhook endpoint is discarded" (§9).
      await response.body?.cancel();
      delivery.status = response.status;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      delivery.error = typeof code === 'string' ? `${message} (${code})` : message;
    } finally {
      clearTimeout(timer);
      this.requests.delete(controller);
    }
  }
}

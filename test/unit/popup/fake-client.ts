/** A fake `Client` for popup tests: canned replies per message, every request recorded. */
import type { Client } from '../../../src/shared/client';
import type { MessageName, Payload, Reply } from '../../../src/shared/messages';

export { fail, ok } from '../../../src/shared/result';

type Handler<K extends MessageName> = (payload: Payload<K>) => Reply<K> | Promise<Reply<K>>;
export type Replies = { [K in MessageName]?: Handler<K> | Reply<K> };

export interface FakeClient {
  client: Client;
  /** Every request, in order. */
  calls: Array<{ type: MessageName; payload: unknown }>;
  /** The payloads sent for one message type. */
  sent<K extends MessageName>(type: K): Payload<K>[];
  /** Change the reply for a message type mid-test. */
  reply<K extends MessageName>(type: K, reply: Handler<K> | Reply<K>): void;
}

/** Fails closed: a message without a canned reply rejects, so the test fails loudly. */
export function fakeClient(replies: Replies = {}): FakeClient {
  const table: Replies = { ...replies };
  const calls: FakeClient['calls'] = [];
  const client: Client = async (type, payload) => {
    calls.push({ type, payload });
    const canned = table[type] as Handler<typeof type> | Reply<typeof type> | undefined;
    if (canned === undefined) throw new Error(`fake client: no reply for ${type}`);
    return typeof canned === 'function' ? canned(payload) : canned;
  };
  return {
    client,
    calls,
    sent: <K extends MessageName>(type: K) =>
      calls.filter((call) => call.type === type).map((call) => call.payload as Payload<K>),
    reply: (type, reply) => {
      (table as Record<string, unknown>)[type] = reply;
    },
  };
}

/** A promise the test settles by hand, to look at the popup while a request is in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

import {
  allowedSenders,
  type MessageName,
  type Protocol,
  type SenderKind,
} from '../shared/messages';
import { fail, type Result } from '../shared/result';
import { payloadGuards } from './validate';

/** The parts of `runtime.MessageSender` the router trusts. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; title?: string };
  frameId?: number;
}

export type Handlers = {
  [K in MessageName]: (
    payload: Protocol[K]['payload'],
    sender: SenderInfo,
  ) => Promise<Result<Protocol[K]['result']>>;
};

export interface RouterOptions {
  /** Our own extension id (`runtime.id`). */
  extensionId: string;
  /** Our own origin, e.g. `chrome-extension://abc/` (`runtime.getURL('')`). */
  extensionOrigin: string;
  /** Text for a handler that threw (a bug or a storage fault), so no caller hangs. */
  unexpectedError: () => string;
}

/**
 * Classify a sender: our own pages (popup, options) or a content script in a tab.
 * Anything else (another extension, a web page via externally_connectable) is refused.
 */
export function senderKind(sender: SenderInfo, options: RouterOptions): SenderKind | null {
  if (sender.id !== options.extensionId) return null;
  const fromOurPage = sender.url?.startsWith(options.extensionOrigin) === true;
  if (fromOurPage) return 'extension';
  if (sender.tab?.id !== undefined) return 'content';
  return null;
}

const isMessageName = (value: unknown): value is MessageName =>
  typeof value === 'string' && Object.hasOwn(payloadGuards, value);

/**
 * One router for every message: checks the sender first, then the payload, then
 * calls the handler. Failures come back as data (`{ok: false, error}`).
 */
export function createRouter(handlers: Handlers, options: RouterOptions) {
  return async (message: unknown, sender: SenderInfo): Promise<Result<unknown>> => {
    const type = (message as { type?: unknown } | null)?.type;
    if (!isMessageName(type)) return fail('bad-message', 'Unknown request.');
    const kind = senderKind(sender, options);
    if (kind === null || !allowedSenders[type].includes(kind)) {
      return fail('bad-sender', 'This request is not allowed from here.');
    }
    const payload = payloadGuards[type]((message as { payload?: unknown }).payload);
    if (payload === null) return fail('bad-message', 'Malformed request.');
    const handler = handlers[type] as (p: unknown, s: SenderInfo) => Promise<Result<unknown>>;
    try {
      return await handler(payload, sender);
    } catch (cause) {
      console.error(`net2phone: ${type} failed`, cause);
      return fail('bad-response', options.unexpectedError());
    }
  };
}

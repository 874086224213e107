import {
  type CallSource,
  type MessageName,
  PAGE_LIST_MAX,
  PAGE_TEXT_BATCH,
  type PageEntry,
  type Protocol,
  type WebhookScope,
} from '../shared/messages';
import { MAX_WEBHOOK_URL } from '../shared/webhook-url';

/**
 * Runtime guards for message payloads: each returns a clean copy with only the
 * known fields, or null. Messages cross a trust boundary, so types alone prove nothing.
 */
type Guard<K extends MessageName> = (raw: unknown) => Protocol[K]['payload'] | null;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const MAX_TEXT = 500;
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length <= MAX_TEXT ? value : null;

const MAX_PAGE_TEXT = PAGE_TEXT_BATCH;
const MAX_PAGE_TEXTS = 4_096;

/** A two-letter region code such as `US`; the engine refuses regions it does not know. */
const region = (value: unknown): string | null =>
  typeof value === 'string' && /^[A-Z]{2}$/.test(value) ? value : null;

const empty = (raw: unknown): Record<string, never> | null =>
  raw === undefined || isRecord(raw) ? {} : null;

const webhookScopes: readonly WebhookScope[] = ['self', 'company'];

// What a sender may claim; 'command' and 'omnibox' are the background's own.
const callSources: readonly CallSource[] = ['dial-box', 'selection', 'link', 'page', 'history'];

const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 2 ** 31;

/** One "On this page" entry from a content script; null if any field is off. */
function pageEntry(raw: unknown): PageEntry | null {
  if (!isRecord(raw) || !isId(raw.key) || typeof raw.link !== 'boolean') return null;
  if (typeof raw.e164 !== 'string' || !/^\+[1-9]\d{5,15}$/.test(raw.e164)) return null;
  const ext = typeof raw.ext === 'string' && /^\d{1,10}$/.test(raw.ext) ? raw.ext : undefined;
  const label =
    typeof raw.label === 'string' && raw.label.length <= 40 ? raw.label.trim() : undefined;
  return {
    key: raw.key,
    e164: raw.e164,
    link: raw.link,
    ...(ext ? { ext } : {}),
    ...(label ? { label } : {}),
  };
}

/** A confirmation's id: a UUID the background made. */
const confirmationId = (value: unknown): string | null =>
  typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value) ? value : null;

export const payloadGuards: { [K in MessageName]: Guard<K> } = {
  getConfirmation(raw) {
    const id = isRecord(raw) ? confirmationId(raw.id) : null;
    return id ? { id } : null;
  },
  answerConfirmation(raw) {
    if (!isRecord(raw) || typeof raw.call !== 'boolean') return null;
    const id = confirmationId(raw.id);
    return id ? { id, call: raw.call } : null;
  },
  getSession: empty,
  signOut: empty,
  getHistory: empty,
  clearHistory: empty,
  restoreHistory: empty,
  testConnection: empty,
  reportCount(raw) {
    if (!isRecord(raw)) return null;
    const count = raw.count;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count >= 1e6) {
      return null;
    }
    const list = Array.isArray(raw.numbers) ? raw.numbers.slice(0, PAGE_LIST_MAX) : [];
    const numbers = list.map(pageEntry).filter((entry): entry is PageEntry => entry !== null);
    return { count, numbers };
  },
  getPageNumbers(raw) {
    const tabId = isRecord(raw) ? raw.tabId : null;
    return isId(tabId) ? { tabId } : null;
  },
  showPageNumber(raw) {
    if (!isRecord(raw)) return null;
    const { tabId, frameId, key } = raw;
    return isId(tabId) && isId(frameId) && isId(key) ? { tabId, frameId, key } : null;
  },
  findNumbers(raw) {
    if (!isRecord(raw) || !Array.isArray(raw.texts) || raw.texts.length > MAX_PAGE_TEXTS)
      return null;
    const defaultCountry = region(raw.defaultCountry);
    const lang = typeof raw.lang === 'string' && raw.lang.length <= 35 ? raw.lang : '';
    let total = 0;
    const texts: string[] = [];
    for (const item of raw.texts) {
      if (typeof item !== 'string') return null;
      total += item.length;
      texts.push(item);
    }
    if (defaultCountry === null || total > MAX_PAGE_TEXT) return null;
    return { texts, defaultCountry, lang };
  },
  cardTampered(raw) {
    if (!isRecord(raw)) return null;
    return raw.reason === 'covered' || raw.reason === 'changed' ? { reason: raw.reason } : null;
  },
  readNumber(raw) {
    if (!isRecord(raw)) return null;
    const input = text(raw.input);
    const defaultCountry = region(raw.defaultCountry);
    return input === null || defaultCountry === null ? null : { input, defaultCountry };
  },
  openSignIn: empty,
  signIn(raw) {
    if (!isRecord(raw)) return null;
    const email = text(raw.email);
    const password = text(raw.password);
    const clientId = text(raw.clientId);
    if (email === null || password === null || clientId === null) return null;
    return { email, password, clientId };
  },
  getAccount(raw) {
    if (raw === undefined) return { refresh: false };
    if (!isRecord(raw)) return null;
    return { refresh: raw.refresh === true };
  },
  listSubscriptions(raw) {
    if (raw === undefined) return { refresh: false };
    if (!isRecord(raw)) return null;
    return { refresh: raw.refresh === true };
  },
  createSubscription(raw) {
    if (!isRecord(raw) || !isRecord(raw.events)) return null;
    const name = text(raw.name);
    const url = typeof raw.url === 'string' && raw.url.length <= MAX_WEBHOOK_URL ? raw.url : null;
    const scope = webhookScopes.find((s) => s === raw.scope);
    if (name === null || url === null || scope === undefined) return null;
    const { calls, cdrs, recordings } = raw.events;
    return {
      name,
      url,
      events: { calls: calls === true, cdrs: cdrs === true, recordings: recordings === true },
      scope,
    };
  },
  deleteSubscription(raw) {
    if (!isRecord(raw)) return null;
    const id = text(raw.id);
    return id === null || id.trim() === '' ? null : { id };
  },
  placeCall(raw) {
    if (!isRecord(raw)) return null;
    const number = text(raw.number);
    const source = callSources.find((s) => s === raw.source);
    if (number === null || source === undefined) return null;
    return { number, source };
  },
};

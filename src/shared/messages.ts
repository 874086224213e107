import type { ConfirmReason } from './high-cost';
import type { AppError, Result } from './result';

/** Where a call request came from (for messages, notifications and history). */
export type CallSource =
  | 'dial-box'
  | 'selection'
  | 'link'
  | 'page'
  | 'command'
  | 'omnibox'
  | 'history';

/** One entry of Recent calls (kept in this browser only). */
export interface CallRecord {
  id: string;
  /** ms epoch of the request. */
  at: number;
  dial: string;
  display: string;
  ext?: string;
  source: CallSource;
  /** The page the number came from, when it came from one. */
  page?: { title: string; host: string };
  /** Placed; not placed (with the reason); or status unknown (net2phone may have placed it). */
  outcome: 'placed' | 'failed' | 'unknown';
  /** The message the user saw, for failures and unknown outcomes. */
  error?: string;
  /** What happened in net2phone's or the network's terms ("net2phone answered 503"). */
  detail?: string;
}

/** Who is signed in, as the popup shows it. Never contains a token. */
export interface SessionView {
  signedIn: boolean;
  /** The email the user signed in with. */
  email?: string;
  /** From `GET /api/users/current/` when it answered. */
  user?: { name: string; extension: string; domain: string };
  /** Prefill for the sign-in form: the organisation's or the build's, else the last one used. */
  clientId: string;
  /**
   * The Client ID comes from the organisation's policy or the build (N2P_CLIENT_ID): the form
   * asks only for email and password, and the background signs in with that Client ID.
   */
  clientIdFixed: boolean;
  /** Why the user is signed out, when it was not their choice (e.g. session expired). */
  notice?: AppError;
}

export interface Device {
  /** SIP address of record, e.g. `sip:100@example.com`. */
  aor: string;
  /** The extension part of the AOR. */
  user: string;
  model?: string;
}

export interface CallerId {
  e164: string;
  description?: string;
}

/** Optional account data; a failure of either list never blocks calling. */
export interface AccountView {
  devices: Device[];
  devicesError?: AppError;
  callerIds: CallerId[];
  callerIdsError?: AppError;
}

/** A call that net2phone accepted: the user's own phone rings first. */
export interface CallOutcome {
  /** What was sent as `to`, e.g. `19735551212`. */
  dial: string;
  /** Human form, e.g. `+1 973-555-1212`. */
  display: string;
  /** Extension digits, kept for display only; the API dials the main number. */
  ext?: string;
}

/** What "Test connection" found. */
export interface ConnectionReport {
  signedIn: boolean;
  email?: string;
  /** net2phone answered (any HTTP status). */
  reachable: boolean;
  /** A plain sentence for the user. */
  message: string;
}

/** Which events a webhook carries (§9): calls, CDRs (beta at net2phone) and recordings. */
export interface WebhookEvents {
  calls: boolean;
  cdrs: boolean;
  recordings: boolean;
}

/** Whose events: the signed-in user's own (their extension), or everyone in the company (`*`). */
export type WebhookScope = 'self' | 'company';

/**
 * `active`: live, renewal scheduled at `renewAt`; `renewing`: a renewal is under way or waiting
 * to retry (`error` says why); `failed`: renewal stopped, `error` has net2phone's message.
 */
export type WebhookState = 'active' | 'renewing' | 'failed';

/** What the options page fills in to add a webhook subscription. */
export interface WebhookDraft {
  /** For the user's own reference; the destination's host when empty. */
  name: string;
  /** `https://…` (see src/shared/webhook-url.ts for the rules and the secret-segment helpers). */
  url: string;
  events: WebhookEvents;
  scope: WebhookScope;
}

/** A webhook subscription kept alive by this browser. Never contains a token. */
export interface WebhookSubscription {
  /** net2phone's id, as a string. */
  id: string;
  name: string;
  /** The destination (`post_uri`). */
  postUri: string;
  events: WebhookEvents;
  scope: WebhookScope;
  /** ms epoch when it expires unless renewed. */
  expiresAt: number;
  /** ms epoch of the next renewal attempt; absent once failed. */
  renewAt?: number;
  state: WebhookState;
  /** Why it is retrying (`renewing`) or stopped (`failed`), in net2phone's words when it gave some. */
  error?: string;
}

/**
 * Most characters of page text in one `findNumbers` request: the content script sends its
 * blocks in batches (src/content/page-numbers.ts), so no page can make one message hold the
 * background for long; longer blocks go in overlapping windows.
 */
export const PAGE_TEXT_BATCH = 65_536;

/** A number found in a block of page text, as the content script marks it. */
export interface PageNumber {
  /** UTF-16 offsets into the text sent. */
  start: number;
  end: number;
  e164: string;
  /** What `POST /api/calls/` would send as `to`. */
  dial: string;
  ext?: string;
}

/** Most numbers one frame lists for "On this page". */
export const PAGE_LIST_MAX = 300;

/** A number a frame has marked, as it reports it for "On this page". */
export interface PageEntry {
  /** The mark's key in that frame (src/content/marks.ts). */
  key: number;
  e164: string;
  ext?: string;
  /** The words the page writes before it ("Fax", "Support desk"). */
  label?: string;
  /** Inside a link or button: a click on it keeps the link's behaviour. */
  link: boolean;
}

/** One line of the popup's "On this page". */
export interface PageListItem {
  frameId: number;
  key: number;
  /** "+1 973-555-0142". */
  display: string;
  ext?: string;
  label?: string;
  link: boolean;
}

/** Background → content script of one frame: scroll to the mark `key` and open its card. */
export const SHOW_NUMBER = 'net2phone:show';

export interface ShowNumber {
  type: typeof SHOW_NUMBER;
  key: number;
}

/** A number read for the card (a mark's text or a `tel:`/`callto:` link). */
export interface ReadNumber {
  display: string;
  ext?: string;
  /** Where it rings ("United Kingdom"), when outside the user's own country. */
  place?: string;
  /** A call to it opens the confirmation window first (a high-cost destination). */
  confirm?: boolean;
  /** Nobody is signed in: the card offers "Sign in to call" instead of Call. */
  signedOut?: boolean;
}

/** What the confirmation window shows (src/confirm/). */
export interface ConfirmationView {
  /** "+1 900-976-1234". */
  display: string;
  ext?: string;
  /** Where it rings ("Jamaica", "International network"). */
  place: string;
  /** Why it asks, most serious first. */
  reasons: ConfirmReason[];
}

/**
 * Which contexts may send a message: `extension` is our own pages (popup, options), `content` a
 * content script in a tab. Content scripts may send only `placeCall`, `reportCount`,
 * `findNumbers`, `readNumber`, `openSignIn` and `cardTampered` (`allowedSenders` below).
 */
export type SenderKind = 'extension' | 'content';

/**
 * The protocol: message name → payload → result; `allowedSenders` says who may send each.
 * The background has exactly one handler and one payload guard per entry
 * (test/unit/conventions.test.ts).
 */
export interface Protocol {
  /** The current session, for the popup. */
  getSession: { payload: Record<string, never>; result: SessionView };
  /**
   * Password grant with the user's credentials; on success the session. `clientId` is ignored
   * when the organisation or the build fixes it.
   */
  signIn: { payload: { email: string; password: string; clientId: string }; result: SessionView };
  /** Forget every token. */
  signOut: { payload: Record<string, never>; result: SessionView };
  /** Devices and caller-ID numbers; cached unless `refresh`. */
  getAccount: { payload: { refresh: boolean }; result: AccountView };
  /** Place a call to `number` (any human format); one request at most. */
  placeCall: { payload: { number: string; source: CallSource }; result: CallOutcome };
  /** The last calls placed from this browser, newest first. */
  getHistory: { payload: Record<string, never>; result: CallRecord[] };
  /** Forget every recent call. */
  clearHistory: { payload: Record<string, never>; result: CallRecord[] };
  /** Undo of Clear history (shortly after it): the calls it forgot are back; the list. */
  restoreHistory: { payload: Record<string, never>; result: CallRecord[] };
  /** Options page: is the user signed in, and does net2phone answer? */
  testConnection: { payload: Record<string, never>; result: ConnectionReport };
  /** Options page: the user's webhook subscriptions; `refresh` asks net2phone which still exist. */
  listSubscriptions: { payload: { refresh: boolean }; result: WebhookSubscription[] };
  /** Options page: subscribe a URL to events (same URL again: updates it); renewed until deleted. */
  createSubscription: { payload: WebhookDraft; result: WebhookSubscription };
  /** Options page: delete a subscription at net2phone and here; the remaining list. */
  deleteSubscription: { payload: { id: string }; result: WebhookSubscription[] };
  /**
   * Content script: how many numbers this frame has marked (toolbar badge) and the first
   * PAGE_LIST_MAX of them (the popup's "On this page").
   */
  reportCount: { payload: { count: number; numbers: PageEntry[] }; result: null };
  /**
   * Content script: the numbers in blocks of the frame's text that passed the gate, one list
   * per text. Parsed here, once for every frame (docs/architecture.md, "Page scanning").
   */
  findNumbers: {
    payload: { texts: string[]; defaultCountry: string; lang: string };
    result: PageNumber[][];
  };
  /** Content script: the number of a `tel:`/`callto:` link; null when it is not callable. */
  readNumber: { payload: { input: string; defaultCountry: string }; result: ReadNumber | null };
  /**
   * Content script (call card): the page covered or changed the card, which refused the call
   * or closed; the user is told by a notification, which no page can hide.
   */
  cardTampered: { payload: { reason: 'covered' | 'changed' }; result: null };
  /** Content script (call card): show the sign-in form. */
  openSignIn: { payload: Record<string, never>; result: null };
  /** Popup: the numbers marked in a tab, every frame, one entry per number. */
  getPageNumbers: { payload: { tabId: number }; result: PageListItem[] };
  /** Popup: scroll the tab to one of its numbers and open its card there, Call focused. */
  showPageNumber: { payload: { tabId: number; frameId: number; key: number }; result: null };
  /** Confirmation window: the call waiting for the user's answer (`id` from its address). */
  getConfirmation: { payload: { id: string }; result: ConfirmationView };
  /** Confirmation window: Call (`call`: true, the outcome) or Cancel (null). */
  answerConfirmation: { payload: { id: string; call: boolean }; result: CallOutcome | null };
}

export type MessageName = keyof Protocol;
export type Payload<K extends MessageName> = Protocol[K]['payload'];
export type Reply<K extends MessageName> = Result<Protocol[K]['result']>;

export interface Message<K extends MessageName = MessageName> {
  type: K;
  payload: Payload<K>;
}

/** Who may send each message; the router (src/background/router.ts) enforces it. */
export const allowedSenders: { [K in MessageName]: readonly SenderKind[] } = {
  getSession: ['extension'],
  signIn: ['extension'],
  signOut: ['extension'],
  getAccount: ['extension'],
  placeCall: ['extension', 'content'],
  getHistory: ['extension'],
  clearHistory: ['extension'],
  restoreHistory: ['extension'],
  testConnection: ['extension'],
  listSubscriptions: ['extension'],
  createSubscription: ['extension'],
  deleteSubscription: ['extension'],
  reportCount: ['content'],
  findNumbers: ['content'],
  readNumber: ['content'],
  cardTampered: ['content'],
  openSignIn: ['content'],
  getPageNumbers: ['extension'],
  showPageNumber: ['extension'],
  getConfirmation: ['extension'],
  answerConfirmation: ['extension'],
};

/**
 * Background → content script of one frame, before a call from the context menu or the keyboard
 * command: was what the user picked (the selection, or the link they right-clicked) on screen as
 * it will be dialed? The same rules as marks (src/content/rendered.ts); no answer counts as no.
 */
export const SEEN_QUESTION = 'net2phone:seen';

export interface SeenQuestion {
  type: typeof SEEN_QUESTION;
  kind: 'selection' | 'link';
}

export interface SeenAnswer {
  /** The text the user sees: the selection, or the link's text. */
  text: string;
  /** Every character of it is rendered. */
  seen: boolean;
}

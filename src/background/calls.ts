import { t } from '../shared/i18n';
import type { CallOutcome, CallRecord, CallSource } from '../shared/messages';
import { type AppError, fail, ok, type Result } from '../shared/result';
import type { Api } from './api';
import type { Auth } from './auth';
import { describeFailure, waitSeconds } from './error-text';
import type { HttpOutcome } from './http';

/**
 * A second request for the same number while the first is in flight, or within
 * this long after it settled, is the same (double) click and gets the same answer.
 */
export const DEBOUNCE_MS = 1_000;
/**
 * net2phone allows one call per second per token (§5, fake contract §10.4), counted when a
 * request arrives: two sent exactly 1 s apart can arrive closer when the first was slower on
 * its way, and the second is then refused. The margin absorbs that.
 */
export const MIN_SPACING_MS = 1_100;

export interface ParsedNumber {
  dial: string;
  e164: string;
  display: string;
  ext?: string;
}

/** Where a request came from, for Recent calls. */
export interface CallMeta {
  source: CallSource;
  page?: { title: string; host: string };
  /**
   * Picked on a page by the context menu or the keyboard command: the frame is asked whether the
   * user saw the number as it will be dialed; if not, the confirmation window shows it (issue 10).
   */
  picked?: { tabId: number; frameId: number; kind: 'selection' | 'link' };
}

/**
 * The user's answer before a request is sent: `go` false when they cancelled; `report` is told
 * the outcome (the confirmation window shows it).
 */
export interface Decision {
  go: boolean;
  report?: (result: Result<CallOutcome>) => void;
}

export interface CallerOptions {
  api: Api;
  auth: Auth;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Normalise what the user picked; null when it is not a callable number. */
  parse: (input: string) => Promise<ParsedNumber | null>;
  /** The chosen caller-ID number (E.164), or '' for net2phone's default. */
  callerId?: () => Promise<string>;
  /** The AOR of the device chosen to ring first (Ring on), or '' for net2phone's default. */
  ringOn?: () => Promise<string>;
  /** Told once per request actually sent, with its outcome (Recent calls). */
  onAttempt?: (record: Omit<CallRecord, 'id'>) => void;
  /**
   * Asks the user first when the number needs it (high-cost, unseen, or its last call's status
   * is unknown: `afterUnknown`); none: always go.
   */
  confirm?: (number: ParsedNumber, meta: CallMeta, afterUnknown: boolean) => Promise<Decision>;
  /**
   * Where the numbers whose last call's status is unknown are kept: in `storage.session` in the
   * extension (`sessionUnknownCalls`), so a restart of the service worker (idle after 30 s) does
   * not forget them; in memory by default.
   */
  unknownCalls?: UnknownCalls;
}

/** The numbers (dial strings) whose last call's status is unknown, with when it ended. */
export interface UnknownCalls {
  get(dial: string): Promise<number | undefined>;
  set(dial: string, at: number): Promise<void>;
  delete(dial: string): Promise<void>;
}

/** `UnknownCalls` in memory: forgotten when the background stops. */
export function memoryUnknownCalls(): UnknownCalls {
  const at = new Map<string, number>();
  return {
    get: async (dial) => at.get(dial),
    set: async (dial, when) => void at.set(dial, when),
    delete: async (dial) => void at.delete(dial),
  };
}

/** The slice of `storage.session` that `sessionUnknownCalls` needs. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const UNKNOWN_CALLS_KEY = 'unknownCalls';

/**
 * `UnknownCalls` in `storage.session`: kept while the browser runs, through restarts of the
 * service worker, never written to disk; entries older than UNKNOWN_REMEMBERED_MS are dropped.
 * A copy in memory still answers should the session area fail.
 */
export function sessionUnknownCalls(area: SessionArea, now: () => number): UnknownCalls {
  const memory = memoryUnknownCalls();
  const read = async (): Promise<Record<string, number>> => {
    const stored = (await area.get(UNKNOWN_CALLS_KEY))[UNKNOWN_CALLS_KEY];
    if (typeof stored !== 'object' || stored === null) return {};
    return Object.fromEntries(
      Object.entries(stored).filter(
        (entry): entry is [string, number] =>
          typeof entry[1] === 'number' && now() - entry[1] < UNKNOWN_REMEMBERED_MS,
      ),
    );
  };
  // One change at a time: two calls ending together must not drop each other's entry.
  let queue: Promise<unknown> = Promise.resolve();
  const change = (edit: (all: Record<string, number>) => void) => {
    const next = queue.then(async () => {
      const all = await read();
      edit(all);
      await area.set({ [UNKNOWN_CALLS_KEY]: all });
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    async get(dial) {
      const stored = await read().then(
        (all) => all[dial],
        () => undefined,
      );
      return stored ?? (await memory.get(dial));
    },
    async set(dial, at) {
      await memory.set(dial, at);
      await change((all) => {
        all[dial] = at;
      });
    },
    async delete(dial) {
      await memory.delete(dial);
      await change((all) => {
        delete all[dial];
      });
    },
  };
}

/** Status unknown: the request may have reached net2phone, which may have placed the call. */
const unknown = (detail: string): AppError => ({
  code: 'call-uncertain',
  message: t('callStatusUnknown'),
  detail,
});

/** How long after an unknown outcome a call to the same number needs a confirmation. */
export const UNKNOWN_REMEMBERED_MS = 10 * 60_000;

/**
 * Places calls with `POST /api/calls/`, at most one request per click:
 * double clicks share one request, placements are spaced ≥ 1 s, a request that
 * may have reached net2phone is never retried; only a 401 (rejected before
 * acting) earns one refresh and one more try (reference §11.4).
 */
/**
 * What `POST /api/calls/` is sent for one call, built here and nowhere else (reference §5.1):
 * `to`, then `from` only when the user picked a device (its `user@domain`, from the AOR
 * `sip:user@domain`), and `caller_id_number` only when they picked one.
 */
export function callBody(
  dial: string,
  chosen: { callerId?: string; ringOn?: string } = {},
): Record<string, string> {
  const from = chosen.ringOn ? chosen.ringOn.replace(/^sips?:/i, '') : '';
  return {
    to: dial,
    ...(from ? { from } : {}),
    ...(chosen.callerId ? { caller_id_number: chosen.callerId } : {}),
  };
}

export function createCaller(options: CallerOptions) {
  const { api, auth, now, sleep, parse, callerId, ringOn, onAttempt, confirm } = options;
  /** Numbers whose last call's status is unknown, and when. */
  const unknownAt = options.unknownCalls ?? memoryUnknownCalls();
  /** The last request: shared while in flight and for DEBOUNCE_MS after it settles. */
  let recent: { dial: string; settledAt: number; result: Promise<Result<CallOutcome>> } | null =
    null;
  let queue: Promise<unknown> = Promise.resolve();
  let lastSentAt = Number.NEGATIVE_INFINITY;

  async function describeCallFailure(
    outcome: Exclude<HttpOutcome, { ok: true }>,
    token: string,
  ): Promise<AppError> {
    if (outcome.kind === 'network') {
      if (outcome.offline) return { code: 'network', message: t('errorOfflineCall') };
      if (outcome.timedOut) return unknown(t('detailTimedOut'));
      // Is net2phone reachable at all? If not, the request most likely never left.
      const probe = await api.get('users/current/', token);
      return !probe.ok && probe.kind === 'network'
        ? { code: 'network', message: t('errorUnreachableCall', api.host) }
        : unknown(t('detailConnectionLost'));
    }
    if (outcome.status === 429) {
      const seconds = waitSeconds(outcome);
      return {
        code: 'rate-limited',
        message: t('errorRateLimited', String(seconds)),
        retryAfterSeconds: seconds,
      };
    }
    if (outcome.status >= 500) return unknown(t('detailServerAnswered', String(outcome.status)));
    return describeFailure(outcome, api.host);
  }

  async function send(number: ParsedNumber, meta: CallMeta): Promise<Result<CallOutcome>> {
    const { result, sentAt } = await request(number);
    // Refused before sending (not signed in): nothing was placed, nothing to remember.
    if (sentAt === null) return result;
    onAttempt?.({
      at: sentAt,
      dial: number.dial,
      display: number.display,
      ...(number.ext ? { ext: number.ext } : {}),
      source: meta.source,
      ...(meta.page ? { page: meta.page } : {}),
      outcome: result.ok ? 'placed' : result.error.code === 'call-uncertain' ? 'unknown' : 'failed',
      ...(result.ok ? {} : { error: result.error.message }),
      ...(!result.ok && result.error.detail ? { detail: result.error.detail } : {}),
    });
    return result;
  }

  async function request(
    number: ParsedNumber,
  ): Promise<{ result: Result<CallOutcome>; sentAt: number | null }> {
    const token = await auth.accessToken();
    if (!token.ok) return { result: token, sentAt: null };
    const chosen = { callerId: (await callerId?.()) ?? '', ringOn: (await ringOn?.()) ?? '' };
    const wait = lastSentAt + MIN_SPACING_MS - now();
    if (wait > 0) await sleep(wait);
    lastSentAt = now();
    const sentAt = lastSentAt;
    const body = callBody(number.dial, chosen);
    let used = token.value;
    let outcome = await api.post('calls/', used, body);
    if (!outcome.ok && outcome.kind === 'http' && outcome.status === 401) {
      const again = await auth.refreshAfterRejection(used);
      if (!again.ok) return { result: again, sentAt };
      used = again.value;
      outcome = await api.post('calls/', used, body);
    }
    if (outcome.ok) {
      const placed = {
        dial: number.dial,
        display: number.display,
        ...(number.ext ? { ext: number.ext } : {}),
      };
      return { result: ok(placed), sentAt };
    }
    return { result: { ok: false, error: await describeCallFailure(outcome, used) }, sentAt };
  }

  /** The user's answer first (never holding other calls' queue), then one request in turn. */
  async function decideAndSend(number: ParsedNumber, meta: CallMeta): Promise<Result<CallOutcome>> {
    const lastUnknown = await unknownAt.get(number.dial).catch(() => undefined);
    const afterUnknown = now() - (lastUnknown ?? Number.NEGATIVE_INFINITY) < UNKNOWN_REMEMBERED_MS;
    const decision: Decision = confirm ? await confirm(number, meta, afterUnknown) : { go: true };
    if (!decision.go) return fail('cancelled', t('callCancelled'));
    const sent = queue.then(() => send(number, meta));
    queue = sent.catch(() => undefined);
    let result: Result<CallOutcome>;
    try {
      result = await sent;
    } catch (cause) {
      decision.report?.(fail('bad-response', t('errorUnexpected')));
      throw cause;
    }
    // Kept before the outcome is reported: a quick second click must find it.
    if (!result.ok && result.error.code === 'call-uncertain') {
      await unknownAt.set(number.dial, now()).catch(() => undefined);
    } else if (result.ok) {
      await unknownAt.delete(number.dial).catch(() => undefined);
    }
    decision.report?.(result);
    return result;
  }

  return {
    async placeCall(
      input: string,
      meta: CallMeta = { source: 'dial-box' },
    ): Promise<Result<CallOutcome>> {
      const trimmed = input.trim();
      if (trimmed === '') return fail('invalid-number', t('errorEmptyNumber'));
      const number = await parse(trimmed);
      if (!number) return fail('invalid-number', t('errorInvalidNumber', trimmed.slice(0, 40)));
      // No await between this check and `recent = …`: two racing messages cannot both pass.
      if (recent && recent.dial === number.dial && now() - recent.settledAt < DEBOUNCE_MS) {
        return recent.result;
      }
      const result = decideAndSend(number, meta);
      const entry = { dial: number.dial, settledAt: Number.POSITIVE_INFINITY, result };
      recent = entry;
      result
        .then((settled) => {
          entry.settledAt = now();
          // A Cancel or an unknown outcome is not a click to share: the next click asks again
          // (after an unknown outcome, in the confirmation window).
          const asksAgain =
            !settled.ok &&
            (settled.error.code === 'cancelled' || settled.error.code === 'call-uncertain');
          if (asksAgain && recent === entry) recent = null;
        })
        .catch(() => {
          entry.settledAt = now();
        });
      return result;
    },
  };
}

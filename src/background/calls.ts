import { t } from '../shared/i18n';
import type { CallOutcome } from '../shared/messages';
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
/** net2phone allows one call per second per token (§5, fake contract §10.4). */
export const MIN_SPACING_MS = 1_000;

export interface ParsedNumber {
  dial: string;
  display: string;
  ext?: string;
}

export interface CallerOptions {
  api: Api;
  auth: Auth;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Normalise what the user picked; null when it is not a callable number. */
  parse: (input: string) => Promise<ParsedNumber | null>;
}

/**
 * Places calls with `POST /api/calls/`, at most one request per click:
 * double clicks share one request, placements are spaced ≥ 1 s, a request that
 * may have reached net2phone is never retried; only a 401 (rejected before
 * acting) earns one refresh and one more try (reference §11.4).
 */
export function createCaller({ api, auth, now, sleep, parse }: CallerOptions) {
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
      if (outcome.timedOut) return { code: 'call-uncertain', message: t('errorCallUncertain') };
      // Is net2phone reachable at all? If not, the request most likely never left.
      const probe = await api.get('users/current/', token);
      return !probe.ok && probe.kind === 'network'
        ? { code: 'network', message: t('errorUnreachableCall', api.host) }
        : { code: 'call-uncertain', message: t('errorCallUncertain') };
    }
    if (outcome.status === 429) {
      const seconds = waitSeconds(outcome);
      return {
        code: 'rate-limited',
        message: t('errorRateLimited', String(seconds)),
        retryAfterSeconds: seconds,
      };
    }
    if (outcome.status >= 500) {
      return { code: 'call-uncertain', message: t('errorServerCall', String(outcome.status)) };
    }
    return describeFailure(outcome, api.host);
  }

  async function send(number: ParsedNumber): Promise<Result<CallOutcome>> {
    const token = await auth.accessToken();
    if (!token.ok) return token;
    const wait = lastSentAt + MIN_SPACING_MS - now();
    if (wait > 0) await sleep(wait);
    lastSentAt = now();
    const body = { to: number.dial };
    let used = token.value;
    let outcome = await api.post('calls/', used, body);
    if (!outcome.ok && outcome.kind === 'http' && outcome.status === 401) {
      const again = await auth.refreshAfterRejection(used);
      if (!again.ok) return again;
      used = again.value;
      outcome = await api.post('calls/', used, body);
    }
    if (outcome.ok) {
      return ok({
        dial: number.dial,
        display: number.display,
        ...(number.ext ? { ext: number.ext } : {}),
      });
    }
    return { ok: false, error: await describeCallFailure(outcome, used) };
  }

  return {
    async placeCall(input: string): Promise<Result<CallOutcome>> {
      const trimmed = input.trim();
      if (trimmed === '') return fail('invalid-number', t('errorEmptyNumber'));
      const number = await parse(trimmed);
      if (!number) return fail('invalid-number', t('errorInvalidNumber', trimmed.slice(0, 40)));
      // No await between this check and `recent = …`: two racing messages cannot both pass.
      if (recent && recent.dial === number.dial && now() - recent.settledAt < DEBOUNCE_MS) {
        return recent.result;
      }
      const result = queue.then(() => send(number));
      const entry = { dial: number.dial, settledAt: Number.POSITIVE_INFINITY, result };
      recent = entry;
      queue = result
        .finally(() => {
          entry.settledAt = now();
        })
        .catch(() => undefined);
      return result;
    },
  };
}

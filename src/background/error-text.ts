import { t } from '../shared/i18n';
import { type AppError, type ErrorCode, fail, type Result } from '../shared/result';
import type { HttpOutcome } from './http';

type Failure = Exclude<HttpOutcome, { ok: true }>;

/**
 * net2phone's own words from an error body: `message` when it is a string, else the
 * first string of a field-keyed body (`{"to": "…"}` or `{"to": ["…"]}`), else null.
 */
export function serverMessage(body: unknown): string | null {
  if (typeof body === 'string') return body.length > 0 && body.length <= 300 ? body : null;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  if (typeof record.message === 'string' && record.message.trim() !== '') return record.message;
  for (const [field, value] of Object.entries(record)) {
    if (field === 'status' || field === 'code') continue;
    const first = Array.isArray(value) ? value.find((v) => typeof v === 'string') : value;
    if (typeof first === 'string' && first.trim() !== '') {
      return field === 'error_description' || field === 'error' || field === 'detail'
        ? first
        : `${field}: ${first}`;
    }
  }
  return null;
}

/** Seconds to wait after a 429: Retry-After, else the limit in the message ("1 per 1 second"). */
export function waitSeconds(failure: Failure): number {
  if (failure.kind === 'http' && failure.retryAfterSeconds !== undefined) {
    return failure.retryAfterSeconds;
  }
  const text = failure.kind === 'http' ? (serverMessage(failure.body) ?? '') : '';
  const match = /per\s+(\d+)?\s*(second|minute|hour)/i.exec(text);
  if (!match) return 1;
  const count = Number(match[1] ?? 1);
  const unit = match[2]?.toLowerCase();
  return count * (unit === 'hour' ? 3600 : unit === 'minute' ? 60 : 1);
}

function error(code: ErrorCode, message: string, extra: Partial<AppError> = {}): AppError {
  return { code, message, ...extra };
}

/** A plain, specific message for any failed exchange outside a call. */
export function describeFailure(failure: Failure, host: string): AppError {
  if (failure.kind === 'network') {
    if (failure.offline) return error('network', t('errorOffline'));
    if (failure.timedOut) return error('network', t('errorTimeout', host));
    return error('network', t('errorUnreachable', host));
  }
  const said = serverMessage(failure.body);
  const { status } = failure;
  if (status === 429) {
    const seconds = waitSeconds(failure);
    return error('rate-limited', t('errorRateLimited', String(seconds)), {
      retryAfterSeconds: seconds,
    });
  }
  if (status >= 500) return error('server', t('errorServer', String(status)));
  if (status === 403) return error('forbidden', said ?? t('errorForbidden'));
  if (status === 401) return error('session-expired', t('errorSessionExpired'));
  return error(
    'rejected',
    said ? t('errorRejectedWith', said) : t('errorRejected', String(status)),
  );
}

export const failWith = <T>(appError: AppError): Result<T> =>
  fail(appError.code, appError.message, appError);

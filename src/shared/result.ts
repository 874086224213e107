/**
 * Errors cross every boundary (background ↔ popup ↔ content) as data, never as
 * rejected promises, so their kind survives structured cloning.
 */
export type ErrorCode =
  | 'invalid-number' // the text is not a callable number; nothing was sent
  | 'not-signed-in' // no session; the user has to sign in
  | 'session-expired' // the refresh grant was refused; the user has to sign in again
  | 'bad-credentials' // wrong email or password
  | 'unknown-client' // the Client ID is not known to net2phone
  | 'invalid-input' // a form field is missing or malformed
  | 'network' // net2phone could not be reached
  | 'call-uncertain' // the call request may have reached net2phone; do not retry blindly
  | 'rate-limited' // 429: wait and try again
  | 'forbidden' // 403
  | 'rejected' // 4xx with net2phone's own message
  | 'server' // 5xx outside a call
  | 'bad-response' // a 2xx body we cannot use
  | 'bad-sender' // a message from a context that may not send it
  | 'bad-message' // a malformed message
  | 'cancelled' // the user said Cancel in the confirmation window; nothing was sent
  | 'expired'; // a confirmation that is no longer waiting (closed, or the background restarted)

export interface AppError {
  code: ErrorCode;
  /** Plain, specific text for the user. */
  message: string;
  /** For `rate-limited`: how long to wait. */
  retryAfterSeconds?: number;
  /** What happened, in net2phone's or the network's terms ("net2phone answered 503"): shown as a detail, never as the message. */
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  extra: Partial<AppError> = {},
): Result<T> => ({ ok: false, error: { code, message, ...extra } });

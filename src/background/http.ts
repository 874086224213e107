/**
 * One HTTP exchange with net2phone, reduced to data: a parsed body or a
 * classified failure. Never throws; every body is parsed defensively
 * (reference/integrate-api.md §11.5).
 */
export type HttpOutcome =
  | { ok: true; status: number; body: unknown }
  | {
      ok: false;
      /** `network`: no HTTP answer (refused, dropped, timed out). */
      kind: 'network';
      /** The request was fully sent before it failed, so the server may have acted on it. */
      mayHaveReached: boolean;
      offline: boolean;
      timedOut: boolean;
    }
  | { ok: false; kind: 'http'; status: number; body: unknown; retryAfterSeconds?: number };

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  isOnline: () => boolean;
}

/** Parse a body only when it is non-empty JSON; anything else is kept as text. */
export function parseBody(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    return JSON.parse(trimmed);
  } catch {
    return trimmed;
  }
}

function retryAfter(response: Response): number | undefined {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : undefined;
}

export async function send(request: HttpRequest, options: HttpOptions): Promise<HttpOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  let sent = false;
  try {
    const pending = options.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    });
    // fetch cannot tell "refused before sending" from "dropped after sending":
    // from here on, treat a POST as possibly delivered (rule 4).
    sent = true;
    const response = await pending;
    const body = parseBody(await response.text());
    if (response.ok) return { ok: true, status: response.status, body };
    const after = retryAfter(response);
    return {
      ok: false,
      kind: 'http',
      status: response.status,
      body,
      ...(after === undefined ? {} : { retryAfterSeconds: after }),
    };
  } catch {
    return {
      ok: false,
      kind: 'network',
      mayHaveReached: sent && request.method !== 'GET',
      offline: !options.isOnline(),
      timedOut,
    };
  } finally {
    clearTimeout(timer);
  }
}

import { onTestFinished } from 'vitest';

/**
 * A fail-closed fake `fetch`: every request must match a scripted route, or
 * the test fails. An unmatched request is rejected, like a dropped connection,
 * and recorded in `unexpected`; the code under test may well swallow that
 * rejection (http.ts turns it into a "network" outcome), so the fake also fails
 * the current test when it finishes, naming every unexpected request.
 */
export interface SeenRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Reply =
  | { status: number; body?: unknown; text?: string; headers?: Record<string, string> }
  | { drop: true }
  | { hang: true };

export type Route = (request: SeenRequest) => Reply | undefined | Promise<Reply | undefined>;

/** The failure for requests no route answered, or undefined when there were none. */
export function unexpectedRequestsError(requests: readonly SeenRequest[]): Error | undefined {
  if (requests.length === 0) return undefined;
  const list = requests.map((r) => `  ${r.method} ${r.url}`).join('\n');
  const noun = requests.length === 1 ? 'request' : 'requests';
  return new Error(`fake fetch: ${requests.length} unexpected ${noun}, no route matched:\n${list}`);
}

/** Must be called inside a test (or a beforeEach): the check is tied to that test. */
export function fakeFetch(routes: Route[] = []) {
  const seen: SeenRequest[] = [];
  const unexpected: SeenRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [
        k.toLowerCase(),
        v,
      ]),
    );
    const raw = typeof init.body === 'string' ? init.body : '';
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {}
    const request: SeenRequest = {
      method: init.method ?? 'GET',
      url,
      path: new URL(url).pathname,
      headers,
      body,
    };
    seen.push(request);
    for (const route of routes) {
      const reply = await route(request);
      if (!reply) continue;
      if ('drop' in reply) throw new TypeError('Failed to fetch');
      if ('hang' in reply) {
        return new Promise((_, reject) => {
          init.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        });
      }
      const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
      return new Response(text === '' ? null : text, {
        status: reply.status,
        headers: reply.headers ?? {},
      });
    }
    unexpected.push(request);
    throw new Error(`fake fetch: unexpected ${request.method} ${url}`);
  };
  const fake = {
    fetch: fetch as typeof globalThis.fetch,
    seen,
    unexpected,
    routes,
    /** Requests to one path, e.g. `/api/calls/`. */
    to: (path: string) => seen.filter((r) => r.path === path),
    /** Throws naming every request no route answered so far. */
    verify: () => {
      const error = unexpectedRequestsError(unexpected);
      if (error) throw error;
    },
  };
  onTestFinished(() => fake.verify());
  return fake;
}

export const on =
  (method: string, path: string, reply: Reply | ((r: SeenRequest) => Reply)): Route =>
  (request) =>
    request.method === method && request.path === path
      ? typeof reply === 'function'
        ? reply(request)
        : reply
      : undefined;

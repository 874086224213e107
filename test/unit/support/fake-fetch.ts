/**
 * A fail-closed fake `fetch`: every request must match a scripted route, or
 * the test fails (the request is recorded in `unexpected` and rejected).
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
  return {
    fetch: fetch as typeof globalThis.fetch,
    seen,
    unexpected,
    routes,
    /** Requests to one path, e.g. `/api/calls/`. */
    to: (path: string) => seen.filter((r) => r.path === path),
  };
}

export const on =
  (method: string, path: string, reply: Reply | ((r: SeenRequest) => Reply)): Route =>
  (request) =>
    request.method === method && request.path === path
      ? typeof reply === 'function'
        ? reply(request)
        : reply
      : undefined;

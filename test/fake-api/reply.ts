/** What a handler returns, and how it goes on the wire. */
import { type ServerResponse, STATUS_CODES } from 'node:http';

export interface Reply {
  status: number;
  /** Exactly the bytes sent (and recorded in the log); '' for no body. */
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

const JSON_TYPE = 'application/json';

export function json(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value), contentType: JSON_TYPE };
}

/** The documented generic error body (integrate-api.md §3): `{"status": N, "message": "..."}`. */
export function apiError(status: number, message: string): Reply {
  return json(status, { status, message });
}

export function text(
  status: number,
  body: string,
  contentType = 'text/plain; charset=utf-8',
): Reply {
  return { status, body, contentType };
}

export function empty(status: number): Reply {
  return { status, body: '' };
}

/** Messages the spec documents per status (§3), used when a fault or route gives none. */
export function defaultMessage(status: number): string {
  switch (status) {
    case 401:
      return 'Invalid token.';
    case 403:
      return 'Access Forbidden, you do not have the correct permissions.';
    case 404:
      return 'Resource does not exist.';
    case 422:
      return 'An invalid version number was provided.';
    case 500:
      return 'An error occurred while marshalling the response.';
    default:
      return STATUS_CODES[status] ?? `HTTP ${status}`;
  }
}

/**
 * The extension calls from a chrome-extension:// origin with host permission, so CORS is not
 * needed there; answering permissively keeps a page-origin test (or a curious developer in a
 * console) from mistaking a CORS failure for an API failure.
 */
export const corsHeaders: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Max-Age': '600',
};

export function preflight(requestedHeaders: string | undefined): Reply {
  return {
    status: 204,
    body: '',
    headers: {
      'Access-Control-Allow-Headers': requestedHeaders ?? 'Authorization, Accept, Content-Type',
    },
  };
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...corsHeaders, ...reply.headers };
  // 204 and 304 must not carry a body or a Content-Type.
  const bodyless = reply.status === 204 || reply.status === 304;
  if (reply.contentType && !bodyless) headers['Content-Type'] = reply.contentType;
  res.writeHead(reply.status, headers);
  res.end(bodyless ? undefined : reply.body);
}

import { config } from '../shared/config';
import { type HttpOptions, type HttpOutcome, send } from './http';

/**
 * The net2phone endpoints this extension uses, as raw outcomes. Callers decide
 * what a failure means for the user (sign-in, account lists and calls differ).
 */
export interface ApiOptions {
  base: string;
  fetch: typeof fetch;
  timeoutMs?: number;
  isOnline?: () => boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export type Api = ReturnType<typeof createApi>;

export function createApi(options: ApiOptions) {
  const http: HttpOptions = {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 20_000,
    isOnline: options.isOnline ?? (() => true),
  };
  const url = (path: string) => `${options.base}/api/${path}`;

  const withToken = (token: string) => ({
    Authorization: `Bearer ${token}`,
    Accept: config.accept,
  });

  return {
    host: new URL(options.base).host,

    /** `POST /api/oauth/token/` with a JSON body, as net2phone's help page shows (§2). */
    token(fields: Record<string, string>): Promise<HttpOutcome> {
      return send(
        {
          method: 'POST',
          url: url('oauth/token/'),
          headers: { 'Content-Type': JSON_TYPE, Accept: 'application/json' },
          body: JSON.stringify(fields),
        },
        http,
      );
    },

    /** Does net2phone answer at all? Any HTTP status counts (no credentials sent). */
    async reachable(): Promise<boolean> {
      const outcome = await send(
        { method: 'GET', url: url('users/current/'), headers: { Accept: config.accept } },
        http,
      );
      return outcome.ok || outcome.kind === 'http';
    },

    get(path: string, token: string): Promise<HttpOutcome> {
      return send({ method: 'GET', url: url(path), headers: withToken(token) }, http);
    },

    post(path: string, token: string, body: Record<string, unknown>): Promise<HttpOutcome> {
      return send(
        {
          method: 'POST',
          url: url(path),
          headers: { ...withToken(token), 'Content-Type': JSON_TYPE },
          body: JSON.stringify(body),
        },
        http,
      );
    },

    /** DELETE with the token (webhook subscriptions, §9: 204, or 404 once gone). */
    delete(path: string, token: string): Promise<HttpOutcome> {
      return send({ method: 'DELETE', url: url(path), headers: withToken(token) }, http);
    },
  };
}

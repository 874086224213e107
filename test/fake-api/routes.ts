/**
 * The API's endpoints and how a request finds one. To add an endpoint, add a row to `routes`;
 * `:name` path segments arrive in `ctx.params`.
 */
import { placeCall } from './calls';
import type { AuthedContext, RequestContext } from './context';
import { callerIdNumbers, phoneNumbers, userDevices, userProfile } from './fixtures';
import { guard } from './guard';
import { apiError, json, type Reply } from './reply';
import { createSubscription, deleteSubscription, readSubscription } from './subscriptions';
import { tokenEndpoint } from './token-endpoint';

/** A placed call also produces webhook events for matching subscriptions (§9). */
function placeCallAndNotify(ctx: AuthedContext): Reply {
  const reply = placeCall(ctx);
  const to = ctx.body.fields.to;
  if (reply.status < 300 && typeof to === 'string') {
    ctx.state.webhooks.callPlaced(ctx.session.user, to);
  }
  return reply;
}

export type Route = {
  method: string;
  path: string;
} /** Reached without a Bearer token or versioned Accept header. */ & (
  | { open: true; handle: (ctx: RequestContext) => Reply }
  /** Behind the Bearer and Accept checks (§10.2–3). */
  | { open?: false; handle: (ctx: AuthedContext) => Reply }
);

export const routes: readonly Route[] = [
  { method: 'POST', path: '/api/oauth/token/', open: true, handle: tokenEndpoint },
  { method: 'POST', path: '/api/calls/', handle: placeCallAndNotify },
  {
    method: 'GET',
    path: '/api/users/current/',
    handle: (c) => json(200, userProfile(c.session.user)),
  },
  {
    method: 'GET',
    path: '/api/devices/users/current/',
    handle: (c) => json(200, userDevices(c.session.user)),
  },
  { method: 'GET', path: '/api/caller_id_numbers/', handle: () => json(200, callerIdNumbers) },
  { method: 'GET', path: '/api/phone_numbers/', handle: () => json(200, phoneNumbers) },
  { method: 'POST', path: '/api/subscriptions/', handle: createSubscription },
  { method: 'GET', path: '/api/subscriptions/:id/', handle: readSubscription },
  { method: 'DELETE', path: '/api/subscriptions/:id/', handle: deleteSubscription },
];

/** Matches `/api/things/:id/` against `/api/things/42/`; paths must agree on the trailing slash. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] ?? '';
    if (segment.startsWith(':')) {
      if (actual === '') return undefined;
      params[segment.slice(1)] = decodeURIComponent(actual);
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return params;
}

/** Runs the request through the matching route, or answers 404/405. */
export function dispatch(ctx: Omit<RequestContext, 'params'>): Reply {
  const candidates = routes.flatMap((route) => {
    const params = matchPath(route.path, ctx.path);
    return params ? [{ route, params }] : [];
  });
  // The spec's documented 404 body (§3); the real API has no trailing-slash redirects we rely on.
  if (candidates.length === 0) return apiError(404, 'Resource does not exist.');
  const hit = candidates.find((c) => c.route.method === ctx.method);
  if (!hit) {
    const allow = candidates.map((c) => c.route.method).join(', ');
    return { ...apiError(405, 'Method not allowed.'), headers: { Allow: allow } };
  }
  const full: RequestContext = { ...ctx, params: hit.params };
  if (hit.route.open) return hit.route.handle(full);
  const authed = guard(full);
  return 'session' in authed ? hit.route.handle(authed) : authed;
}

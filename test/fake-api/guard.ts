/**
 * The two checks every API endpoint except the token endpoint makes (integrate-api.md §10.2–3).
 * Bearer comes first so a caller without credentials learns nothing else; the real order is
 * undocumented, and our client always sends both headers.
 */
import type { AuthedContext, RequestContext } from './context';
import { apiError, type Reply } from './reply';

/** Any v1 version is accepted ("v1.2.0" in the portal docs up to "v1.10.0" seen live, §1). */
const VERSIONED_ACCEPT = /^application\/vnd\.integrate\.v1\.\d+\.\d+\+json$/i;

export const INVALID_VERSION = 'An invalid version number was provided.';

/** True when some media range in the Accept header names a v1 API version. */
export function acceptsApiVersion(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept
    .split(',')
    .some((range) => VERSIONED_ACCEPT.test((range.split(';')[0] ?? '').trim()));
}

/** The token from `Authorization: Bearer <token>`, if that is what the header holds. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/**
 * The body for a rejected token is undocumented (§3); `{"status": 401, "message": ...}` follows the
 * generic error shape, with a message per cause to make test failures readable.
 */
export function guard(ctx: RequestContext): AuthedContext | Reply {
  const token = bearerToken(ctx.headers.authorization);
  if (!token) return apiError(401, 'Authentication credentials were not provided.');
  const auth = ctx.state.tokens.authenticate(token);
  if (!auth.ok) {
    return apiError(401, auth.reason === 'expired' ? 'Token has expired.' : 'Invalid token.');
  }
  if (!acceptsApiVersion(ctx.headers.accept)) return apiError(422, INVALID_VERSION);
  return { ...ctx, session: { accessToken: auth.accessToken, user: auth.grant.user } };
}

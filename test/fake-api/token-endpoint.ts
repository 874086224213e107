/**
 * `POST /api/oauth/token/` — password and refresh_token grants (integrate-api.md §2, §10.1).
 * No Bearer or Accept check here: the Python client sends no Accept on token requests (§1).
 */
import type { RequestContext } from './context';
import { apiError, json, type Reply } from './reply';
import { findUser, isKnownClient } from './users';

/** §2.5 assumption: the body for a wrong password or a bad/expired refresh token. */
export const INVALID_CREDENTIALS = 'Invalid credentials';

/**
 * Assumption (undocumented): an unknown client_id gets a 401 whose message differs from a wrong
 * password's, so the popup can say "unknown Client ID" rather than "wrong password". The real API
 * only documents "Invalid Vendor" (§3) for a related case; whatever it really says, the client
 * must fall back to a generic sign-in error when the message is not this one.
 */
export const INVALID_CLIENT = 'Invalid client';

function field(fields: Record<string, unknown>, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The client id from `Authorization: Bearer base64(client_id:client_secret)`, as spec 1.9 shows
 * for the JSON refresh grant (§2.2; the docs say Bearer although it is Basic-like). Basic is also
 * accepted, since that is what such a header usually is.
 */
export function clientIdFromHeader(authorization: string | undefined): string | undefined {
  const match = /^(?:Bearer|Basic)\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const id = decoded.split(':')[0] ?? '';
  // Anything non-printable means it was not base64 of "id:secret" after all.
  return id !== '' && /^[\x20-\x7e]+$/.test(id) ? id : undefined;
}

export function tokenEndpoint(ctx: RequestContext): Reply {
  if (!ctx.body.ok) return apiError(400, ctx.body.message);
  const fields = ctx.body.fields;
  const { tokens, users } = ctx.state;

  const grantType = field(fields, 'grant_type');
  if (!grantType) return apiError(400, 'The grant_type field is required.');
  if (grantType !== 'password' && grantType !== 'refresh_token') {
    return apiError(400, `Unsupported grant_type: ${grantType}.`);
  }
  const clientId = field(fields, 'client_id') ?? clientIdFromHeader(ctx.headers.authorization);
  if (!clientId) return apiError(400, 'The client_id field is required.');

  if (grantType === 'password') {
    const username = field(fields, 'username');
    const password = field(fields, 'password');
    if (!username || !password) {
      return apiError(400, 'The username and password fields are required.');
    }
    if (!isKnownClient(users, clientId)) return apiError(401, INVALID_CLIENT);
    const user = findUser(users, username);
    // A Client ID is an API key of one domain: another user's key does not sign this one in.
    if (!user || user.password !== password || user.clientId !== clientId) {
      return apiError(401, INVALID_CREDENTIALS);
    }
    return json(200, tokens.signIn(user, clientId));
  }

  const refreshToken = field(fields, 'refresh_token');
  if (!refreshToken) return apiError(400, 'The refresh_token field is required.');
  if (!isKnownClient(users, clientId)) return apiError(401, INVALID_CLIENT);
  const response = tokens.refreshGrant(refreshToken, clientId);
  return response ? json(200, response) : apiError(401, INVALID_CREDENTIALS);
}

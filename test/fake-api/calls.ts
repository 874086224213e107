/** `POST /api/calls/` — place a call (integrate-api.md §5, §10.4). */
import type { AuthedContext, CallResponseMode } from './context';
import { apiError, empty, json, type Reply, text } from './reply';

/**
 * Destinations the API is documented to take (§5.1): E.164, 1 + 10 digits, 011…, bare
 * extensions, and SIP addresses. Anything else (spaces, punctuation, letters) means the client
 * forgot to normalise, which a lenient fake would hide.
 */
const DIALABLE = /^(?:\+?\d{2,20}|sip:[^\s@]+@[^\s@]+)$/i;

export function placeCall(ctx: AuthedContext): Reply {
  // The limiter runs before the request is validated, as a Flask-Limiter decorator would.
  const limited = ctx.state.callLimiter.hit(ctx.session.accessToken, ctx.now);
  if (limited) return json(429, { message: limited });

  if (!ctx.body.ok) return apiError(400, ctx.body.message);
  const { to, from } = ctx.body.fields;
  if (to === undefined || to === null || to === '') {
    return apiError(400, 'The to field is required.');
  }
  if (typeof to !== 'string' || !DIALABLE.test(to)) {
    return apiError(400, 'The to field must be a phone number or a SIP address.');
  }
  if (from !== undefined && from !== null && typeof from !== 'string') {
    return apiError(400, 'The from field must be a string.');
  }
  return callPlaced(ctx.state.callResponse, to);
}

/**
 * Spec 1.9 says 201 with no body and spec 1.8 says 200; a third-party client parses JSON from it
 * (§5.2). The default gives a small JSON body; tests switch to the other modes to prove the
 * client treats any 2xx as success and never requires a body.
 */
function callPlaced(mode: CallResponseMode, to: string): Reply {
  switch (mode) {
    case 'json201':
      return json(201, { message: 'Call placed.', to });
    case 'json200':
      return json(200, { message: 'Call placed.', to });
    case 'empty201':
      return empty(201);
    case 'text201':
      return text(201, 'Call placed.');
  }
}

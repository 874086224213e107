/**
 * `/__fake/*`: a tiny control API so another process (the e2e browser tests, `npm start`) can
 * drive a fake it did not start in-process. These requests are not API traffic: they are never
 * logged and never faulted.
 *
 *   GET  /__fake/log                   every recorded API request (JSON array)
 *   GET  /__fake/calls                 only the POST /api/calls/ ones
 *   GET  /__fake/clock                 {"now": <fake-clock ms>}
 *   POST /__fake/clear-log
 *   POST /__fake/advance?ms=N          moves the fake clock; answers {"now": ...}
 *   POST /__fake/fault                 body: a Fault as JSON (see faults.ts)
 *   POST /__fake/clear-faults
 *   POST /__fake/expire-tokens         every issued access token expires now
 *   POST /__fake/revoke-refresh-tokens every refresh token becomes unknown
 *   GET  /__fake/subscriptions         live webhook subscriptions (JSON array, with expiresAt)
 *   GET  /__fake/deliveries            every webhook POST attempted (JSON array)
 *   POST /__fake/clear-deliveries
 *   POST /__fake/hook/<anything>       a local webhook receiver: answers 204 (subscribe to it)
 *   POST /__fake/reset                 log, faults, rate limits, clock offset, subscriptions and
 *                                      deliveries back to start
 */
import { faultProblem } from './faults';
import { empty, json, type Reply } from './reply';
import type { FakeApi } from './types';

export const CONTROL_PREFIX = '/__fake/';

const ok = (): Reply => json(200, { ok: true });
const bad = (message: string): Reply => json(400, { status: 400, message });

export function control(
  api: FakeApi,
  method: string,
  path: string,
  query: Record<string, string>,
  rawBody: string,
): Reply {
  const action = `${method} ${path.slice(CONTROL_PREFIX.length).replace(/\/$/, '')}`;
  // The receiver: what it was sent is in `deliveries`, so it only has to answer (§9: 200 or 204).
  if (method === 'POST' && path.startsWith(`${CONTROL_PREFIX}hook/`)) return empty(204);
  switch (action) {
    case 'GET log':
      return json(200, api.log);
    case 'GET calls':
      return json(200, api.calls());
    case 'GET subscriptions':
      return json(200, api.subscriptions());
    case 'GET deliveries':
      return json(200, api.deliveries);
    case 'POST clear-deliveries':
      api.clearDeliveries();
      return ok();
    case 'GET clock':
      return json(200, { now: api.now() });
    case 'POST clear-log':
      api.clearLog();
      return ok();
    case 'POST advance': {
      const ms = Number(query.ms);
      if (query.ms === undefined || query.ms === '' || !Number.isFinite(ms)) {
        return bad('ms must be a number of milliseconds');
      }
      api.advanceClock(ms);
      return json(200, { now: api.now() });
    }
    case 'POST fault': {
      let fault: unknown;
      try {
        fault = JSON.parse(rawBody);
      } catch {
        return bad('body must be a Fault as JSON');
      }
      const problem = faultProblem(fault);
      if (problem) return bad(problem);
      api.inject(fault as Parameters<FakeApi['inject']>[0]);
      return ok();
    }
    case 'POST clear-faults':
      api.clearFaults();
      return ok();
    case 'POST expire-tokens':
      api.expireAllTokens();
      return ok();
    case 'POST revoke-refresh-tokens':
      api.revokeRefreshTokens();
      return ok();
    case 'POST reset':
      api.reset();
      return ok();
    default:
      return json(404, { status: 404, message: `Unknown control endpoint: ${method} ${path}` });
  }
}

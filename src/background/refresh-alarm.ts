import { browser } from '../shared/browser';
import { REFRESH_MARGIN_MS } from './auth';
import type { StoredSession } from './tokens';

export const TOKEN_ALARM = 'refresh-token';

/** If a refresh failed for a passing reason, try again this soon. */
const RETRY_MS = 60_000;

/**
 * Keep the session fresh while the worker sleeps: an alarm wakes it just before
 * the refresh margin. Calls refresh on demand too, so a late alarm costs nothing.
 */
export function scheduleRefresh(session: StoredSession | null): void {
  if (!session) {
    void browser.alarms.clear(TOKEN_ALARM);
    return;
  }
  const due = session.expiresAt - REFRESH_MARGIN_MS - 5_000;
  browser.alarms.create(TOKEN_ALARM, { when: Math.max(due, Date.now() + RETRY_MS) });
}

import { t } from '../shared/i18n';
import type { AccountView } from '../shared/messages';
import { type AppError, fail, ok, type Result } from '../shared/result';
import { parseCallerIds, parseDevices, parseUser } from './account-data';
import type { Api } from './api';
import type { Auth } from './auth';
import { describeFailure } from './error-text';
import type { HttpOutcome } from './http';

/**
 * The user's own details, devices and caller-ID numbers. All optional: a
 * failure is reported next to the list, never blocking calls.
 */
export function createAccount(api: Api, auth: Auth) {
  let cache: AccountView | null = null;
  /** The last devices list net2phone gave, kept even when the caller-ID list failed. */
  let devices: AccountView['devices'] | null = null;

  /** GET with a fresh token; a 401 gets one refresh and one retry (GETs are safe). */
  async function authorizedGet(path: string): Promise<Result<unknown>> {
    const token = await auth.accessToken();
    if (!token.ok) return token;
    let outcome: HttpOutcome = await api.get(path, token.value);
    if (!outcome.ok && outcome.kind === 'http' && outcome.status === 401) {
      const again = await auth.refreshAfterRejection(token.value);
      if (!again.ok) return again;
      outcome = await api.get(path, again.value);
    }
    if (outcome.ok) return ok(outcome.body);
    return { ok: false, error: describeFailure(outcome, api.host) };
  }

  async function listOf<T>(path: string, parse: (b: unknown) => T[]): Promise<[T[], AppError?]> {
    const result = await authorizedGet(path);
    if (!result.ok) return [[], result.error];
    return [parse(result.value)];
  }

  return {
    /** `GET /api/users/current/` with the session: proves sign-in and reachability. */
    check: () => authorizedGet('users/current/'),

    async currentUser() {
      const result = await authorizedGet('users/current/');
      return result.ok ? parseUser(result.value) : null;
    },

    async view(refresh: boolean): Promise<Result<AccountView>> {
      if (cache && !refresh) return ok(cache);
      const session = await auth.read();
      if (!session) return fail('not-signed-in', t('errorNotSignedIn'));
      const [[deviceList, devicesError], [callerIds, callerIdsError]] = await Promise.all([
        listOf('devices/users/current/', parseDevices),
        listOf('caller_id_numbers/', parseCallerIds),
      ]);
      if (!devicesError) devices = deviceList;
      const view: AccountView = {
        devices: deviceList,
        callerIds,
        ...(devicesError ? { devicesError } : {}),
        ...(callerIdsError ? { callerIdsError } : {}),
      };
      // Only complete answers are cached, so a passing failure is retried next time.
      cache = devicesError || callerIdsError ? null : view;
      return ok(view);
    },

    forget() {
      cache = null;
      devices = null;
    },

    /**
     * The device to ring first (its AOR): the saved choice only while the account lists it.
     * The list comes from the cache, else from one request; without a list nothing is sent
     * (net2phone then rings the user's default), so a removed device is never named.
     */
    async deviceToSend(saved: string): Promise<string> {
      if (!saved) return '';
      if (!devices) {
        const [found, error] = await listOf('devices/users/current/', parseDevices);
        if (error) return '';
        devices = found;
      }
      return devices.some((d) => d.aor === saved) ? saved : '';
    },

    /**
     * The caller ID to send: the saved choice, unless the account's (cached) list
     * no longer has it — then net2phone's default, as the popup shows. Never fetches.
     */
    callerIdToSend(saved: string): string {
      if (!saved || !cache || cache.callerIds.length === 0) return saved;
      return cache.callerIds.some((c) => c.e164 === saved) ? saved : '';
    },
  };
}

import { t } from '../shared/i18n';
import type { AccountView, CallerId, Device } from '../shared/messages';
import { type AppError, fail, ok, type Result } from '../shared/result';
import type { Api } from './api';
import type { Auth } from './auth';
import { describeFailure } from './error-text';
import type { HttpOutcome } from './http';

/**
 * The user's own details, devices and caller-ID numbers. All optional
 * (reference/integrate-api.md §6–§8): shapes are parsed defensively and a
 * failure is reported next to the list, never blocking calls.
 */
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const records = (body: unknown): Record<string, unknown>[] => {
  const list = Array.isArray(body)
    ? body
    : Array.isArray((body as { results?: unknown } | null)?.results)
      ? (body as { results: unknown[] }).results
      : [];
  return list.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
};

export function parseDevices(body: unknown): Device[] {
  return records(body).flatMap((d) => {
    const aor = str(d.aor);
    if (!aor) return [];
    const user = str(d.aor_user) ?? aor.replace(/^sips?:/, '').split('@')[0] ?? aor;
    const model = str(d.model);
    return [{ aor, user, ...(model ? { model } : {}) }];
  });
}

/** An array of strings, or of objects with `e164` / `number` / `phone_number` (§8). */
export function parseCallerIds(body: unknown): CallerId[] {
  const list = Array.isArray(body) ? body : records(body);
  const seen = new Set<string>();
  return list.flatMap((item): CallerId[] => {
    const record = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const e164 = str(item) ?? str(record.e164) ?? str(record.number) ?? str(record.phone_number);
    if (!e164 || seen.has(e164)) return [];
    seen.add(e164);
    const description = str(record.description);
    return [{ e164, ...(description ? { description } : {}) }];
  });
}

export function parseUser(body: unknown): { name: string; extension: string; domain: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  const u = body as Record<string, unknown>;
  const extension = str(u.user);
  if (!extension) return null;
  const name = [str(u.first_name), str(u.last_name)].filter(Boolean).join(' ');
  return { name, extension, domain: str(u.domain) ?? '' };
}

export function createAccount(api: Api, auth: Auth) {
  let cache: AccountView | null = null;

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

  async function list<T>(path: string, parse: (b: unknown) => T[]): Promise<[T[], AppError?]> {
    const result = await authorizedGet(path);
    if (!result.ok) return [[], result.error];
    return [parse(result.value)];
  }

  return {
    async currentUser() {
      const result = await authorizedGet('users/current/');
      return result.ok ? parseUser(result.value) : null;
    },

    async view(refresh: boolean): Promise<Result<AccountView>> {
      if (cache && !refresh) return ok(cache);
      const session = await auth.read();
      if (!session) return fail('not-signed-in', t('errorNotSignedIn'));
      const [[devices, devicesError], [callerIds, callerIdsError]] = await Promise.all([
        list('devices/users/current/', parseDevices),
        list('caller_id_numbers/', parseCallerIds),
      ]);
      const view: AccountView = {
        devices,
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
    },
  };
}

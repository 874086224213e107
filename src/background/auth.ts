import { t } from '../shared/i18n';
import { type AppError, fail, ok, type Result } from '../shared/result';
import type { Api } from './api';
import { describeFailure, serverMessage } from './error-text';
import type { KeyValueStore } from './secret-store';
import { parseGrant, parseStoredSession, type StoredSession } from './tokens';

/** Refresh this long before expiry (§11.1). */
export const REFRESH_MARGIN_MS = 60_000;

const SESSION_KEY = 'session';
const NOTICE_KEY = 'notice';
const LAST_CLIENT_KEY = 'lastClientId';

export interface AuthOptions {
  api: Api;
  store: KeyValueStore;
  now: () => number;
  /** Told whenever the session changes (signed in, refreshed, signed out). */
  onChange?: (session: StoredSession | null) => void;
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * Sign-in and the token lifecycle: password grant, refresh grant ~60 s before
 * expiry, single-flight (one refresh shared by every waiting caller, the stored
 * session re-read after each await), sign-out on a refused refresh.
 */
export function createAuth({ api, store, now, onChange }: AuthOptions) {
  let refreshing: Promise<Result<string>> | null = null;

  const read = async () => parseStoredSession(await store.get(SESSION_KEY));

  async function save(session: StoredSession) {
    await store.set(SESSION_KEY, session);
    await store.delete(NOTICE_KEY);
    onChange?.(session);
  }

  async function signOut(notice?: AppError) {
    await store.delete(SESSION_KEY);
    if (notice) await store.set(NOTICE_KEY, notice);
    else await store.delete(NOTICE_KEY);
    onChange?.(null);
  }

  const notSignedIn = async (): Promise<Result<string>> => {
    const notice = (await store.get(NOTICE_KEY)) as AppError | undefined;
    return notice?.code === 'session-expired'
      ? fail('session-expired', t('errorSessionExpired'))
      : fail('not-signed-in', t('errorNotSignedIn'));
  };

  async function runRefresh(force: string | null): Promise<Result<string>> {
    const session = await read();
    if (!session) return notSignedIn();
    // Someone else refreshed while we waited: use their token.
    if (force !== null ? session.accessToken !== force : isFresh(session)) {
      return ok(session.accessToken);
    }
    const outcome = await api.token({
      grant_type: 'refresh_token',
      refresh_token: session.refreshToken,
      client_id: session.clientId,
    });
    if (outcome.ok) {
      const grant = parseGrant(outcome.body);
      if (!grant) return fail('bad-response', t('errorBadResponse'));
      // The session may have been signed out while the refresh ran.
      const current = await read();
      if (!current || current.refreshToken !== session.refreshToken) return notSignedIn();
      await save({
        ...current,
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken ?? current.refreshToken,
        expiresAt: now() + grant.expiresInSeconds * 1000,
      });
      return ok(grant.accessToken);
    }
    if (outcome.kind === 'http' && (outcome.status === 400 || outcome.status === 401)) {
      const expired = { code: 'session-expired', message: t('errorSessionExpired') } as const;
      await signOut(expired);
      return { ok: false, error: expired };
    }
    // Transient (network, 5xx): keep the session; an unexpired token still works.
    if (force === null && session.expiresAt > now()) return ok(session.accessToken);
    return { ok: false, error: describeFailure(outcome, api.host) };
  }

  function refresh(force: string | null): Promise<Result<string>> {
    refreshing ??= runRefresh(force).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  const isFresh = (session: StoredSession) => session.expiresAt - now() > REFRESH_MARGIN_MS;

  return {
    read,

    /** The last Client ID used (kept after sign-out, so the form stays filled). */
    async lastClientId(): Promise<string | null> {
      const value = await store.get(LAST_CLIENT_KEY);
      return typeof value === 'string' ? value : null;
    },

    async notice(): Promise<AppError | undefined> {
      return ((await store.get(NOTICE_KEY)) as AppError | undefined) ?? undefined;
    },

    /** Password grant. Wrong password, unknown Client ID, unreachable and server errors differ. */
    async signIn(
      email: string,
      password: string,
      clientId: string,
    ): Promise<Result<StoredSession>> {
      if (email.trim() === '' || password === '' || clientId.trim() === '') {
        return fail('invalid-input', t('errorMissingFields'));
      }
      await store.set(LAST_CLIENT_KEY, clientId.trim());
      const outcome = await api.token({
        grant_type: 'password',
        username: email.trim(),
        password,
        client_id: clientId.trim(),
      });
      if (!outcome.ok) {
        if (outcome.kind === 'http' && (outcome.status === 400 || outcome.status === 401)) {
          const said = serverMessage(outcome.body) ?? '';
          const body = outcome.body as Record<string, unknown> | null;
          if (body?.error === 'invalid_client' || /client|vendor/i.test(said)) {
            return fail('unknown-client', t('errorUnknownClient', clientId.trim()));
          }
          if (outcome.status === 401 || body?.error === 'invalid_grant') {
            return fail('bad-credentials', t('errorBadCredentials'));
          }
        }
        return { ok: false, error: describeFailure(outcome, api.host) };
      }
      const grant = parseGrant(outcome.body);
      if (!grant?.refreshToken) return fail('bad-response', t('errorBadResponse'));
      const session: StoredSession = {
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken,
        expiresAt: now() + grant.expiresInSeconds * 1000,
        clientId: clientId.trim(),
        email: email.trim(),
      };
      await save(session);
      return ok(session);
    },

    /** Remember details fetched after sign-in (name, extension) with the session. */
    async rememberUser(user: NonNullable<StoredSession['user']>) {
      const session = await read();
      if (session) await store.set(SESSION_KEY, { ...session, user });
    },

    /** A token good for at least a minute, refreshing first when needed. */
    async accessToken(): Promise<Result<string>> {
      const session = await read();
      if (!session) return notSignedIn();
      if (isFresh(session)) return ok(session.accessToken);
      return refresh(null);
    },

    /** After a 401 for `rejected`: refresh once (unless another caller already did). */
    refreshAfterRejection(rejected: string): Promise<Result<string>> {
      return refresh(rejected);
    },

    /** Refresh now if the token is inside the margin (used by the refresh alarm). */
    async refreshIfDue(): Promise<void> {
      const session = await read();
      if (session && !isFresh(session)) await refresh(null);
    },

    signOut: () => signOut(),
  };
}

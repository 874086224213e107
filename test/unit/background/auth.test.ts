import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/i18n', () => ({
  t: (key: string, subs?: string | string[]) => (subs ? `${key}(${[subs].flat().join(',')})` : key),
}));

import { createApi } from '../../../src/background/api';
import { createAuth, REFRESH_MARGIN_MS } from '../../../src/background/auth';
import { memoryStore } from '../../../src/background/secret-store';
import { fakeFetch, on, type Route } from '../support/fake-fetch';

const BASE = 'https://api.test';
const TOKEN_PATH = '/api/oauth/token/';

const grant = (access: string, expiresIn = 3599, refresh?: string) => ({
  status: 200,
  body: {
    access_token: access,
    expires_in: expiresIn,
    token_type: 'Bearer',
    expires: '2021-05-03T10:19:37.822793',
    ...(refresh ? { refresh_token: refresh } : {}),
  },
});

function setup(routes: Route[]) {
  const net = fakeFetch(routes);
  const store = memoryStore();
  const api = createApi({ base: BASE, fetch: net.fetch });
  const changes: unknown[] = [];
  const auth = createAuth({ api, store, now: Date.now, onChange: (s) => changes.push(s) });
  return { net, store, api, auth, changes };
}

const passwordOk = on('POST', TOKEN_PATH, (r) =>
  (r.body as Record<string, string>).grant_type === 'password'
    ? grant('access-1', 3599, 'refresh-1')
    : { status: 500 },
);

describe('sign-in and the token lifecycle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('signs in with a JSON password grant and keeps expiry from expires_in', async () => {
    const { net, auth, store } = setup([passwordOk]);
    const result = await auth.signIn(' ann@example.com ', 'pw', ' client-9 ');
    expect(result.ok).toBe(true);
    const [request] = net.seen;
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.body).toEqual({
      grant_type: 'password',
      username: 'ann@example.com',
      password: 'pw',
      client_id: 'client-9',
    });
    const session = await auth.read();
    expect(session?.expiresAt).toBe(Date.now() + 3599_000);
    expect(session?.refreshToken).toBe('refresh-1');
    // Nothing else goes to storage in clear except the session record itself.
    expect([...store.data.keys()].sort()).toEqual(['lastClientId', 'session']);
  });

  it('uses the stored token while it is fresh, without any request', async () => {
    const { net, auth } = setup([passwordOk]);
    await auth.signIn('ann', 'pw', 'c');
    vi.advanceTimersByTime(3599_000 - REFRESH_MARGIN_MS - 1_000);
    const token = await auth.accessToken();
    expect(token).toEqual({ ok: true, value: 'access-1' });
    expect(net.seen).toHaveLength(1);
  });

  it('refreshes about a minute before expiry and keeps the refresh token when none comes back', async () => {
    const { net, auth } = setup([
      on('POST', TOKEN_PATH, (r) =>
        (r.body as Record<string, string>).grant_type === 'refresh_token'
          ? grant('access-2', 3599)
          : grant('access-1', 3599, 'refresh-1'),
      ),
    ]);
    await auth.signIn('ann', 'pw', 'c');
    vi.advanceTimersByTime(3599_000 - REFRESH_MARGIN_MS + 1_000);
    expect(await auth.accessToken()).toEqual({ ok: true, value: 'access-2' });
    expect(net.seen[1]?.body).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      client_id: 'c',
    });
    const session = await auth.read();
    expect(session?.refreshToken).toBe('refresh-1');
    expect(session?.expiresAt).toBe(Date.now() + 3599_000);
  });

  it('stores a rotated refresh token when the server sends one', async () => {
    const { auth } = setup([
      on('POST', TOKEN_PATH, (r) =>
        (r.body as Record<string, string>).grant_type === 'refresh_token'
          ? grant('access-2', 3599, 'refresh-2')
          : grant('access-1', 3599, 'refresh-1'),
      ),
    ]);
    await auth.signIn('ann', 'pw', 'c');
    vi.advanceTimersByTime(3600_000);
    await auth.accessToken();
    expect((await auth.read())?.refreshToken).toBe('refresh-2');
  });

  it('runs one refresh for 20 callers waiting at once', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { net, auth } = setup([
      on('POST', TOKEN_PATH, (r) =>
        (r.body as Record<string, string>).grant_type === 'password'
          ? grant('access-1', 3599, 'refresh-1')
          : { status: 0 },
      ),
    ]);
    await auth.signIn('ann', 'pw', 'c');
    net.routes.unshift(async (r) => {
      if ((r.body as Record<string, string>).grant_type !== 'refresh_token') return undefined;
      await gate;
      return grant('access-2', 3599);
    });
    vi.advanceTimersByTime(3599_000);
    const waiting = Array.from({ length: 20 }, () => auth.accessToken());
    release();
    const tokens = await Promise.all(waiting);
    expect(tokens.every((t) => t.ok && t.value === 'access-2')).toBe(true);
    expect(
      net
        .to(TOKEN_PATH)
        .filter((r) => (r.body as { grant_type: string }).grant_type === 'refresh_token'),
    ).toHaveLength(1);
  });

  it('after a 401, 20 callers holding the same rejected token share one refresh', async () => {
    const { net, auth } = setup([
      on('POST', TOKEN_PATH, (r) =>
        (r.body as Record<string, string>).grant_type === 'refresh_token'
          ? grant('access-2', 3599)
          : grant('access-1', 3599, 'refresh-1'),
      ),
    ]);
    await auth.signIn('ann', 'pw', 'c');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => auth.refreshAfterRejection('access-1')),
    );
    expect(results.every((r) => r.ok && r.value === 'access-2')).toBe(true);
    expect(net.seen).toHaveLength(2);
  });

  it('signs out with a "sign in again" notice when the refresh is refused', async () => {
    const { auth, changes } = setup([
      on('POST', TOKEN_PATH, (r) =>
        (r.body as Record<string, string>).grant_type === 'refresh_token'
          ? { status: 401, body: { status: 401, message: 'Invalid credentials' } }
          : grant('access-1', 3599, 'refresh-1'),
      ),
    ]);
    await auth.signIn('ann', 'pw', 'c');
    vi.advanceTimersByTime(3600_000);
    const result = await auth.accessToken();
    expect(result).toEqual({
      ok: false,
      error: { code: 'session-expired', message: 'errorSessionExpired' },
    });
    expect(await auth.read()).toBeNull();
    expect((await auth.notice())?.code).toBe('session-expired');
    expect(changes.at(-1)).toBeNull();
    // And it stays that way: no refresh loop.
    expect((await auth.accessToken()).ok).toBe(false);
  });

  it('keeps the session through a passing refresh failure, using the unexpired token', async () => {
    const { auth } = setup([
      on('POST', TOKEN_PATH, (r) =>
        (r.body as Record<string, string>).grant_type === 'refresh_token'
          ? { status: 503, text: 'Service Unavailable' }
          : grant('access-1', 3599, 'refresh-1'),
      ),
    ]);
    await auth.signIn('ann', 'pw', 'c');
    vi.advanceTimersByTime(3599_000 - 30_000);
    expect(await auth.accessToken()).toEqual({ ok: true, value: 'access-1' });
    vi.advanceTimersByTime(60_000);
    const expired = await auth.accessToken();
    expect(expired.ok).toBe(false);
    if (!expired.ok) expect(expired.error.code).toBe('server');
    expect(await auth.read()).not.toBeNull();
  });

  it('survives a restart of the worker: a new instance over the same store is signed in', async () => {
    const first = setup([passwordOk]);
    await first.auth.signIn('ann', 'pw', 'c');
    const again = createAuth({
      api: first.api,
      store: first.store,
      now: Date.now,
    });
    expect(await again.accessToken()).toEqual({ ok: true, value: 'access-1' });
  });

  it('forgets every token on sign-out', async () => {
    const { auth, store } = setup([passwordOk]);
    await auth.signIn('ann', 'pw', 'c');
    await auth.signOut();
    expect(store.data.has('session')).toBe(false);
    expect(JSON.stringify([...store.data.values()])).not.toContain('access-1');
    expect(JSON.stringify([...store.data.values()])).not.toContain('refresh-1');
    expect((await auth.accessToken()).ok).toBe(false);
  });

  it.each([
    [{ status: 401, body: { status: 401, message: 'Invalid credentials' } }, 'bad-credentials'],
    [{ status: 400, body: { error: 'invalid_grant' } }, 'bad-credentials'],
    [{ status: 401, body: { status: 401, message: 'Invalid client' } }, 'unknown-client'],
    [{ status: 401, body: { error: 'invalid_client' } }, 'unknown-client'],
    [{ status: 500, text: '<html>oops</html>' }, 'server'],
    [{ drop: true as const }, 'network'],
    [{ status: 200, body: { token_type: 'Bearer' } }, 'bad-response'],
  ])('tells sign-in failures apart: %j → %s', async (reply, code) => {
    const { auth } = setup([on('POST', TOKEN_PATH, reply)]);
    const result = await auth.signIn('ann', 'wrong', 'c');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
    expect(await auth.read()).toBeNull();
  });

  it('refuses an incomplete form before any request', async () => {
    const { net, auth } = setup([]);
    const result = await auth.signIn('ann', '', 'c');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-input');
    expect(net.seen).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import { demoUser, type FakeUser } from '../../fake-api/server';
import { fake, postForm, postJson, signIn, T0, type Tokens } from './helpers';

const TOKEN = '/api/oauth/token/';
const password = {
  grant_type: 'password',
  client_id: demoUser.clientId,
  username: demoUser.username,
  password: demoUser.password,
};

describe('password grant', () => {
  it('answers a JSON body with the v1.9 token shape', async () => {
    const api = await fake();
    const res = await postJson(api, TOKEN, password);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Tokens;
    expect(Object.keys(body).sort()).toEqual(
      [
        'access_token',
        'account_id',
        'domain',
        'expires',
        'expires_in',
        'jwt_token',
        'refresh_token',
        'scope',
        'token_type',
        'user_id',
      ].sort(),
    );
    expect(body).toMatchObject({
      domain: 'demo.example.com',
      user_id: '101',
      account_id: null,
      expires_in: 3599,
      token_type: 'Bearer',
      scope: 'Basic User',
    });
    expect(body.access_token).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(body.refresh_token).toMatch(/^[A-Za-z0-9_-]{54}$/);
    expect(body.jwt_token).toEqual(expect.any(String));
    // Zone-less ISO with microseconds, T0 + 3599 s.
    expect(body.expires).toBe('2025-01-15T12:59:59.000000');
  });

  it('accepts a form body, as the Python client sends', async () => {
    const api = await fake();
    const res = await postForm(api, TOKEN, password);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Tokens).token_type).toBe('Bearer');
  });

  it('accepts a body with no Content-Type and ignores Accept', async () => {
    const api = await fake();
    const res = await fetch(`${api.url}${TOKEN}`, {
      method: 'POST',
      headers: { Accept: 'text/html' },
      body: new TextEncoder().encode(JSON.stringify(password)),
    });
    expect(res.status).toBe(200);
  });

  it('takes the username as email, ext@domain or bare extension', async () => {
    const api = await fake();
    for (const username of ['DEMO@example.com', '101@demo.example.com', '101']) {
      const res = await postJson(api, TOKEN, { ...password, username });
      expect(res.status, username).toBe(200);
    }
  });

  it('issues a new access token on every sign-in', async () => {
    const api = await fake();
    const a = await signIn(api);
    const b = await signIn(api);
    expect(a.access_token).not.toBe(b.access_token);
    expect(a.refresh_token).not.toBe(b.refresh_token);
  });

  it('uses the configured access token lifetime', async () => {
    const api = await fake({ accessTokenTtlSeconds: 30 });
    expect((await signIn(api)).expires_in).toBe(30);
  });

  it('rejects a wrong password and an unknown user with "Invalid credentials"', async () => {
    const api = await fake();
    for (const body of [
      { ...password, password: 'nope' },
      { ...password, username: 'nobody@example.com' },
    ]) {
      const res = await postJson(api, TOKEN, body);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ status: 401, message: 'Invalid credentials' });
    }
  });

  it('tells an unknown client_id apart from a wrong password', async () => {
    const api = await fake();
    const res = await postJson(api, TOKEN, { ...password, client_id: 'who-knows' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ status: 401, message: 'Invalid client' });
  });

  it("does not sign a user in with another domain's client id", async () => {
    const other: FakeUser = { ...demoUser, username: 'o@x.com', clientId: 'other-client' };
    const api = await fake({ users: [demoUser, other] });
    const res = await postJson(api, TOKEN, { ...password, client_id: 'other-client' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toBe('Invalid credentials');
  });

  it.each([
    [{ ...password, grant_type: undefined }, /grant_type/],
    [{ ...password, grant_type: 'client_credentials' }, /Unsupported grant_type/],
    [{ ...password, client_id: undefined }, /client_id/],
    [{ ...password, password: undefined }, /username and password/],
    [{ ...password, username: '' }, /username and password/],
  ])('answers 400 for a malformed request %#', async (body, message) => {
    const api = await fake();
    const res = await postJson(api, TOKEN, body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { status: number; message: string };
    expect(json.status).toBe(400);
    expect(json.message).toMatch(message);
  });

  it('answers 400 for a broken JSON body', async () => {
    const api = await fake();
    const res = await fetch(`${api.url}${TOKEN}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"grant_type": "password",',
    });
    expect(res.status).toBe(400);
  });

  it('answers 405 for GET', async () => {
    const api = await fake();
    const res = await fetch(`${api.url}${TOKEN}`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('refresh grant', () => {
  it('issues a new access token and keeps the refresh token (JSON, client_id in body)', async () => {
    const api = await fake();
    const first = await signIn(api);
    const res = await postJson(api, TOKEN, {
      grant_type: 'refresh_token',
      client_id: demoUser.clientId,
      refresh_token: first.refresh_token,
    });
    expect(res.status).toBe(200);
    const second = (await res.json()) as Tokens;
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).toBe(first.refresh_token);
    expect(second.expires_in).toBe(3599);
  });

  it('accepts a form body', async () => {
    const api = await fake();
    const first = await signIn(api);
    const res = await postForm(api, TOKEN, {
      grant_type: 'refresh_token',
      client_id: demoUser.clientId,
      refresh_token: first.refresh_token,
    });
    expect(res.status).toBe(200);
  });

  it('takes client_id from a Bearer base64(client_id:secret) header', async () => {
    const api = await fake();
    const first = await signIn(api);
    const header = `Bearer ${Buffer.from(`${demoUser.clientId}:s3cret`).toString('base64')}`;
    const body = { grant_type: 'refresh_token', refresh_token: first.refresh_token };
    const res = await postJson(api, TOKEN, body, { Authorization: header });
    expect(res.status).toBe(200);

    const wrong = `Bearer ${Buffer.from('other:s3cret').toString('base64')}`;
    const refused = await postJson(api, TOKEN, body, { Authorization: wrong });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { message: string }).message).toBe('Invalid client');
  });

  it('keeps old access tokens working after a refresh', async () => {
    const api = await fake();
    const first = await signIn(api);
    await postJson(api, TOKEN, {
      grant_type: 'refresh_token',
      client_id: demoUser.clientId,
      refresh_token: first.refresh_token,
    });
    const res = await fetch(`${api.url}/api/users/current/`, {
      headers: {
        Authorization: `Bearer ${first.access_token}`,
        Accept: 'application/vnd.integrate.v1.8.0+json',
      },
    });
    expect(res.status).toBe(200);
  });

  it('rotates the refresh token when asked to, and forgets the old one', async () => {
    const api = await fake({ rotateRefreshToken: true });
    const first = await signIn(api);
    const refresh = (token: string) =>
      postJson(api, TOKEN, {
        grant_type: 'refresh_token',
        client_id: demoUser.clientId,
        refresh_token: token,
      });
    const res = await refresh(first.refresh_token);
    const second = (await res.json()) as Tokens;
    expect(second.refresh_token).toMatch(/^[A-Za-z0-9_-]{54}$/);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await refresh(first.refresh_token)).status).toBe(401);
    expect((await refresh(second.refresh_token)).status).toBe(200);
  });

  it('refuses an unknown refresh token with "Invalid credentials"', async () => {
    const api = await fake();
    const res = await postJson(api, TOKEN, {
      grant_type: 'refresh_token',
      client_id: demoUser.clientId,
      refresh_token: 'made-up',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ status: 401, message: 'Invalid credentials' });
  });

  it('refuses a missing refresh token with 400', async () => {
    const api = await fake();
    const res = await postJson(api, TOKEN, {
      grant_type: 'refresh_token',
      client_id: demoUser.clientId,
    });
    expect(res.status).toBe(400);
  });

  it('expires refresh tokens after 90 days on the clock', async () => {
    const api = await fake();
    const { refresh_token } = await signIn(api);
    const body = { grant_type: 'refresh_token', client_id: demoUser.clientId, refresh_token };
    const day = 24 * 60 * 60 * 1000;
    api.advanceClock(90 * day - 1);
    expect((await postJson(api, TOKEN, body)).status).toBe(200);
    api.advanceClock(1);
    const res = await postJson(api, TOKEN, body);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toBe('Invalid credentials');
  });

  it('refuses every refresh token after revokeRefreshTokens()', async () => {
    const api = await fake();
    const { refresh_token } = await signIn(api);
    api.revokeRefreshTokens();
    const res = await postJson(api, TOKEN, {
      grant_type: 'refresh_token',
      client_id: demoUser.clientId,
      refresh_token,
    });
    expect(res.status).toBe(401);
  });

  it('reads the injected clock for expires', async () => {
    let now = T0;
    const api = await fake({ clock: () => now });
    now = T0 + 60_000;
    expect((await signIn(api)).expires).toBe('2025-01-15T13:00:59.000000');
  });
});

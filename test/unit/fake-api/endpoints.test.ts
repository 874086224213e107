import { describe, expect, it } from 'vitest';
import { ACCEPT, apiRequest, fake, signIn } from './helpers';

const READS = [
  '/api/users/current/',
  '/api/devices/users/current/',
  '/api/caller_id_numbers/',
  '/api/phone_numbers/',
];

describe('Bearer check', () => {
  it.each(READS)('answers 401 on %s without a token', async (path) => {
    const api = await fake();
    const res = await fetch(`${api.url}${path}`, { headers: { Accept: ACCEPT } });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { status: number; message: string };
    expect(body.status).toBe(401);
    expect(body.message).toEqual(expect.any(String));
  });

  it('answers 401 for an unknown token and for a non-Bearer scheme', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    for (const authorization of ['Bearer not-a-token', `Basic ${access_token}`, access_token]) {
      const res = await fetch(`${api.url}/api/users/current/`, {
        headers: { Authorization: authorization, Accept: ACCEPT },
      });
      expect(res.status, authorization).toBe(401);
    }
  });

  it('expires access tokens after expires_in seconds on the clock', async () => {
    const api = await fake({ accessTokenTtlSeconds: 60 });
    const { access_token } = await signIn(api);
    api.advanceClock(59_999);
    expect((await apiRequest(api, 'GET', '/api/users/current/', access_token)).status).toBe(200);
    api.advanceClock(1);
    const res = await apiRequest(api, 'GET', '/api/users/current/', access_token);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ status: 401, message: 'Token has expired.' });
  });

  it('expires every issued token at once with expireAllTokens()', async () => {
    const api = await fake();
    const a = await signIn(api);
    const b = await signIn(api);
    api.expireAllTokens();
    for (const token of [a.access_token, b.access_token]) {
      expect((await apiRequest(api, 'GET', '/api/users/current/', token)).status).toBe(401);
    }
    // Tokens issued afterwards are fine.
    const c = await signIn(api);
    expect((await apiRequest(api, 'GET', '/api/users/current/', c.access_token)).status).toBe(200);
  });

  it('moves the real clock forward when no clock is injected', async () => {
    const api = await fake({ clock: undefined, accessTokenTtlSeconds: 3599 });
    const { access_token } = await signIn(api);
    const before = api.now();
    api.advanceClock(3600_000);
    expect(api.now() - before).toBeGreaterThanOrEqual(3600_000);
    expect((await apiRequest(api, 'GET', '/api/users/current/', access_token)).status).toBe(401);
  });
});

describe('Accept check', () => {
  it.each([
    [undefined],
    ['application/json'],
    ['*/*'],
    ['application/vnd.integrate.v2.0.0+json'],
    ['application/vnd.integrate.v1.8+json'],
    ['application/vnd.integrate.1.8.0+json'],
  ])('answers 422 for Accept %s', async (accept) => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await fetch(`${api.url}/api/users/current/`, {
      headers: { Authorization: `Bearer ${access_token}`, ...(accept ? { Accept: accept } : {}) },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      status: 422,
      message: 'An invalid version number was provided.',
    });
  });

  it.each([
    ['application/vnd.integrate.v1.8.0+json'],
    ['application/vnd.integrate.v1.9.0+json'],
    ['application/vnd.integrate.v1.10.0+json'],
    ['application/json, application/vnd.integrate.v1.2.0+json; q=0.9'],
  ])('accepts %s', async (accept) => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await fetch(`${api.url}/api/users/current/`, {
      headers: { Authorization: `Bearer ${access_token}`, Accept: accept },
    });
    expect(res.status).toBe(200);
  });

  it('also guards POST /api/calls/', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await fetch(`${api.url}/api/calls/`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: '16135550100' }),
    });
    expect(res.status).toBe(422);
  });
});

describe('read endpoints', () => {
  it('serves the current user (§6)', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await apiRequest(api, 'GET', '/api/users/current/', access_token);
    expect(await res.json()).toEqual({
      username: 'demo@example.com',
      user: '101',
      domain: 'demo.example.com',
      last_name: 'Demo',
      first_name: 'Dana',
      email: 'demo@example.com',
      time_zone: 'America/New_York',
      scope: 'Basic User',
    });
  });

  it("serves the user's devices (§7)", async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await apiRequest(api, 'GET', '/api/devices/users/current/', access_token);
    const devices = (await res.json()) as Record<string, unknown>[];
    expect(devices.length).toBeGreaterThan(0);
    expect(devices[0]).toMatchObject({ aor: 'sip:101@demo.example.com', aor_user: '101' });
    for (const d of devices) {
      expect(Object.keys(d).sort()).toEqual([
        'aor',
        'aor_user',
        'mac',
        'model',
        'registration_time',
      ]);
    }
  });

  it('serves caller ID numbers and phone numbers (§8)', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const ids = await apiRequest(api, 'GET', '/api/caller_id_numbers/', access_token);
    expect(await ids.json()).toEqual([
      { e164: '+19735550100', description: 'Main line' },
      { e164: '+16135550101', description: 'Support' },
    ]);
    const numbers = await apiRequest(api, 'GET', '/api/phone_numbers/', access_token);
    const list = (await numbers.json()) as { e164: string }[];
    expect(list.map((n) => n.e164)).toEqual(['+19735550100', '+16135550101']);
  });

  it('answers 404 with the documented body for unknown paths, even unauthenticated', async () => {
    const api = await fake();
    for (const path of ['/api/nothing/', '/api/users/current', '/', '/api/webhooks/']) {
      const res = await fetch(`${api.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({ status: 404, message: 'Resource does not exist.' });
    }
  });

  it('answers 405 for a wrong method on a known path', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await apiRequest(api, 'DELETE', '/api/users/current/', access_token);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});

describe('CORS', () => {
  it('answers preflights permissively and marks every response', async () => {
    const api = await fake();
    const pre = await fetch(`${api.url}/api/calls/`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:9999',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toBe('authorization, content-type');

    const res = await fetch(`${api.url}/api/users/current/`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

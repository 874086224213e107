import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../fake-api/server';
import { ACCEPT, call, fake, JSON_TYPE, signIn, T0 } from './helpers';

/** A bare request with no Accept or Content-Type, which fetch would always add. */
function rawGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

describe('request log', () => {
  it('records every field of a call', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    api.advanceClock(5000);
    await fetch(`${api.url}/api/calls/?source=menu`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${access_token}`,
        Accept: ACCEPT,
        'Content-Type': JSON_TYPE,
      },
      body: '{"to":"+16133246100","auto_answer":false}',
    });
    expect(api.log).toHaveLength(2);
    expect(api.log[1]).toEqual({
      time: T0 + 5000,
      method: 'POST',
      path: '/api/calls/',
      query: { source: 'menu' },
      headers: { authorization: `Bearer ${access_token}`, accept: ACCEPT, contentType: JSON_TYPE },
      rawBody: '{"to":"+16133246100","auto_answer":false}',
      fields: { source: 'menu', to: '+16133246100', auto_answer: false },
      status: 201,
      responseBody: '{"message":"Call placed.","to":"+16133246100"}',
    } satisfies RecordedRequest);
  });

  it('records the token request and its response', async () => {
    const api = await fake();
    const tokens = await signIn(api);
    const [entry] = api.log;
    expect(entry?.path).toBe('/api/oauth/token/');
    expect(entry?.fields.grant_type).toBe('password');
    expect(entry?.status).toBe(200);
    expect(JSON.parse(entry?.responseBody ?? '')).toEqual(tokens);
  });

  it('omits headers that were not sent', async () => {
    const api = await fake();
    expect(await rawGet(`${api.url}/api/users/current/`)).toBe(401);
    expect(api.log[0]?.headers).toEqual({});
    expect(api.log[0]?.fields).toEqual({});
  });

  it('keeps arrival order and includes refused requests', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    await call(api, access_token, '111');
    await call(api, access_token, '222');
    await fetch(`${api.url}/nope`);
    expect(api.log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /api/oauth/token/ 200',
      'POST /api/calls/ 201',
      'POST /api/calls/ 429',
      'GET /nope 404',
    ]);
    expect(api.calls().map((r) => r.fields.to)).toEqual(['111', '222']);
  });

  it('clears in place, so a held reference stays live', async () => {
    const api = await fake();
    const log = api.log;
    await signIn(api);
    api.clearLog();
    expect(log).toHaveLength(0);
    await signIn(api);
    expect(log).toHaveLength(1);
    expect(api.log).toBe(log);
  });

  it('reports each finished request to onRequest', async () => {
    const seen: string[] = [];
    const api = await fake({ onRequest: (r) => seen.push(`${r.path} ${r.status}`) });
    await signIn(api);
    await fetch(`${api.url}/api/phone_numbers/`);
    expect(seen).toEqual(['/api/oauth/token/ 200', '/api/phone_numbers/ 401']);
  });
});

describe('/__fake/ control endpoints', () => {
  const post = (url: string, body?: unknown) =>
    fetch(url, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  it('serves the log and the calls without logging themselves', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    await call(api, access_token);
    const log = (await (await fetch(`${api.url}/__fake/log`)).json()) as RecordedRequest[];
    expect(log.map((r) => r.path)).toEqual(['/api/oauth/token/', '/api/calls/']);
    const calls = (await (await fetch(`${api.url}/__fake/calls`)).json()) as RecordedRequest[];
    expect(calls.map((r) => r.fields.to)).toEqual(['16135550100']);
    expect(api.log).toHaveLength(2);

    expect((await post(`${api.url}/__fake/clear-log`)).status).toBe(200);
    expect(api.log).toHaveLength(0);
  });

  it('moves the clock', async () => {
    const api = await fake();
    const res = await post(`${api.url}/__fake/advance?ms=90000`);
    expect(await res.json()).toEqual({ now: T0 + 90_000 });
    expect(api.now()).toBe(T0 + 90_000);
    expect(await (await fetch(`${api.url}/__fake/clock`)).json()).toEqual({ now: T0 + 90_000 });
    expect((await post(`${api.url}/__fake/advance?ms=soon`)).status).toBe(400);
    expect((await post(`${api.url}/__fake/advance`)).status).toBe(400);
  });

  it('queues faults, refuses malformed ones, and clears them', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    expect((await post(`${api.url}/__fake/fault`, { kind: 'status', status: 500 })).status).toBe(
      200,
    );
    expect((await call(api, access_token)).status).toBe(500);

    const bad = await post(`${api.url}/__fake/fault`, { kind: 'status' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/status/);
    expect((await post(`${api.url}/__fake/fault`, undefined)).status).toBe(400);

    await post(`${api.url}/__fake/fault`, { kind: 'drop' });
    await post(`${api.url}/__fake/clear-faults`);
    expect((await call(api, access_token)).status).toBe(201);
  });

  it('expires access tokens and revokes refresh tokens', async () => {
    const api = await fake();
    const { access_token, refresh_token } = await signIn(api);
    await post(`${api.url}/__fake/expire-tokens`);
    expect((await call(api, access_token)).status).toBe(401);
    await post(`${api.url}/__fake/revoke-refresh-tokens`);
    const res = await fetch(`${api.url}/api/oauth/token/`, {
      method: 'POST',
      headers: { 'Content-Type': JSON_TYPE },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        client_id: 'demo-client',
        refresh_token,
      }),
    });
    expect(res.status).toBe(401);
  });

  it('resets log, faults and clock, keeping tokens', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    api.advanceClock(1000);
    api.inject({ kind: 'status', status: 500, times: 3 });
    await post(`${api.url}/__fake/reset`);
    expect(api.log).toHaveLength(0);
    expect(api.now()).toBe(T0);
    expect((await call(api, access_token)).status).toBe(201);
  });

  it('answers 404 for unknown control endpoints and is never faulted', async () => {
    const api = await fake();
    api.inject({ kind: 'drop' });
    const res = await fetch(`${api.url}/__fake/nothing`);
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(api.log).toHaveLength(0);
    // The drop is still queued for the next API request.
    await expect(signIn(api)).rejects.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import type { Fault } from '../../fake-api/server';
import { apiRequest, call, fake, signIn } from './helpers';

describe('status faults', () => {
  it.each([
    [500, { status: 500, message: 'An error occurred while marshalling the response.' }],
    [503, { status: 503, message: 'Service Unavailable' }],
    [401, { status: 401, message: 'Invalid token.' }],
    [429, { message: '1 per 1 second' }],
  ])('forces %i once, with the documented body, then behaves', async (status, body) => {
    const api = await fake();
    const { access_token } = await signIn(api);
    api.inject({ kind: 'status', status, path: '/api/calls/' });
    const faulted = await call(api, access_token);
    expect(faulted.status).toBe(status);
    expect(await faulted.json()).toEqual(body);
    // The faulted request never reached the limiter, so no 1 s wait is needed.
    expect((await call(api, access_token)).status).toBe(201);
    expect(api.calls().map((r) => r.status)).toEqual([status, 201]);
  });

  it('sends a non-JSON body with the given content type', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const html = '<html><body>Bad gateway</body></html>';
    api.inject({ kind: 'status', status: 502, body: html, contentType: 'text/html' });
    const res = await call(api, access_token);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toBe(html);
    expect(api.calls()[0]?.responseBody).toBe(html);
  });

  it('guesses the content type of a custom body', async () => {
    const api = await fake();
    api.inject({ kind: 'status', status: 400, body: '{"to":"Enter a valid number"}' });
    api.inject({ kind: 'status', status: 500, body: 'oops' });
    const a = await fetch(`${api.url}/api/calls/`, { method: 'POST' });
    expect(a.headers.get('content-type')).toBe('application/json');
    expect(await a.json()).toEqual({ to: 'Enter a valid number' });
    const b = await fetch(`${api.url}/api/calls/`, { method: 'POST' });
    expect(b.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('can fail the token endpoint', async () => {
    const api = await fake();
    api.inject({ kind: 'status', status: 503, path: '/api/oauth/token/' });
    await expect(signIn(api)).rejects.toThrow(/503/);
    await expect(signIn(api)).resolves.toBeDefined();
  });
});

describe('matching', () => {
  it('only hits requests with the given path and method', async () => {
    const api = await fake();
    api.inject({ kind: 'status', status: 500, path: '/api/calls/', method: 'post' });
    const { access_token } = await signIn(api);
    expect((await apiRequest(api, 'GET', '/api/users/current/', access_token)).status).toBe(200);
    expect((await call(api, access_token)).status).toBe(500);
  });

  it('applies `times` times, oldest fault first', async () => {
    const api = await fake();
    api.inject({ kind: 'status', status: 500, path: '/api/phone_numbers/', times: 2 });
    api.inject({ kind: 'status', status: 503, path: '/api/phone_numbers/' });
    const { access_token } = await signIn(api);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await apiRequest(api, 'GET', '/api/phone_numbers/', access_token)).status);
    }
    expect(statuses).toEqual([500, 500, 503, 200]);
  });

  it('leaves CORS preflights alone unless aimed at OPTIONS', async () => {
    const api = await fake();
    api.inject({ kind: 'status', status: 500, path: '/api/calls/' });
    const pre = await fetch(`${api.url}/api/calls/`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect((await fetch(`${api.url}/api/calls/`, { method: 'POST' })).status).toBe(500);
  });

  it('forgets queued faults on clearFaults()', async () => {
    const api = await fake();
    api.inject({ kind: 'status', status: 500, times: 5 });
    api.clearFaults();
    await expect(signIn(api)).resolves.toBeDefined();
  });

  it.each([
    [{ kind: 'status', status: 99 }],
    [{ kind: 'status', status: 500, times: 0 }],
    [{ kind: 'delay', ms: -1 }],
    [{ kind: 'explode' }],
  ])('refuses the malformed fault %j', async (fault) => {
    const api = await fake();
    expect(() => api.inject(fault as unknown as Fault)).toThrow(TypeError);
  });
});

describe('delay', () => {
  it('waits, then handles the request normally', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    api.inject({ kind: 'delay', ms: 200, path: '/api/calls/' });
    const started = performance.now();
    const res = await call(api, access_token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(res.status).toBe(201);
    expect(api.calls()).toHaveLength(1);
  });

  it('does not hold close() open', async () => {
    const api = await fake();
    api.inject({ kind: 'delay', ms: 60_000 });
    const pending = fetch(`${api.url}/api/phone_numbers/`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    await api.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });
});

describe('drop', () => {
  it('records the request, then closes the connection without an answer', async () => {
    const seen: number[] = [];
    const api = await fake({ onRequest: (r) => seen.push(r.status) });
    const { access_token } = await signIn(api);
    api.inject({ kind: 'drop', path: '/api/calls/' });
    await expect(call(api, access_token, '16135550100')).rejects.toThrow(TypeError);
    const [dropped] = api.calls();
    expect(api.calls()).toHaveLength(1);
    expect(dropped).toMatchObject({
      status: 0,
      responseBody: '',
      rawBody: '{"to":"16135550100"}',
      fields: { to: '16135550100' },
    });
    expect(seen).toEqual([200, 0]);
    // The server itself is fine.
    expect((await call(api, access_token)).status).toBe(201);
  });
});

describe('cut', () => {
  it('records the request, starts the answer, then cuts the connection mid-body', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    api.inject({ kind: 'cut', path: '/api/calls/' });
    const res = await call(api, access_token, '16135550100');
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(api.calls()).toHaveLength(1);
    expect(api.calls()[0]).toMatchObject({ status: 0, fields: { to: '16135550100' } });
    expect((await call(api, access_token)).status).toBe(201);
  });
});

describe('connection faults and keep-alive', () => {
  it('keeps no socket for reuse while a drop waits, so the dropped request is never resent', async () => {
    const api = await fake();
    api.inject({ kind: 'drop', path: '/api/calls/' });
    const { access_token } = await signIn(api);
    const meanwhile = await apiRequest(api, 'GET', '/api/devices/users/current/', access_token);
    expect(meanwhile.headers.get('connection')).toBe('close');
    await expect(call(api, access_token)).rejects.toThrow(TypeError);
    const after = await apiRequest(api, 'GET', '/api/devices/users/current/', access_token);
    expect(after.headers.get('connection')).toBe('keep-alive');
  });
});

describe('unreachable', () => {
  it('resets the connection before reading, and records nothing', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    api.clearLog();
    api.inject({ kind: 'unreachable', path: '/api/calls/' });
    await expect(call(api, access_token)).rejects.toThrow(TypeError);
    expect(api.log).toEqual([]);
    expect((await call(api, access_token)).status).toBe(201);
  });
});

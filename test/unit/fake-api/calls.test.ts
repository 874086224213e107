import { describe, expect, it } from 'vitest';
import { ACCEPT, apiRequest, call, fake, signIn } from './helpers';

const CALLS = '/api/calls/';

describe('POST /api/calls/', () => {
  it('places a call from a JSON body and answers 201 with a small JSON body', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await apiRequest(api, 'POST', CALLS, access_token, {
      to: '19735551212',
      from: '101@demo.example.com',
      auto_answer: false,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ message: 'Call placed.', to: '19735551212' });
    const [recorded] = api.calls();
    expect(recorded?.fields).toEqual({
      to: '19735551212',
      from: '101@demo.example.com',
      auto_answer: false,
    });
  });

  it('reads a form body', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await fetch(`${api.url}${CALLS}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${access_token}`,
        Accept: ACCEPT,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'to=%2B16133246100&auto_answer=true',
    });
    expect(res.status).toBe(201);
    expect(api.calls()[0]?.fields).toEqual({ to: '+16133246100', auto_answer: 'true' });
  });

  it('reads the query string, as the Python client sends, under any body field', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const query = await fetch(`${api.url}${CALLS}?to=011442070313000&from=101`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${access_token}`, Accept: ACCEPT },
    });
    expect(query.status).toBe(201);
    expect(api.calls()[0]?.fields).toEqual({ to: '011442070313000', from: '101' });

    api.advanceClock(1000);
    const both = await fetch(`${api.url}${CALLS}?to=111&from=101`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${access_token}`,
        Accept: ACCEPT,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ to: '222' }),
    });
    expect(both.status).toBe(201);
    expect(api.calls()[1]?.fields).toEqual({ to: '222', from: '101' });
  });

  it.each([
    ['+16133246100'],
    ['16135550100'],
    ['011441234567890'],
    ['5067'],
    ['sip:100@example.com'],
  ])('accepts and records %s exactly as sent', async (to) => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await call(api, access_token, to);
    expect(res.status).toBe(201);
    expect(api.calls()[0]?.fields.to).toBe(to);
    expect(api.calls()[0]?.rawBody).toBe(JSON.stringify({ to }));
  });

  it.each([
    [{}, 'The to field is required.'],
    [{ to: '' }, 'The to field is required.'],
    [{ to: null }, 'The to field is required.'],
    [{ to: '(973) 555-1212' }, 'The to field must be a phone number or a SIP address.'],
    [{ to: ' 16135550100' }, 'The to field must be a phone number or a SIP address.'],
    [{ to: 16135550100 }, 'The to field must be a phone number or a SIP address.'],
    [{ to: '16135550100', from: 101 }, 'The from field must be a string.'],
  ])('answers 400 for %j', async (body, message) => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await apiRequest(api, 'POST', CALLS, access_token, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ status: 400, message });
  });

  it('answers 400 for a broken JSON body', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await fetch(`${api.url}${CALLS}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${access_token}`,
        Accept: ACCEPT,
        'Content-Type': 'application/json',
      },
      body: '{"to": ',
    });
    expect(res.status).toBe(400);
  });

  it.each([
    ['empty201', 201, '', null],
    ['json200', 200, '{"message":"Call placed.","to":"16135550100"}', 'application/json'],
    ['text201', 201, 'Call placed.', 'text/plain; charset=utf-8'],
  ] as const)('can answer %s', async (callResponse, status, body, contentType) => {
    const api = await fake({ callResponse });
    const { access_token } = await signIn(api);
    const res = await call(api, access_token);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe(contentType);
    expect(await res.text()).toBe(body);
    expect(api.calls()[0]?.responseBody).toBe(body);
  });
});

describe('call rate limits', () => {
  it('allows one call per second per token', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    expect((await call(api, access_token)).status).toBe(201);
    api.advanceClock(999);
    const second = await call(api, access_token);
    expect(second.status).toBe(429);
    expect(await second.json()).toEqual({ message: '1 per 1 second' });
    api.advanceClock(1);
    expect((await call(api, access_token)).status).toBe(201);
  });

  it('counts each token separately', async () => {
    const api = await fake();
    const a = await signIn(api);
    const b = await signIn(api);
    expect((await call(api, a.access_token)).status).toBe(201);
    expect((await call(api, b.access_token)).status).toBe(201);
    expect((await call(api, a.access_token)).status).toBe(429);
  });

  it('allows 15 calls per minute, in a moving window', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    for (let i = 0; i < 15; i++) {
      expect((await call(api, access_token)).status, `call ${i + 1}`).toBe(201);
      api.advanceClock(1000);
    }
    // t = 15 s: the 16th call in the same minute.
    const over = await call(api, access_token);
    expect(over.status).toBe(429);
    expect(await over.json()).toEqual({ message: '15 per 1 minute' });
    // t = 60 s: the first call (t = 0) has left the window.
    api.advanceClock(45_000);
    expect((await call(api, access_token)).status).toBe(201);
    api.advanceClock(1000);
    expect((await call(api, access_token)).status).toBe(201);
    api.advanceClock(1000);
    expect((await call(api, access_token)).status).toBe(201);
  });

  it('does not count refused calls, and reset() forgets the history', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    expect((await call(api, access_token)).status).toBe(201);
    api.advanceClock(500);
    expect((await call(api, access_token)).status).toBe(429);
    api.advanceClock(500);
    // 1 s after the accepted call, though only 0.5 s after the refused one.
    expect((await call(api, access_token)).status).toBe(201);
    api.reset();
    expect((await call(api, access_token)).status).toBe(201);
  });

  it('does not limit the read endpoints', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    for (let i = 0; i < 3; i++) {
      expect((await apiRequest(api, 'GET', '/api/users/current/', access_token)).status).toBe(200);
    }
  });
});

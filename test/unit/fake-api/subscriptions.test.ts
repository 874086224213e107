import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminUser, demoUser, type FakeApi, type FakeUser } from '../../fake-api/server';
import { MAX_EXPIRES_IN } from '../../fake-api/subscriptions';
import { ACCEPT, apiRequest, call, fake, postJson, signIn, T0 } from './helpers';

const SUBS = '/api/subscriptions/';
const WEEK = MAX_EXPIRES_IN;
const ZONELESS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/;

async function signInAs(api: FakeApi, user: FakeUser): Promise<string> {
  const res = await postJson(api, '/api/oauth/token/', {
    grant_type: 'password',
    client_id: user.clientId,
    username: user.username,
    password: user.password,
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

interface SubscriptionBody {
  id: number;
  post_uri: string;
  expires: string;
  events: { type: string; user: string }[];
}

/** A local webhook receiver that keeps every JSON body it is sent. */
const receivers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    receivers.splice(0).map((s) => new Promise((resolve) => s.close(() => resolve(null)))),
  );
});
async function receiver(): Promise<{ url: string; bodies: unknown[] }> {
  const bodies: unknown[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    req.on('end', () => {
      bodies.push(JSON.parse(raw));
      res.writeHead(200).end();
    });
  });
  receivers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/Xq3-secret`, bodies };
}

const subscribe = (api: FakeApi, token: string, body: Record<string, unknown>) =>
  apiRequest(api, 'POST', SUBS, token, body);

describe('POST /api/subscriptions/ (§9)', () => {
  it('answers 202 with the documented shape: integer id, zone-less expires, events array', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await subscribe(api, access_token, {
      post_uri: 'https://example.com/hook/abc',
      calls: true,
      expires_in: WEEK,
      user: '101',
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as SubscriptionBody;
    expect(Object.keys(body).sort()).toEqual(['events', 'expires', 'id', 'post_uri']);
    expect(Number.isSafeInteger(body.id)).toBe(true);
    expect(body.post_uri).toBe('https://example.com/hook/abc');
    expect(body.expires).toMatch(ZONELESS);
    expect(Date.parse(`${body.expires.slice(0, 23)}Z`)).toBe(T0 + WEEK * 1000);
    expect(body.events).toEqual([{ type: 'calls', user: '101' }]);
    expect(api.subscriptions()).toMatchObject([
      { id: body.id, owner: demoUser.username, expiresAt: T0 + WEEK * 1000, renewals: 0 },
    ]);
  });

  it('takes expires_in as a string (the doc example) and defaults it to 7200', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    await subscribe(api, access_token, {
      post_uri: 'https://example.com/a',
      calls: true,
      expires_in: '604800',
      user: '101',
    });
    await subscribe(api, access_token, {
      post_uri: 'https://example.com/b',
      cdrs: 'true',
      user: '101',
    });
    expect(api.subscriptions().map((s) => s.expiresAt)).toEqual([
      T0 + WEEK * 1000,
      T0 + 7200 * 1000,
    ]);
    expect(api.subscriptions()[1]?.events).toEqual([{ type: 'cdrs', user: '101' }]);
  });

  it('keeps the id when the same post_uri is posted again, and extends the expiry', async () => {
    const api = await fake({ accessTokenTtlSeconds: 30 * 86_400 });
    const { access_token } = await signIn(api);
    const request = {
      post_uri: 'https://example.com/same',
      calls: true,
      expires_in: WEEK,
      user: '101',
    };
    const first = (await (await subscribe(api, access_token, request)).json()) as SubscriptionBody;
    api.advanceClock(6 * 86_400_000);
    const again = await subscribe(api, access_token, request);
    expect(again.status).toBe(202);
    const second = (await again.json()) as SubscriptionBody;
    expect(second.id).toBe(first.id);
    expect(api.subscriptions()).toMatchObject([
      { id: first.id, expiresAt: T0 + 6 * 86_400_000 + WEEK * 1000, renewals: 1 },
    ]);
    const other = await subscribe(api, access_token, {
      ...request,
      post_uri: 'https://example.com/other',
    });
    expect(((await other.json()) as SubscriptionBody).id).not.toBe(first.id);
  });

  it.each([
    [{ calls: true }, 'The post_uri field is required.'],
    [{ post_uri: 'not a url', calls: true }, 'The post_uri field must be a valid URI.'],
    [{ post_uri: 'ftp://example.com/x', calls: true }, 'The post_uri field must be a valid URI.'],
    [
      { post_uri: 'https://example.com/x', calls: true, expires_in: WEEK + 1 },
      'expires_in must be at most 604800 seconds.',
    ],
    [
      { post_uri: 'https://example.com/x', calls: true, expires_in: 0 },
      'expires_in must be a whole number of seconds.',
    ],
    [
      { post_uri: 'https://example.com/x', calls: true, expires_in: 'soon' },
      'expires_in must be a whole number of seconds.',
    ],
    [
      { post_uri: 'https://example.com/x' },
      'At least one of calls, cdrs or recordings must be true.',
    ],
    [
      { post_uri: 'https://example.com/x', calls: false, cdrs: false, recordings: false },
      'At least one of calls, cdrs or recordings must be true.',
    ],
    [{ post_uri: 'https://example.com/x', calls: 'maybe' }, 'The calls field must be a boolean.'],
    [
      { post_uri: 'https://example.com/x', calls: true, user: 101 },
      'The user field must be an extension or "*".',
    ],
  ])('answers 400 for %j', async (body, message) => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const res = await subscribe(api, access_token, { user: '101', ...body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ status: 400, message });
    expect(api.subscriptions()).toEqual([]);
  });

  it("refuses '*' and other users' extensions to a Basic User with the documented 403", async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    for (const user of ['*', '102', ['101', '102'], undefined]) {
      const res = await subscribe(api, access_token, {
        post_uri: 'https://example.com/x',
        calls: true,
        ...(user === undefined ? {} : { user }),
      });
      expect(res.status, JSON.stringify(user)).toBe(403);
      expect(await res.json()).toEqual({
        status: 403,
        message: 'Access Forbidden, you do not have the correct permissions.',
      });
    }
  });

  it("lets an admin scope subscribe for the company ('*', also the default)", async () => {
    const api = await fake();
    const token = await signInAs(api, adminUser);
    const profile = await apiRequest(api, 'GET', '/api/users/current/', token);
    expect(((await profile.json()) as { scope: string }).scope).toBe('Office Manager');
    const res = await subscribe(api, token, {
      post_uri: 'https://example.com/company',
      calls: true,
      recordings: true,
      user: '*',
    });
    expect(res.status).toBe(202);
    expect(((await res.json()) as SubscriptionBody).events).toEqual([
      { type: 'calls', user: '*' },
      { type: 'recordings', user: '*' },
    ]);
  });

  it('sits behind the Bearer and Accept checks', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const noToken = await fetch(`${api.url}${SUBS}`, {
      method: 'POST',
      headers: { Accept: ACCEPT },
    });
    expect(noToken.status).toBe(401);
    const noAccept = await fetch(`${api.url}${SUBS}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${access_token}` },
    });
    expect(noAccept.status).toBe(422);
  });

  it('enforces 1/second and 5/minute when started with limitSubscriptions', async () => {
    const api = await fake({ limitSubscriptions: true });
    const { access_token } = await signIn(api);
    const body = { post_uri: 'https://example.com/x', calls: true, user: '101' };
    expect((await subscribe(api, access_token, body)).status).toBe(202);
    const second = await subscribe(api, access_token, body);
    expect(second.status).toBe(429);
    expect(await second.json()).toEqual({ message: '1 per 1 second' });
    for (let i = 0; i < 4; i++) {
      api.advanceClock(1000);
      expect((await apiRequest(api, 'GET', `${SUBS}1/`, access_token)).status).toBe(404);
    }
    api.advanceClock(1000);
    const sixth = await subscribe(api, access_token, body);
    expect(await sixth.json()).toEqual({ message: '5 per 1 minute' });
  });
});

describe('GET and DELETE /api/subscriptions/{id}/', () => {
  it('reads a subscription, then 404 once it has expired on the clock', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const created = (await (
      await subscribe(api, access_token, {
        post_uri: 'https://example.com/r',
        calls: true,
        expires_in: 60,
        user: '101',
      })
    ).json()) as SubscriptionBody;
    const read = await apiRequest(api, 'GET', `${SUBS}${created.id}/`, access_token);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(created);

    api.advanceClock(60_000);
    const gone = await apiRequest(api, 'GET', `${SUBS}${created.id}/`, access_token);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ status: 404, message: 'Resource does not exist.' });
    expect(api.subscriptions()).toEqual([]);
    // Once expired, posting the URL again is a new subscription.
    const anew = (await (
      await subscribe(api, access_token, {
        post_uri: 'https://example.com/r',
        calls: true,
        user: '101',
      })
    ).json()) as SubscriptionBody;
    expect(anew.id).not.toBe(created.id);
  });

  it('deletes with 204, then answers 404', async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const { id } = (await (
      await subscribe(api, access_token, {
        post_uri: 'https://example.com/d',
        calls: true,
        user: '101',
      })
    ).json()) as SubscriptionBody;
    const deleted = await apiRequest(api, 'DELETE', `${SUBS}${id}/`, access_token);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect(api.subscriptions()).toEqual([]);
    expect((await apiRequest(api, 'DELETE', `${SUBS}${id}/`, access_token)).status).toBe(404);
    expect((await apiRequest(api, 'GET', `${SUBS}${id}/`, access_token)).status).toBe(404);
  });

  it("shows users only their own subscriptions: another's is a 404", async () => {
    const api = await fake();
    const { access_token } = await signIn(api);
    const admin = await signInAs(api, adminUser);
    const { id } = (await (
      await subscribe(api, access_token, {
        post_uri: 'https://example.com/mine',
        calls: true,
        user: '101',
      })
    ).json()) as SubscriptionBody;
    expect((await apiRequest(api, 'GET', `${SUBS}${id}/`, admin)).status).toBe(404);
    expect((await apiRequest(api, 'DELETE', `${SUBS}${id}/`, admin)).status).toBe(404);
    expect(api.subscriptions()).toHaveLength(1);
    // The same URL from another user is that user's own subscription.
    const theirs = (await (
      await subscribe(api, admin, {
        post_uri: 'https://example.com/mine',
        calls: true,
        user: '100',
      })
    ).json()) as SubscriptionBody;
    expect(theirs.id).not.toBe(id);
  });
});

describe('webhook delivery (§9)', () => {
  it('posts the two init messages to a new subscription, not to a renewal', async () => {
    const api = await fake({ webhookDelayMs: 5 });
    const { access_token } = await signIn(api);
    const hook = await receiver();
    const body = { post_uri: hook.url, calls: true, cdrs: true, user: '101' };
    await subscribe(api, access_token, body);
    await vi.waitFor(() => expect(hook.bodies).toHaveLength(2));
    expect(hook.bodies).toEqual([
      { msg: 'Preparing subscription for: calls, cdrs', state: 'preparing' },
      { msg: 'You have been subscribed to your requested subscriptions.', state: 'ready' },
    ]);
    expect(api.deliveries.map((d) => [d.url, d.status, d.time])).toEqual([
      [hook.url, 200, T0],
      [hook.url, 200, T0],
    ]);
    await subscribe(api, access_token, body);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hook.bodies).toHaveLength(2);
  });

  it('posts ringing, answered and completed events for each placed call', async () => {
    const api = await fake({ webhookDelayMs: 5 });
    const { access_token } = await signIn(api);
    const hook = await receiver();
    await subscribe(api, access_token, { post_uri: hook.url, calls: true, user: '101' });
    expect((await call(api, access_token, '16135550100')).status).toBe(201);
    await vi.waitFor(() => expect(hook.bodies).toHaveLength(5));
    const events = hook.bodies.slice(2) as { calls: Record<string, unknown> }[];
    const legs = events.map((e) => [
      (e.calls.from as { state: string }).state,
      (e.calls.to as { state: string }).state,
    ]);
    expect(legs).toEqual([
      ['progressing', 'ringing'],
      ['active', 'active'],
      ['ended', 'ended'],
    ]);
    const [ringing, answered] = events;
    expect(ringing?.calls).toEqual({
      on_net: false,
      from: {
        user: '101',
        name: 'Dana Demo',
        domain: 'demo.example.com',
        id: '101',
        call_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        state: 'progressing',
      },
      to: {
        is_human: true,
        id: '16135550100',
        domain: null,
        user: null,
        call_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        state: 'ringing',
      },
      time_answer: null,
      time_start: '2025-01-15 12:00:00',
      by_call_id: null,
    });
    expect(answered?.calls.time_answer).toBe('2025-01-15 12:00:05');
  });

  it('sends call events only where the type and user match; * covers the domain', async () => {
    const api = await fake({ webhookDelayMs: 5 });
    const demo = (await signIn(api)).access_token;
    const admin = await signInAs(api, adminUser);
    const own = await receiver();
    const cdrsOnly = await receiver();
    const company = await receiver();
    const adminsOwn = await receiver();
    await subscribe(api, demo, { post_uri: own.url, calls: true, user: '101' });
    await subscribe(api, demo, { post_uri: cdrsOnly.url, cdrs: true, user: '101' });
    await subscribe(api, admin, { post_uri: company.url, calls: true, user: '*' });
    await subscribe(api, admin, { post_uri: adminsOwn.url, calls: true, user: '100' });
    await call(api, demo);
    await vi.waitFor(() => {
      expect(own.bodies).toHaveLength(5);
      expect(company.bodies).toHaveLength(5);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cdrsOnly.bodies).toHaveLength(2);
    expect(adminsOwn.bodies).toHaveLength(2);
  });

  it('stops delivering once a subscription expired or was deleted', async () => {
    const api = await fake({ webhookDelayMs: 5 });
    const { access_token } = await signIn(api);
    const hook = await receiver();
    await subscribe(api, access_token, {
      post_uri: hook.url,
      calls: true,
      expires_in: 10,
      user: '101',
    });
    await vi.waitFor(() => expect(hook.bodies).toHaveLength(2));
    api.advanceClock(10_000);
    await call(api, access_token);
    const other = await receiver();
    const { id: second } = (await (
      await subscribe(api, access_token, { post_uri: other.url, calls: true, user: '101' })
    ).json()) as SubscriptionBody;
    await apiRequest(api, 'DELETE', `${SUBS}${second}/`, access_token);
    api.advanceClock(1000);
    await call(api, access_token);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(hook.bodies).toHaveLength(2);
    expect(other.bodies.filter((b) => 'calls' in (b as object))).toEqual([]);
    expect(api.deliveries.filter((d) => 'calls' in (d.body as object))).toEqual([]);
  });

  it('never contacts a host other than 127.0.0.1 or localhost: it records a refusal', async () => {
    const api = await fake({ webhookDelayMs: 5 });
    const { access_token } = await signIn(api);
    await subscribe(api, access_token, {
      post_uri: 'https://example.com/hook',
      calls: true,
      user: '101',
    });
    await vi.waitFor(() => expect(api.deliveries).toHaveLength(2));
    expect(api.deliveries[0]).toMatchObject({
      url: 'https://example.com/hook',
      status: 0,
      error: 'Refused: the fake only delivers to 127.0.0.1 or localhost.',
    });
  });

  it('records a connection error when the receiver is down', async () => {
    const api = await fake({ webhookDelayMs: 5 });
    const { access_token } = await signIn(api);
    const hook = await receiver();
    const server = receivers.pop();
    await new Promise((resolve) => server?.close(resolve));
    await subscribe(api, access_token, { post_uri: hook.url, calls: true, user: '101' });
    await vi.waitFor(() => expect(api.deliveries).toHaveLength(2));
    expect(api.deliveries[0]?.status).toBe(0);
    expect(api.deliveries[0]?.error).toMatch(/ECONNREFUSED|fetch failed/);
  });
});

describe('control endpoints for subscriptions', () => {
  it('serves subscriptions, deliveries, a local receiver, and reset clears them', async () => {
    const api = await fake({ webhookDelayMs: 5 });
    const { access_token } = await signIn(api);
    const hookUrl = `${api.url}/__fake/hook/s3cret`;
    await subscribe(api, access_token, { post_uri: hookUrl, calls: true, user: '101' });
    await vi.waitFor(() => expect(api.deliveries.filter((d) => d.status === 204)).toHaveLength(2));
    // Receiver traffic is control traffic: not in the API log.
    expect(api.log.map((r) => r.path)).toEqual(['/api/oauth/token/', SUBS]);

    const subs = (await (await fetch(`${api.url}/__fake/subscriptions`)).json()) as unknown[];
    expect(subs).toMatchObject([{ postUri: hookUrl, expiresAt: T0 + 7200_000 }]);
    const sent = (await (await fetch(`${api.url}/__fake/deliveries`)).json()) as unknown[];
    expect(sent).toHaveLength(2);

    await fetch(`${api.url}/__fake/clear-deliveries`, { method: 'POST' });
    expect(api.deliveries).toEqual([]);
    await fetch(`${api.url}/__fake/reset`, { method: 'POST' });
    expect(api.subscriptions()).toEqual([]);
  });
});

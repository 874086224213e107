import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/i18n', () => ({
  t: (key: string, subs?: string | string[]) => (subs ? `${key}(${[subs].flat().join(',')})` : key),
}));

import { createApi } from '../../../src/background/api';
import { createAuth } from '../../../src/background/auth';
import {
  type CallerOptions,
  callBody,
  createCaller,
  type Decision,
  sessionUnknownCalls,
  UNKNOWN_REMEMBERED_MS,
  type UnknownCalls,
} from '../../../src/background/calls';
import { memoryStore } from '../../../src/background/secret-store';
import { parseDialable } from '../../../src/phone';
import { fakeFetch, on, type Reply, type Route } from '../support/fake-fetch';

const BASE = 'https://api.test';
const CALLS = '/api/calls/';

const tokenRoute = on('POST', '/api/oauth/token/', (r) => {
  const body = r.body as Record<string, string>;
  const n = body.grant_type === 'password' ? 1 : 2;
  return {
    status: 200,
    body: { access_token: `access-${n}`, expires_in: 3599, refresh_token: 'refresh-1' },
  };
});

async function setup(
  callReplies: Reply[],
  extra: Route[] = [],
  options: {
    callerId?: string;
    ringOn?: string;
    confirm?: CallerOptions['confirm'];
    unknownCalls?: UnknownCalls;
  } = {},
) {
  const net = fakeFetch([
    tokenRoute,
    on('POST', CALLS, () => callReplies.shift() ?? { status: 500, text: 'script exhausted' }),
    ...extra,
  ]);
  const api = createApi({ base: BASE, fetch: net.fetch });
  const auth = createAuth({ api, store: memoryStore(), now: Date.now });
  await auth.signIn('ann', 'pw', 'client');
  const sleeps: number[] = [];
  const attempts: unknown[] = [];
  const caller = createCaller({
    api,
    auth,
    now: Date.now,
    sleep: async (ms) => {
      sleeps.push(ms);
      vi.advanceTimersByTime(ms);
    },
    parse: async (input) => parseDialable(input, 'US') ?? null,
    callerId: async () => options.callerId ?? '',
    ringOn: async () => options.ringOn ?? '',
    onAttempt: (record) => attempts.push(record),
    ...(options.confirm ? { confirm: options.confirm } : {}),
    ...(options.unknownCalls ? { unknownCalls: options.unknownCalls } : {}),
  });
  return { net, caller, sleeps, attempts, calls: () => net.to(CALLS) };
}

describe('placing a call', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('sends one POST with the dial string, bearer token and the API version', async () => {
    const { caller, calls } = await setup([{ status: 201, body: { ok: true } }]);
    const result = await caller.placeCall('(973) 555-1212');
    expect(result).toEqual({
      ok: true,
      value: { dial: '19735551212', display: '+1 973-555-1212' },
    });
    expect(calls()).toHaveLength(1);
    const [call] = calls();
    expect(call?.body).toEqual({ to: '19735551212' });
    expect(call?.headers.authorization).toBe('Bearer access-1');
    expect(call?.headers.accept).toBe('application/vnd.integrate.v1.8.0+json');
    expect(call?.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it.each([
    ['+44 20 7031 3000', '011442070313000', undefined],
    ['973.555.1212 x12', '19735551212', '12'],
  ])('normalises %s to %s', async (input, dial, ext) => {
    const { caller, calls } = await setup([{ status: 201 }]);
    const result = await caller.placeCall(input);
    expect(result.ok && result.value.dial).toBe(dial);
    expect(result.ok && result.value.ext).toBe(ext);
    expect(calls()[0]?.body).toEqual({ to: dial });
  });

  it.each(['12345', 'call me', '', '   '])('refuses %j before any request', async (input) => {
    const { caller, net } = await setup([]);
    const result = await caller.placeCall(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-number');
    expect(net.seen.filter((r) => r.path === CALLS)).toHaveLength(0);
  });

  it('treats any 2xx as placed, with or without a body', async () => {
    const { caller } = await setup([{ status: 200, text: 'OK' }]);
    expect((await caller.placeCall('973 555 1212')).ok).toBe(true);
  });

  it('sends one request for a double click', async () => {
    const { caller, calls } = await setup([{ status: 201 }, { status: 201 }]);
    const [a, b] = await Promise.all([
      caller.placeCall('973-555-1212'),
      caller.placeCall('(973) 555-1212'),
    ]);
    expect(a).toEqual(b);
    expect(calls()).toHaveLength(1);
    // A click just after the first one settled is still the same click.
    vi.advanceTimersByTime(500);
    await caller.placeCall('973-555-1212');
    expect(calls()).toHaveLength(1);
    // A deliberate second call a moment later is a new click.
    vi.advanceTimersByTime(1_000);
    await caller.placeCall('973-555-1212');
    expect(calls()).toHaveLength(2);
  });

  it('keeps more than a second between two different calls (net2phone counts on arrival)', async () => {
    const { caller, calls, sleeps } = await setup([{ status: 201 }, { status: 201 }]);
    await caller.placeCall('973-555-1212');
    vi.advanceTimersByTime(300);
    await caller.placeCall('212-555-0100');
    expect(calls()).toHaveLength(2);
    expect(sleeps).toEqual([800]);
  });

  it('refreshes once after a 401 and sends the call once more', async () => {
    const { caller, calls, net } = await setup([
      { status: 401, body: { status: 401, message: 'Token expired' } },
      { status: 201 },
    ]);
    const result = await caller.placeCall('973-555-1212');
    expect(result.ok).toBe(true);
    expect(calls().map((c) => c.headers.authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-2',
    ]);
    expect(net.to('/api/oauth/token/')).toHaveLength(2);
  });

  it('gives up after a second 401 without a third request', async () => {
    const { caller, calls } = await setup([{ status: 401 }, { status: 401 }]);
    const result = await caller.placeCall('973-555-1212');
    expect(result.ok).toBe(false);
    expect(calls()).toHaveLength(2);
  });

  it('says how long to wait on 429 and does not retry', async () => {
    const { caller, calls } = await setup([{ status: 429, body: { message: '1 per 1 second' } }]);
    const result = await caller.placeCall('973-555-1212');
    expect(result).toEqual({
      ok: false,
      error: { code: 'rate-limited', message: 'errorRateLimited(1)', retryAfterSeconds: 1 },
    });
    expect(calls()).toHaveLength(1);
  });

  it('reads the per-minute limit from the message', async () => {
    const { caller } = await setup([{ status: 429, body: { message: '15 per 1 minute' } }]);
    const result = await caller.placeCall('973-555-1212');
    expect(!result.ok && result.error.retryAfterSeconds).toBe(60);
  });

  it.each([
    [{ status: 500, text: 'Internal Server Error' }, 'call-uncertain', 'callStatusUnknown'],
    [
      { status: 503, body: { status: 503, message: 'down' } },
      'call-uncertain',
      'callStatusUnknown',
    ],
    [
      { status: 400, body: { to: ['Not a valid number'] } },
      'rejected',
      'errorRejectedWith(to: Not a valid number)',
    ],
    [
      { status: 400, body: { status: 400, message: 'Missing to' } },
      'rejected',
      'errorRejectedWith(Missing to)',
    ],
    [
      { status: 403, body: { status: 403, message: 'Access Forbidden' } },
      'forbidden',
      'Access Forbidden',
    ],
  ] as const)('never retries a call after %j', async (reply, code, message) => {
    const { caller, calls } = await setup([reply as Reply]);
    const result = await caller.placeCall('973-555-1212');
    expect(result).toMatchObject({ ok: false, error: { code, message } });
    expect(calls()).toHaveLength(1);
  });

  it('a 5xx is status unknown, with the server code as a detail only', async () => {
    const { caller } = await setup([{ status: 503, text: 'down' }]);
    expect(await caller.placeCall('973-555-1212')).toEqual({
      ok: false,
      error: {
        code: 'call-uncertain',
        message: 'callStatusUnknown',
        detail: 'detailServerAnswered(503)',
      },
    });
  });

  it('after a status unknown, the next call to that number asks first; other numbers do not', async () => {
    const asked: [string, boolean][] = [];
    const { caller, calls } = await setup([{ status: 503 }, { status: 201 }, { status: 201 }], [], {
      confirm: async (number, _meta, afterUnknown) => {
        asked.push([number.dial, afterUnknown]);
        return { go: true };
      },
    });
    await caller.placeCall('973-555-1212');
    vi.advanceTimersByTime(2_000);
    await caller.placeCall('973-555-1212');
    vi.advanceTimersByTime(2_000);
    await caller.placeCall('212-555-0147');
    expect(asked).toEqual([
      ['19735551212', false],
      ['19735551212', true],
      ['12125550147', false],
    ]);
    expect(calls()).toHaveLength(3);
  });

  it('remembers a status unknown through a restart of the background (storage.session), for 10 minutes', async () => {
    const data = new Map<string, unknown>();
    const session = {
      get: async (key: string) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
      set: async (items: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
      },
    };
    const asked: boolean[] = [];
    const confirm: CallerOptions['confirm'] = async (_number, _meta, afterUnknown) => {
      asked.push(afterUnknown);
      return { go: true };
    };
    const before = await setup([{ status: 503 }], [], {
      confirm,
      unknownCalls: sessionUnknownCalls(session, Date.now),
    });
    await before.caller.placeCall('973-555-1212');
    // The service worker stops when idle; a new one starts with nothing in memory.
    vi.advanceTimersByTime(60_000);
    const after = await setup([{ status: 201 }, { status: 201 }], [], {
      confirm,
      unknownCalls: sessionUnknownCalls(session, Date.now),
    });
    await after.caller.placeCall('973-555-1212');
    expect(asked).toEqual([false, true]);
    // Placed this time: forgotten. A later unknown is forgotten after 10 minutes.
    vi.advanceTimersByTime(2_000);
    await after.caller.placeCall('973-555-1212');
    expect(asked).toEqual([false, true, false]);
    await sessionUnknownCalls(session, Date.now).set('12125550147', Date.now());
    vi.advanceTimersByTime(UNKNOWN_REMEMBERED_MS);
    expect(await sessionUnknownCalls(session, Date.now).get('12125550147')).toBeUndefined();
  });

  it('says the call may have been placed when the connection drops but net2phone is up', async () => {
    const { caller, calls } = await setup(
      [{ drop: true }],
      [on('GET', '/api/users/current/', { status: 200, body: {} })],
    );
    const result = await caller.placeCall('973-555-1212');
    expect(!result.ok && result.error.code).toBe('call-uncertain');
    expect(calls()).toHaveLength(1);
  });

  it('says net2phone is unreachable when nothing answers', async () => {
    const { caller, calls } = await setup(
      [{ drop: true }],
      [on('GET', '/api/users/current/', { drop: true })],
    );
    const result = await caller.placeCall('973-555-1212');
    expect(result).toEqual({
      ok: false,
      error: { code: 'network', message: 'errorUnreachableCall(api.test)' },
    });
    expect(calls()).toHaveLength(1);
  });

  it('sends the chosen caller ID with the call', async () => {
    const { caller, calls } = await setup([{ status: 201 }], [], { callerId: '+16135550101' });
    await caller.placeCall('973-555-1212');
    expect(calls()[0]?.body).toEqual({ to: '19735551212', caller_id_number: '+16135550101' });
  });

  it('sends the device chosen to ring first as from, user@domain (reference §5.1)', async () => {
    const { caller, calls } = await setup([{ status: 201 }], [], {
      ringOn: 'sip:101a@demo.example.com',
      callerId: '+16135550101',
    });
    await caller.placeCall('973-555-1212');
    expect(calls()[0]?.body).toEqual({
      to: '19735551212',
      from: '101a@demo.example.com',
      caller_id_number: '+16135550101',
    });
  });

  it('remembers each request once, with where it came from and how it went', async () => {
    const { caller, attempts } = await setup([
      { status: 201 },
      { status: 429, body: { message: '1 per 1 second' } },
    ]);
    const page = { title: 'Contacts', host: 'crm.example.com' };
    await Promise.all([
      caller.placeCall('973-555-1212', { source: 'page', page }),
      caller.placeCall('973-555-1212', { source: 'page', page }),
    ]);
    await caller.placeCall('+44 20 7031 3000', { source: 'omnibox' });
    await caller.placeCall('12345', { source: 'omnibox' });
    expect(attempts).toEqual([
      expect.objectContaining({ dial: '19735551212', source: 'page', page, outcome: 'placed' }),
      expect.objectContaining({
        dial: '011442070313000',
        display: '+44 20 7031 3000',
        source: 'omnibox',
        outcome: 'failed',
        error: 'errorRateLimited(1)',
      }),
    ]);
  });

  it('asks to sign in when there is no session, sending nothing', async () => {
    const net = fakeFetch([]);
    const api = createApi({ base: BASE, fetch: net.fetch });
    const auth = createAuth({ api, store: memoryStore(), now: Date.now });
    const caller = createCaller({
      api,
      auth,
      now: Date.now,
      sleep: async () => {},
      parse: async (input) => parseDialable(input, 'US') ?? null,
    });
    const result = await caller.placeCall('973-555-1212');
    expect(!result.ok && result.error.code).toBe('not-signed-in');
    expect(net.seen).toHaveLength(0);
  });
});

describe('a call that needs the user’s confirmation first', () => {
  /** A confirmation window the test answers: each request waits until `answer` is called. */
  function window() {
    const asked: string[] = [];
    let answer: (decision: Decision) => void = () => {};
    const confirm: CallerOptions['confirm'] = (number) => {
      asked.push(number.e164);
      return new Promise<Decision>((resolve) => {
        answer = resolve;
      });
    };
    return { confirm, asked, answer: (decision: Decision) => answer(decision) };
  }

  it('Cancel: nothing is sent and the user is told the call was cancelled', async () => {
    const box = window();
    const { caller, calls, attempts } = await setup([{ status: 201 }], [], {
      confirm: box.confirm,
    });
    const pending = caller.placeCall('1-900-976-1234');
    await vi.waitFor(() => expect(box.asked).toEqual(['+19009761234']));
    box.answer({ go: false });
    expect(await pending).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'callCancelled' },
    });
    expect(calls()).toHaveLength(0);
    expect(attempts).toHaveLength(0);
  });

  it('Call: exactly one request, and the window is told its outcome', async () => {
    const box = window();
    const { caller, calls } = await setup([{ status: 201 }], [], { confirm: box.confirm });
    const first = caller.placeCall('1-900-976-1234');
    // A double click while the window is open asks nothing more and sends nothing more.
    const second = caller.placeCall('(900) 976-1234');
    await vi.waitFor(() => expect(box.asked).toHaveLength(1));
    const told: unknown[] = [];
    box.answer({ go: true, report: (result) => told.push(result) });
    const expected = { ok: true, value: { dial: '19009761234', display: '+1 900-976-1234' } };
    expect(await first).toEqual(expected);
    expect(await second).toEqual(expected);
    expect(told).toEqual([expected]);
    expect(calls().map((c) => c.body)).toEqual([{ to: '19009761234' }]);
  });

  it('an unanswered confirmation holds back no other call', async () => {
    const box = window();
    const confirm: CallerOptions['confirm'] = (number, meta) =>
      number.dial === '19009761234'
        ? (box.confirm?.(number, meta, false) ?? Promise.resolve({ go: true }))
        : Promise.resolve({ go: true });
    const { caller, calls } = await setup([{ status: 201 }], [], { confirm });
    void caller.placeCall('1-900-976-1234');
    expect((await caller.placeCall('973 555 1212')).ok).toBe(true);
    expect(calls().map((c) => c.body)).toEqual([{ to: '19735551212' }]);
  });
});

describe('after a Cancel', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('the next click on the same number asks again, at once', async () => {
    const answers: Decision[] = [{ go: false }, { go: true }];
    let asked = 0;
    const { caller, calls } = await setup([{ status: 201 }], [], {
      confirm: async () => {
        asked += 1;
        return answers.shift() ?? { go: false };
      },
    });
    expect((await caller.placeCall('1-900-976-1234')).ok).toBe(false);
    expect((await caller.placeCall('1-900-976-1234')).ok).toBe(true);
    expect(asked).toBe(2);
    expect(calls()).toHaveLength(1);
  });
});

describe('the body of POST /api/calls/, built in one place', () => {
  it.each([
    [{}, { to: '19735551212' }],
    [{ ringOn: '', callerId: '' }, { to: '19735551212' }],
    [{ ringOn: 'sip:100@example.com' }, { to: '19735551212', from: '100@example.com' }],
    [{ ringOn: 'SIPS:100@example.com' }, { to: '19735551212', from: '100@example.com' }],
    [{ ringOn: '100@example.com' }, { to: '19735551212', from: '100@example.com' }],
    [{ callerId: '+16135550101' }, { to: '19735551212', caller_id_number: '+16135550101' }],
  ])('%j → %j', (chosen, body) => {
    expect(callBody('19735551212', chosen)).toEqual(body);
  });
});

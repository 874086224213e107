import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/i18n', () => ({
  t: (key: string, subs?: string | string[]) => (subs ? `${key}(${[subs].flat().join(',')})` : key),
}));

import { describeFailure, serverMessage, waitSeconds } from '../../../src/background/error-text';
import { parseBody, send } from '../../../src/background/http';
import { fakeFetch, on } from '../support/fake-fetch';

const options = (fetch: typeof globalThis.fetch, timeoutMs = 1_000) => ({
  fetch,
  timeoutMs,
  isOnline: () => true,
});

describe('one HTTP exchange, reduced to data', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['{"a":1}', { a: 1 }],
    ['<html>502 Bad Gateway</html>', '<html>502 Bad Gateway</html>'],
    ['{"truncated', '{"truncated'],
  ])('parses the body %j defensively', (text, expected) => {
    expect(parseBody(text)).toEqual(expected);
  });

  it('keeps the status and Retry-After of an error', async () => {
    const net = fakeFetch([
      on('GET', '/x', {
        status: 429,
        body: { message: 'slow down' },
        headers: { 'Retry-After': '7' },
      }),
    ]);
    const outcome = await send(
      { method: 'GET', url: 'https://a.test/x', headers: {} },
      options(net.fetch),
    );
    expect(outcome).toEqual({
      ok: false,
      kind: 'http',
      status: 429,
      body: { message: 'slow down' },
      retryAfterSeconds: 7,
    });
  });

  it('reports a timeout as a network failure that may have reached the server (POST)', async () => {
    const net = fakeFetch([on('POST', '/x', { hang: true })]);
    const outcome = await send(
      { method: 'POST', url: 'https://a.test/x', headers: {}, body: '{}' },
      options(net.fetch, 20),
    );
    expect(outcome).toMatchObject({
      ok: false,
      kind: 'network',
      timedOut: true,
      mayHaveReached: true,
    });
  });

  it('reports a refused GET as not having reached the server', async () => {
    const net = fakeFetch([on('GET', '/x', { drop: true })]);
    const outcome = await send(
      { method: 'GET', url: 'https://a.test/x', headers: {} },
      options(net.fetch),
    );
    expect(outcome).toMatchObject({
      ok: false,
      kind: 'network',
      mayHaveReached: false,
      timedOut: false,
    });
  });
});

describe('error text from net2phone bodies', () => {
  it.each([
    [
      { status: 403, message: 'Access Forbidden, you do not have the correct permissions.' },
      'Access Forbidden, you do not have the correct permissions.',
    ],
    [{ to: 'Enter a valid phone number.' }, 'to: Enter a valid phone number.'],
    [{ to: ['Enter a valid phone number.'] }, 'to: Enter a valid phone number.'],
    [{ error: 'invalid_grant', error_description: 'Bad password' }, 'invalid_grant'],
    [{ status: 500 }, null],
    [[1, 2], null],
    [null, null],
    ['plain text reason', 'plain text reason'],
  ])('%j → %j', (body, expected) => {
    expect(serverMessage(body)).toBe(expected);
  });

  it('derives the wait from the 429 message when there is no Retry-After', () => {
    const failure = { ok: false as const, kind: 'http' as const, status: 429 };
    expect(waitSeconds({ ...failure, body: { message: '1 per 1 second' } })).toBe(1);
    expect(waitSeconds({ ...failure, body: { message: '15 per 1 minute' } })).toBe(60);
    expect(waitSeconds({ ...failure, body: 'Too Many Requests' })).toBe(1);
  });

  it('names the status of a server error and the host of a network error', () => {
    expect(describeFailure({ ok: false, kind: 'http', status: 503, body: null }, 'h')).toEqual({
      code: 'server',
      message: 'errorServer(503)',
    });
    expect(
      describeFailure(
        { ok: false, kind: 'network', mayHaveReached: false, offline: false, timedOut: false },
        'integrate.versature.com',
      ),
    ).toEqual({ code: 'network', message: 'errorUnreachable(integrate.versature.com)' });
    expect(
      describeFailure(
        { ok: false, kind: 'network', mayHaveReached: false, offline: true, timedOut: false },
        'h',
      ).message,
    ).toBe('errorOffline');
  });
});

import { describe, expect, it, onTestFailed } from 'vitest';
import { send } from '../../../src/background/http';
import { fakeFetch, on, unexpectedRequestsError } from './fake-fetch';

const options = (fetch: typeof globalThis.fetch) => ({
  fetch,
  timeoutMs: 1_000,
  isOnline: () => true,
});

describe('the fake fetch fails closed', () => {
  it('answers a request a route expects, and lets the test pass', async () => {
    const net = fakeFetch([on('GET', '/api/user/', { status: 200, body: { id: 1 } })]);
    const outcome = await send(
      { method: 'GET', url: 'https://api.test/api/user/', headers: {} },
      options(net.fetch),
    );
    expect(outcome).toEqual({ ok: true, status: 200, body: { id: 1 } });
    expect(net.unexpected).toEqual([]);
  });

  it('names the method and URL of every request no route matched', () => {
    const net = fakeFetch([]);
    const request = (method: string, url: string) => ({
      method,
      url,
      path: new URL(url).pathname,
      headers: {},
      body: undefined,
    });
    expect(unexpectedRequestsError([])).toBeUndefined();
    expect(
      unexpectedRequestsError([
        request('GET', 'https://api.test/api/user/'),
        request('POST', 'https://api.test/api/calls/'),
      ])?.message,
    ).toBe(
      'fake fetch: 2 unexpected requests, no route matched:\n' +
        '  GET https://api.test/api/user/\n' +
        '  POST https://api.test/api/calls/',
    );
    expect(() => net.verify()).not.toThrow();
  });

  // The code under test swallows the rejection (http.ts reports "network"), and
  // the test body asserts nothing about it: only the fake's own check can fail it.
  const failures: string[] = [];
  it.fails('fails a test whose code made an unexpected request, even when it was swallowed', async ({
    task,
  }) => {
    onTestFailed(() => {
      failures.push(...(task.result?.errors ?? []).map((e) => String(e.message)));
    });
    const net = fakeFetch([on('GET', '/api/user/', { status: 200, body: {} })]);
    const outcome = await send(
      { method: 'POST', url: 'https://api.test/api/calls/', headers: {}, body: '{}' },
      options(net.fetch),
    );
    expect(outcome).toMatchObject({ ok: false, kind: 'network' });
  });

  it('…and the failure it reported was the unexpected request', () => {
    expect(failures).toEqual([
      'fake fetch: 1 unexpected request, no route matched:\n  POST https://api.test/api/calls/',
    ]);
  });
});

/** Shared set-up for the fake API's own tests: a started fake, signed-in tokens, API requests. */
import { afterEach } from 'vitest';
import { demoUser, type FakeApi, type FakeApiOptions, startFakeApi } from '../../fake-api/server';

export const ACCEPT = 'application/vnd.integrate.v1.8.0+json';
export const JSON_TYPE = 'application/json; charset=utf-8';
/** A frozen base time, so only advanceClock moves the fake's clock during a test. */
export const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

const started: FakeApi[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((api) => api.close()));
});

/** Starts a fake on a frozen clock (unless the test passes its own); closed after the test. */
export async function fake(options: FakeApiOptions = {}): Promise<FakeApi> {
  const api = await startFakeApi({ clock: () => T0, ...options });
  started.push(api);
  return api;
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  [key: string]: unknown;
}

export async function postJson(api: FakeApi, path: string, body: unknown, headers = {}) {
  return fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': JSON_TYPE, ...headers },
    body: JSON.stringify(body),
  });
}

export async function postForm(api: FakeApi, path: string, body: Record<string, string>) {
  return fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });
}

export async function signIn(api: FakeApi): Promise<Tokens> {
  const res = await postJson(api, '/api/oauth/token/', {
    grant_type: 'password',
    client_id: demoUser.clientId,
    username: demoUser.username,
    password: demoUser.password,
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Tokens;
}

/** A request as the extension sends it: Bearer + versioned Accept + JSON. */
export async function apiRequest(
  api: FakeApi,
  method: string,
  path: string,
  accessToken: string,
  body?: unknown,
) {
  return fetch(`${api.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${accessToken}`,
      Accept: ACCEPT,
      ...(body === undefined ? {} : { 'Content-Type': JSON_TYPE }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export async function call(api: FakeApi, accessToken: string, to = '16135550100') {
  return apiRequest(api, 'POST', '/api/calls/', accessToken, { to });
}

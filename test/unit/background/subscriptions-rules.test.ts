import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

import messages from '../../../public/_locales/en/messages.json';
import { parseApiTime, parseSubscription } from '../../../src/background/subscriptions/api';
import {
  EXPIRES_IN_SECONDS,
  expiryOf,
  idOfAlarm,
  RETRY_CAP_MS,
  renewalTime,
  retryDelay,
} from '../../../src/background/subscriptions/renew';
import { parseStored, toView } from '../../../src/background/subscriptions/store';
import { payloadGuards } from '../../../src/background/validate';
import {
  checkWebhookUrl,
  hasSecretSegment,
  secretPathSegment,
  type WebhookUrlProblem,
  webhookUrlMessageKey,
  withSecretSegment,
} from '../../../src/shared/webhook-url';

const REMOTE_API = 'https://integrate.versature.com';
const LOCAL_API = 'http://127.0.0.1:8787';
const HOUR = 3_600_000;

describe('webhook destination rules', () => {
  it.each([
    ['https://crm.example.com/hooks/n2p', 'https://crm.example.com/hooks/n2p'],
    ['  https://Example.COM:8443/a?b=1  ', 'https://example.com:8443/a?b=1'],
    ['https://relay.example.org', 'https://relay.example.org/'],
  ])('accepts %s', (raw, url) => {
    expect(checkWebhookUrl(raw, REMOTE_API)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'invalid'],
    ['crm.example.com/hook', 'invalid'],
    ['http://crm.example.com/hook', 'not-https'],
    ['http://127.0.0.1:9000/hook', 'not-https'],
    ['http://localhost/hook', 'not-https'],
    ['ftp://example.com/x', 'not-https'],
    ['javascript:alert(1)', 'not-https'],
    ['https://example.com/hook#secret', 'fragment'],
    ['https://example.com/hook#', 'fragment'],
    [`https://example.com/${'a'.repeat(2000)}`, 'too-long'],
  ] as const)('refuses %s (%s) with a production API', (raw, problem) => {
    expect(checkWebhookUrl(raw, REMOTE_API)).toEqual({ ok: false, problem });
  });

  it('accepts http://127.0.0.1 and http://localhost only when the API itself is local', () => {
    for (const base of [LOCAL_API, 'http://localhost:8787']) {
      expect(checkWebhookUrl('http://127.0.0.1:9000/hook', base)).toEqual({
        ok: true,
        url: 'http://127.0.0.1:9000/hook',
      });
      expect(checkWebhookUrl('http://localhost/hook', base).ok).toBe(true);
      expect(checkWebhookUrl('http://crm.example.com/hook', base)).toEqual({
        ok: false,
        problem: 'not-https-local',
      });
      expect(checkWebhookUrl('http://127.0.0.2/hook', base).ok).toBe(false);
      expect(checkWebhookUrl('https://crm.example.com/hook', base).ok).toBe(true);
    }
  });

  it('has a message for every refusal', () => {
    const keys = Object.keys(messages);
    const problems: WebhookUrlProblem[] = [
      'invalid',
      'not-https',
      'not-https-local',
      'credentials',
      'port-zero',
      'loopback',
      'private',
      'link-local',
      'unspecified',
      'reserved',
      'single-label',
      'fragment',
      'too-long',
    ];
    const used = problems.map(webhookUrlMessageKey);
    for (const key of used) expect(keys).toContain(key);
    expect(new Set(used).size).toBe(problems.length);
  });

  it('makes unguessable secret segments and suggests one when none is there', () => {
    const a = secretPathSegment();
    const b = secretPathSegment();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    expect(hasSecretSegment('https://crm.example.com/hooks/n2p')).toBe(false);
    expect(hasSecretSegment('https://crm.example.com/webhookreceiverendpoint')).toBe(false);
    expect(hasSecretSegment(`https://crm.example.com/hooks/${a}`)).toBe(true);
    expect(hasSecretSegment('https://x.example.com/h?token=Zq4xV9tLw2Rb7Kc1')).toBe(true);
    expect(hasSecretSegment('not a url')).toBe(false);
    expect(withSecretSegment('https://crm.example.com/hooks/?a=1', 'S3cretSegment')).toBe(
      'https://crm.example.com/hooks/S3cretSegment?a=1',
    );
    expect(hasSecretSegment(withSecretSegment('https://crm.example.com/'))).toBe(true);
  });
});

describe('subscription answers, parsed defensively (§9)', () => {
  it('reads zone-less times as UTC, and zoned ones as given', () => {
    expect(parseApiTime('2021-04-29T11:45:11.110000')).toBe(Date.UTC(2021, 3, 29, 11, 45, 11, 110));
    expect(parseApiTime('2016-11-24 15:53:12')).toBe(Date.UTC(2016, 10, 24, 15, 53, 12));
    expect(parseApiTime('2021-04-29T11:45:11Z')).toBe(Date.UTC(2021, 3, 29, 11, 45, 11));
    expect(parseApiTime('2021-04-29T11:45:11+0200')).toBe(Date.UTC(2021, 3, 29, 9, 45, 11));
    expect(parseApiTime('2021-04-29T11:45')).toBe(Date.UTC(2021, 3, 29, 11, 45));
    for (const junk of ['', 'tomorrow', '2021-13-45T99:00:00', 12, null]) {
      expect(parseApiTime(junk)).toBeUndefined();
    }
  });

  it('takes the id as a number or a string, and events in either documented form', () => {
    expect(
      parseSubscription({
        id: 12345,
        post_uri: 'https://mydomain.com/webhooks',
        expires: '2021-04-29T11:45:11.110000',
        events: [{ type: 'cdrs', user: '*' }],
      }),
    ).toEqual({ id: '12345', expires: Date.UTC(2021, 3, 29, 11, 45, 11, 110) });
    expect(
      parseSubscription({
        id: '0123456789012345',
        post_uri: 'https://integrate.versature.com/',
        expires: '2016-03-28T16:15:50.488920',
        events: { type: 'calls' },
      }),
    ).toEqual({ id: '0123456789012345', expires: Date.UTC(2016, 2, 28, 16, 15, 50, 488) });
    expect(parseSubscription({ id: 5754713652854784 })).toEqual({ id: '5754713652854784' });
    for (const junk of [null, 'x', [], {}, { id: '' }, { id: 1.5 }, { id: -1 }, { id: true }]) {
      expect(parseSubscription(junk)).toBeNull();
    }
  });
});

describe('renewal timing', () => {
  const t0 = Date.UTC(2026, 0, 1);

  it('renews 10% of a week before expiry, at least an hour, never in the first half', () => {
    const week = t0 + EXPIRES_IN_SECONDS * 1000;
    expect(renewalTime(t0, week)).toBe(week - 16.8 * HOUR);
    expect(renewalTime(t0, t0 + 2 * HOUR)).toBe(t0 + HOUR);
    expect(renewalTime(t0, t0 + 30 * 60_000)).toBe(t0 + 15 * 60_000);
  });

  it('takes the earlier of what was asked and what net2phone says, unless that is absurd', () => {
    const asked = t0 + EXPIRES_IN_SECONDS * 1000;
    expect(expiryOf(t0, EXPIRES_IN_SECONDS)).toBe(asked);
    expect(expiryOf(t0, EXPIRES_IN_SECONDS, t0 + 2 * HOUR)).toBe(t0 + 2 * HOUR);
    expect(expiryOf(t0, EXPIRES_IN_SECONDS, asked + 5 * HOUR)).toBe(asked);
    // In the past (a zone mix-up): not believed, so renewal cannot loop.
    expect(expiryOf(t0, EXPIRES_IN_SECONDS, t0 - 5 * HOUR)).toBe(asked);
  });

  it('backs off from what net2phone asked, doubling from 30 s, capped at an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelay(1, 60)).toBe(60_000);
    expect(retryDelay(3, 1)).toBe(120_000);
    expect(retryDelay(30)).toBe(RETRY_CAP_MS);
    expect(retryDelay(1, 86_400)).toBe(RETRY_CAP_MS);
  });

  it('names one alarm per subscription', () => {
    expect(idOfAlarm('webhook-renew:5754713652854784')).toBe('5754713652854784');
    expect(idOfAlarm('refresh-token')).toBeNull();
  });
});

describe('stored subscriptions are untrusted', () => {
  const good = {
    id: '42',
    owner: 'demo-client|demo@example.com',
    name: 'CRM',
    postUri: 'https://crm.example.com/h',
    events: { calls: true, cdrs: 'yes', recordings: false },
    scope: 'self',
    user: '101',
    expiresIn: 604800,
    expiresAt: 2,
    renewAt: 1,
    state: 'renewing',
    attempts: 2,
    error: 'wait',
    extra: 'dropped',
  };

  it('keeps a good entry (junk fields dropped) and shows no bookkeeping', () => {
    const parsed = parseStored(good);
    expect(parsed).toEqual({
      ...good,
      events: { calls: true, cdrs: false, recordings: false },
      extra: undefined,
    });
    expect(parsed && toView(parsed)).toEqual({
      id: '42',
      name: 'CRM',
      postUri: 'https://crm.example.com/h',
      events: { calls: true, cdrs: false, recordings: false },
      scope: 'self',
      expiresAt: 2,
      renewAt: 1,
      state: 'renewing',
      error: 'wait',
    });
  });

  it.each([
    ['id', 42],
    ['owner', ''],
    ['scope', 'everyone'],
    ['state', 'paused'],
    ['expiresAt', '2'],
    ['events', null],
  ])('drops an entry with a bad %s', (field, bad) => {
    expect(parseStored({ ...good, [field]: bad })).toBeNull();
  });
});

describe('payload guards for the webhook messages', () => {
  it('cleans a create request and refuses malformed ones', () => {
    expect(
      payloadGuards.createSubscription({
        name: 'CRM',
        url: 'https://x.example.com',
        events: { calls: true, cdrs: 1, recordings: false, other: true },
        scope: 'company',
        extra: 1,
      }),
    ).toEqual({
      name: 'CRM',
      url: 'https://x.example.com',
      events: { calls: true, cdrs: false, recordings: false },
      scope: 'company',
    });
    const base = { name: '', url: 'https://x', events: {}, scope: 'self' };
    expect(payloadGuards.createSubscription(base)).not.toBeNull();
    expect(payloadGuards.createSubscription({ ...base, scope: 'all' })).toBeNull();
    expect(payloadGuards.createSubscription({ ...base, events: undefined })).toBeNull();
    expect(payloadGuards.createSubscription({ ...base, url: 5 })).toBeNull();
    expect(payloadGuards.createSubscription({ ...base, url: 'x'.repeat(2001) })).toBeNull();
  });

  it('reads list and delete payloads', () => {
    expect(payloadGuards.listSubscriptions(undefined)).toEqual({ refresh: false });
    expect(payloadGuards.listSubscriptions({ refresh: true })).toEqual({ refresh: true });
    expect(payloadGuards.listSubscriptions('x')).toBeNull();
    expect(payloadGuards.deleteSubscription({ id: '42' })).toEqual({ id: '42' });
    expect(payloadGuards.deleteSubscription({ id: ' ' })).toBeNull();
    expect(payloadGuards.deleteSubscription({ id: 42 })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { hostKind } from '../../../src/shared/host-kind';
import { checkWebhookUrl, type WebhookUrlProblem } from '../../../src/shared/webhook-url';

/** The release build's API base, and the demo's and the tests' (issue 10, item 4). */
const RELEASE_API = 'https://integrate.versature.com';
const LOCAL_APIS = ['http://127.0.0.1:8787', 'http://localhost:8787'];

const refusal = (raw: string, apiBase = RELEASE_API) => {
  const checked = checkWebhookUrl(raw, apiBase);
  return checked.ok ? `accepted as ${checked.url}` : checked.problem;
};

describe('webhook destinations net2phone could not or should not post to', () => {
  it.each<[string, WebhookUrlProblem]>([
    // A user name or password: never sent on, and `a@b` hides that the host is b.
    ['https://user:pass@crm.example.com/hook', 'credentials'],
    ['https://user@crm.example.com/hook', 'credentials'],
    ['https://:pass@crm.example.com/hook', 'credentials'],
    ['https://crm.example.com@evil.example.net/hook', 'credentials'],
    ['https://user:pass@127.0.0.1/hook', 'credentials'],
    // Port 0.
    ['https://crm.example.com:0/hook', 'port-zero'],
    ['https://crm.example.com:000/hook', 'port-zero'],
    // Loopback, in every spelling the URL parser folds into 127.0.0.1 or ::1.
    ['https://127.0.0.1/hook', 'loopback'],
    ['https://127.1/hook', 'loopback'],
    ['https://0x7f000001/hook', 'loopback'],
    ['https://2130706433/hook', 'loopback'],
    ['https://0177.0.0.1/hook', 'loopback'],
    ['https://127.255.255.254/hook', 'loopback'],
    ['https://127.0.0.1./hook', 'loopback'],
    ['https://[::1]/hook', 'loopback'],
    ['https://[0:0:0:0:0:0:0:1]/hook', 'loopback'],
    ['https://[::ffff:127.0.0.1]/hook', 'loopback'],
    ['https://[::ffff:7f00:1]/hook', 'loopback'],
    ['https://[64:ff9b::127.0.0.1]/hook', 'loopback'],
    ['https://localhost/hook', 'loopback'],
    ['https://LOCALHOST:8443/hook', 'loopback'],
    ['https://localhost./hook', 'loopback'],
    ['https://api.localhost/hook', 'loopback'],
    ['https://a.b.localhost/hook', 'loopback'],
    // Private networks, CGNAT and unique local IPv6.
    ['https://10.0.0.5/hook', 'private'],
    ['https://10.255.255.255/hook', 'private'],
    ['https://172.16.0.1/hook', 'private'],
    ['https://172.31.255.255/hook', 'private'],
    ['https://192.168.1.1/hook', 'private'],
    ['https://100.64.0.1/hook', 'private'],
    ['https://100.127.255.255/hook', 'private'],
    ['https://0xa000005/hook', 'private'],
    ['https://[::ffff:10.0.0.5]/hook', 'private'],
    ['https://[fc00::1]/hook', 'private'],
    ['https://[fd12:3456:789a::1]/hook', 'private'],
    ['https://[fec0::1]/hook', 'private'],
    // Link-local, with the cloud metadata address.
    ['https://169.254.169.254/latest/meta-data/', 'link-local'],
    ['https://169.254.0.1/hook', 'link-local'],
    ['https://[fe80::1]/hook', 'link-local'],
    ['https://[febf::1]/hook', 'link-local'],
    ['https://[::ffff:169.254.169.254]/hook', 'link-local'],
    // This network.
    ['https://0.0.0.0/hook', 'unspecified'],
    ['https://0/hook', 'unspecified'],
    ['https://0.1.2.3/hook', 'unspecified'],
    ['https://[::]/hook', 'unspecified'],
    // Multicast, broadcast and other special-use ranges.
    ['https://224.0.0.1/hook', 'reserved'],
    ['https://239.255.255.250/hook', 'reserved'],
    ['https://255.255.255.255/hook', 'reserved'],
    ['https://240.0.0.1/hook', 'reserved'],
    ['https://198.18.0.1/hook', 'reserved'],
    ['https://192.0.0.8/hook', 'reserved'],
    ['https://[ff02::1]/hook', 'reserved'],
    // Single-label hosts, resolved only by the local network's search domains.
    ['https://intranet/hook', 'single-label'],
    ['https://intranet./hook', 'single-label'],
    ['https://INTRANET:8443/hook', 'single-label'],
    ['https://com/hook', 'single-label'],
  ])('refuses %s (%s) in a release build', (raw, problem) => {
    expect(refusal(raw)).toBe(problem);
  });

  it.each([
    ['https://internal.corp/hook', 'https://internal.corp/hook'],
    ['https://hooks.example.com:8443/n2p', 'https://hooks.example.com:8443/n2p'],
    ['https://example.com./hook', 'https://example.com./hook'],
    ['https://@crm.example.com/hook', 'https://crm.example.com/hook'],
    ['https://crm.example.com/a@b?c=d@e', 'https://crm.example.com/a@b?c=d@e'],
    ['https://localhost.example.com/hook', 'https://localhost.example.com/hook'],
    ['https://8.8.8.8/hook', 'https://8.8.8.8/hook'],
    ['https://11.0.0.1/hook', 'https://11.0.0.1/hook'],
    ['https://126.255.255.255/hook', 'https://126.255.255.255/hook'],
    ['https://128.0.0.1/hook', 'https://128.0.0.1/hook'],
    ['https://172.15.255.255/hook', 'https://172.15.255.255/hook'],
    ['https://172.32.0.1/hook', 'https://172.32.0.1/hook'],
    ['https://192.167.1.1/hook', 'https://192.167.1.1/hook'],
    ['https://100.63.255.255/hook', 'https://100.63.255.255/hook'],
    ['https://100.128.0.1/hook', 'https://100.128.0.1/hook'],
    ['https://169.253.1.1/hook', 'https://169.253.1.1/hook'],
    ['https://223.255.255.255/hook', 'https://223.255.255.255/hook'],
    ['https://[2001:db8::1]/hook', 'https://[2001:db8::1]/hook'],
    ['https://[2606:4700::1111]/hook', 'https://[2606:4700::1111]/hook'],
    ['https://[::ffff:8.8.8.8]/hook', 'https://[::ffff:808:808]/hook'],
    ['https://[fe00::1]/hook', 'https://[fe00::1]/hook'],
    ['https://crm.example.com:1/hook', 'https://crm.example.com:1/hook'],
    ['https://crm.example.com:443/hook', 'https://crm.example.com/hook'],
  ])('accepts %s in a release build', (raw, url) => {
    expect(refusal(raw)).toBe(`accepted as ${url}`);
  });
});

describe('a build whose API is itself local (the demo and the tests)', () => {
  it.each(LOCAL_APIS)('accepts loopback destinations with the API on %s', (base) => {
    for (const raw of [
      'http://127.0.0.1:9000/hook',
      'http://localhost:9000/hook',
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://[::1]/hook',
      'https://api.localhost/hook',
    ]) {
      expect(checkWebhookUrl(raw, base).ok, raw).toBe(true);
    }
  });

  it.each(LOCAL_APIS)('still refuses every other rule with the API on %s', (base) => {
    expect(refusal('https://user:pass@127.0.0.1/hook', base)).toBe('credentials');
    expect(refusal('http://127.0.0.1:0/hook', base)).toBe('port-zero');
    expect(refusal('https://10.0.0.5/hook', base)).toBe('private');
    expect(refusal('https://169.254.169.254/hook', base)).toBe('link-local');
    expect(refusal('https://0.0.0.0/hook', base)).toBe('unspecified');
    expect(refusal('https://intranet/hook', base)).toBe('single-label');
    expect(refusal('http://[::1]/hook', base)).toBe('not-https-local');
    expect(refusal('http://crm.example.com/hook', base)).toBe('not-https-local');
  });

  it('never counts an API base that only looks local', () => {
    for (const base of [
      'https://localhost.example.com',
      'https://127.0.0.1.example.com',
      'https://10.0.0.1',
      'not a url',
    ]) {
      expect(refusal('https://127.0.0.1/hook', base)).toBe('loopback');
    }
  });
});

describe('hostKind', () => {
  it('reads hostnames as the URL parser leaves them', () => {
    expect(hostKind(new URL('https://0177.0.0.1/').hostname)).toBe('loopback');
    expect(hostKind(new URL('https://[::ffff:127.0.0.1]/').hostname)).toBe('loopback');
    expect(hostKind(new URL('https://[::127.0.0.1]/').hostname)).toBe('loopback');
    expect(hostKind('example.com')).toBe('public');
    expect(hostKind('intranet')).toBe('single-label');
  });

  it('does not take near-misses for addresses', () => {
    expect(hostKind('127.0.0.1.nip.io')).toBe('public');
    expect(hostKind('10.0.0.5.example.com')).toBe('public');
    expect(hostKind('[fc00::1::2]')).toBe('reserved');
  });
});

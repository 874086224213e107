import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

import { parseCallerIds, parseDevices, parseUser } from '../../../src/background/account-data';

describe('account data, parsed defensively', () => {
  it('reads the documented device shape and skips junk', () => {
    const body = [
      {
        aor: 'sip:100@yourdomain.com',
        aor_user: '100',
        mac: '1004c84c49ca',
        model: 'Polycom 550',
        registration_time: '2017-05-23T14:59:59+00:00',
      },
      { aor: 'sip:205@yourdomain.com' },
      { model: 'no aor' },
      'junk',
      null,
    ];
    expect(parseDevices(body)).toEqual([
      { aor: 'sip:100@yourdomain.com', user: '100', model: 'Polycom 550' },
      { aor: 'sip:205@yourdomain.com', user: '205' },
    ]);
    expect(parseDevices({ message: 'nope' })).toEqual([]);
  });

  it('accepts caller IDs as strings or objects with e164 / number / phone_number', () => {
    expect(
      parseCallerIds([
        { e164: '+16135550100', description: 'Main line' },
        '+19735550100',
        { number: '+12125550100' },
        { phone_number: '+13125550100', description: '' },
        { e164: '+16135550100' },
        { nothing: true },
      ]),
    ).toEqual([
      { e164: '+16135550100', description: 'Main line' },
      { e164: '+19735550100' },
      { e164: '+12125550100' },
      { e164: '+13125550100' },
    ]);
  });

  it('reads the current user (§6), tolerating missing fields', () => {
    expect(
      parseUser({ user: '100', domain: 'example.com', first_name: 'John', last_name: 'Smith' }),
    ).toEqual({ name: 'John Smith', extension: '100', domain: 'example.com' });
    expect(parseUser({ user: '1234' })).toEqual({ name: '', extension: '1234', domain: '' });
    expect(parseUser({ first_name: 'x' })).toBeNull();
    expect(parseUser('x')).toBeNull();
  });
});

describe('the caller ID sent with calls', () => {
  it('drops a saved choice the account no longer has, once the list is known', async () => {
    const { createAccount } = await import('../../../src/background/account');
    const account = createAccount(
      {
        get: async (path: string) => ({
          ok: true as const,
          status: 200,
          body: path.startsWith('caller_id') ? [{ e164: '+19735550100' }] : [],
        }),
      } as never,
      {
        read: async () => ({ accessToken: 'a' }),
        accessToken: async () => ({ ok: true as const, value: 'a' }),
      } as never,
    );
    // Unknown list: the saved choice goes out as is (never a fetch per call).
    expect(account.callerIdToSend('+16135550101')).toBe('+16135550101');
    await account.view(false);
    expect(account.callerIdToSend('+16135550101')).toBe('');
    expect(account.callerIdToSend('+19735550100')).toBe('+19735550100');
    expect(account.callerIdToSend('')).toBe('');
  });
});

describe('the device sent as from (Ring on)', () => {
  async function accountWith(devices: () => { ok: boolean; body?: unknown }) {
    const { createAccount } = await import('../../../src/background/account');
    const requests: string[] = [];
    const account = createAccount(
      {
        host: 'api.test',
        get: async (path: string) => {
          requests.push(path);
          if (path.startsWith('devices')) {
            const reply = devices();
            return reply.ok
              ? { ok: true as const, status: 200, body: reply.body }
              : { ok: false as const, kind: 'http' as const, status: 503, body: null };
          }
          return { ok: true as const, status: 200, body: [] };
        },
      } as never,
      {
        read: async () => ({ accessToken: 'a' }),
        accessToken: async () => ({ ok: true as const, value: 'a' }),
      } as never,
    );
    return { account, requests };
  }
  const listed = [
    { aor: 'sip:101@demo.example.com', aor_user: '101' },
    { aor: 'sip:101a@demo.example.com', aor_user: '101a' },
  ];

  it('sends the saved device while the account lists it; asks for the list once', async () => {
    const { account, requests } = await accountWith(() => ({ ok: true, body: listed }));
    expect(await account.deviceToSend('sip:101a@demo.example.com')).toBe(
      'sip:101a@demo.example.com',
    );
    expect(await account.deviceToSend('sip:101@demo.example.com')).toBe('sip:101@demo.example.com');
    expect(requests).toEqual(['devices/users/current/']);
    expect(await account.deviceToSend('')).toBe('');
  });

  it('never sends a device the account no longer lists', async () => {
    let body: unknown = listed;
    const { account } = await accountWith(() => ({ ok: true, body }));
    await account.view(false);
    expect(await account.deviceToSend('sip:101a@demo.example.com')).toBe(
      'sip:101a@demo.example.com',
    );
    body = listed.slice(0, 1);
    await account.view(true);
    expect(await account.deviceToSend('sip:101a@demo.example.com')).toBe('');
    expect(await account.deviceToSend('sip:999@demo.example.com')).toBe('');
  });

  it('sends none when the list cannot be read (net2phone rings the default)', async () => {
    const { account } = await accountWith(() => ({ ok: false }));
    expect(await account.deviceToSend('sip:101a@demo.example.com')).toBe('');
  });
});

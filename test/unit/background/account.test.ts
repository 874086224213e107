import { describe, expect, it } from 'vitest';
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

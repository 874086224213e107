/** Sessions and accounts the popup tests start from. */
import type { AccountView, CallRecord, SessionView } from '../../../src/shared/messages';

export const signedOutSession: SessionView = {
  signedIn: false,
  clientId: 'org-client-7',
  clientIdFixed: false,
};

export const adaSession: SessionView = {
  signedIn: true,
  email: 'ada@example.com',
  clientId: 'org-client-7',
  clientIdFixed: false,
  user: { name: 'Ada Lovelace', extension: '100', domain: 'example.com' },
};

export const adaAccount: AccountView = {
  devices: [{ aor: 'sip:100@example.com', user: '100', model: 'Yealink T54W' }],
  callerIds: [{ e164: '+19735550100', description: 'Main line' }],
};

export const noAccount: AccountView = { devices: [], callerIds: [] };

/** Two caller IDs: the popup offers "Call from". */
export const twoCallerIds: AccountView = {
  ...adaAccount,
  callerIds: [
    { e164: '+19735550100', description: 'Main line' },
    { e164: '+16135550199', description: 'Ottawa office' },
  ],
};

const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000;

/** Recent calls, newest first, as the background lists them. */
export function recentCalls(): CallRecord[] {
  return [
    {
      id: 'c1',
      at: minutesAgo(5),
      dial: '19735551212',
      display: '+1 973-555-1212',
      ext: '12',
      source: 'page',
      page: { title: 'Acme CRM', host: 'crm.example.com' },
      outcome: 'placed',
    },
    {
      id: 'c2',
      at: minutesAgo(125),
      dial: '011442070313000',
      display: '+44 20 7031 3000',
      source: 'dial-box',
      outcome: 'unknown',
      error:
        'Status unknown: net2phone may have placed the call; check your phone before calling again.',
      detail: 'net2phone answered 503',
    },
    {
      id: 'c3',
      at: minutesAgo(60 * 30),
      dial: '16135550100',
      display: '+1 613-555-0100',
      source: 'omnibox',
      outcome: 'placed',
    },
    {
      id: 'c4',
      at: minutesAgo(60 * 24 * 3),
      dial: '12125550123',
      display: '+1 212-555-0123',
      source: 'link',
      page: { title: 'Support desk', host: 'help.example.com' },
      outcome: 'failed',
      error: 'net2phone refused the call: this number is blocked for your account.',
    },
  ];
}

/** `count` calls, one a minute apart, newest first (placed unless `failed`). */
export function manyCalls(count: number, failed = false): CallRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    at: minutesAgo(i + 1),
    dial: `1973555${String(1000 + i)}`,
    display: `+1 973-555-${String(1000 + i)}`,
    source: 'selection' as const,
    ...(failed
      ? { outcome: 'failed' as const, error: 'Too many calls. Wait 3 s and try again.' }
      : { outcome: 'placed' as const }),
  }));
}

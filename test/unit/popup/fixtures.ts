/** Sessions and accounts the popup tests start from. */
import type { AccountView, SessionView } from '../../../src/shared/messages';

export const signedOutSession: SessionView = { signedIn: false, clientId: 'org-client-7' };

export const adaSession: SessionView = {
  signedIn: true,
  email: 'ada@example.com',
  clientId: 'org-client-7',
  user: { name: 'Ada Lovelace', extension: '100', domain: 'example.com' },
};

export const adaAccount: AccountView = {
  devices: [{ aor: 'sip:100@example.com', user: '100', model: 'Yealink T54W' }],
  callerIds: [{ e164: '+19735550100', description: 'Main line' }],
};

export const noAccount: AccountView = { devices: [], callerIds: [] };

import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

import { createAccount } from '../../../src/background/account';
import { createApi } from '../../../src/background/api';
import { createAuth } from '../../../src/background/auth';
import { createHandlers, type HandlerDeps } from '../../../src/background/handlers';
import { memoryStore } from '../../../src/background/secret-store';
import { fakeFetch, on } from '../support/fake-fetch';

/**
 * Which Client ID the password grant carries (issue 13, item 2): the organisation's when its
 * policy sets one, whatever the popup sent; otherwise what the user typed (this build sets none).
 */
function background(policyClientId: string | undefined) {
  const net = fakeFetch([
    on('POST', '/api/oauth/token/', () => ({
      status: 200,
      body: { access_token: 'a', expires_in: 3599, refresh_token: 'r' },
    })),
    on('GET', '/api/users/current/', () => ({ status: 200, body: { user: '101' } })),
  ]);
  const api = createApi({ base: 'https://api.test', fetch: net.fetch });
  const auth = createAuth({ api, store: memoryStore(), now: Date.now });
  const handlers = createHandlers({
    api,
    auth,
    account: createAccount(api, auth),
    policyClientId: async () => policyClientId,
  } as HandlerDeps);
  const grants = () => net.to('/api/oauth/token/').map((r) => r.body);
  return { handlers, grants };
}

const page = { id: 'ext', url: 'chrome-extension://ext/src/popup/index.html' };

describe('the Client ID of a sign-in', () => {
  it('is the policy’s: the form is told not to ask, and what it sends is ignored', async () => {
    const { handlers, grants } = background('acme-managed');
    expect(await handlers.getSession({}, page)).toEqual({
      ok: true,
      value: { signedIn: false, clientId: 'acme-managed', clientIdFixed: true },
    });
    await handlers.signIn({ email: 'ann@example.com', password: 'pw', clientId: '' }, page);
    await handlers.signOut({}, page);
    await handlers.signIn({ email: 'ann@example.com', password: 'pw', clientId: 'typed' }, page);
    expect(grants()).toEqual([
      expect.objectContaining({ grant_type: 'password', client_id: 'acme-managed' }),
      expect.objectContaining({ grant_type: 'password', client_id: 'acme-managed' }),
    ]);
  });

  it('is the one typed when neither the policy nor the build sets it', async () => {
    const { handlers, grants } = background(undefined);
    const session = await handlers.getSession({}, page);
    expect(session.ok && session.value.clientIdFixed).toBe(false);
    await handlers.signIn({ email: 'ann@example.com', password: 'pw', clientId: 'typed' }, page);
    expect(grants()).toEqual([expect.objectContaining({ client_id: 'typed' })]);
  });
});

import { config } from '../shared/config';
import type { SessionView } from '../shared/messages';
import { ok } from '../shared/result';
import type { Handlers } from '../shared/router';
import type { createAccount } from './account';
import type { Auth } from './auth';
import type { createCaller } from './calls';

export interface HandlerDeps {
  auth: Auth;
  account: ReturnType<typeof createAccount>;
  caller: ReturnType<typeof createCaller>;
  injectParser: Handlers['loadParser'];
  openSignIn: Handlers['openSignIn'];
}

/** One handler per message of the protocol (src/shared/messages.ts). */
export function createHandlers({
  auth,
  account,
  caller,
  injectParser,
  openSignIn,
}: HandlerDeps): Handlers {
  async function sessionView(): Promise<SessionView> {
    const session = await auth.read();
    if (session) {
      return {
        signedIn: true,
        email: session.email,
        clientId: session.clientId,
        ...(session.user ? { user: session.user } : {}),
      };
    }
    const notice = await auth.notice();
    return {
      signedIn: false,
      clientId: (await auth.lastClientId()) ?? config.clientId,
      ...(notice ? { notice } : {}),
    };
  }

  return {
    getSession: async () => ok(await sessionView()),

    async signIn({ email, password, clientId }) {
      const result = await auth.signIn(email, password, clientId);
      if (!result.ok) return result;
      account.forget();
      // Who is signed in, for display; optional (§6), so a failure changes nothing.
      const user = await account.currentUser();
      if (user) await auth.rememberUser(user);
      return ok(await sessionView());
    },

    async signOut() {
      await auth.signOut();
      account.forget();
      return ok(await sessionView());
    },

    getAccount: ({ refresh }) => account.view(refresh),

    placeCall: ({ number }) => caller.placeCall(number),

    loadParser: (_, sender) => injectParser({}, sender),

    openSignIn: () => openSignIn({}, {}),
  };
}

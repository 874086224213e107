import { browser } from '../shared/browser';
import { config } from '../shared/config';
import { t } from '../shared/i18n';
import {
  type ConnectionReport,
  type ReadNumber,
  type SessionView,
  SHOW_NUMBER,
  type ShowNumber,
} from '../shared/messages';
import { fail, ok } from '../shared/result';
import type { createAccount } from './account';
import type { Api } from './api';
import type { Auth } from './auth';
import type { CallMeta, createCaller } from './calls';
import type { Confirmations } from './confirmations';
import type { createHistory } from './history';
import type { PageList } from './page-list';
import { findPageNumbers, readNumber } from './page-numbers';
import type { Handlers, SenderInfo } from './router';
import type { Subscriptions } from './subscriptions';

export interface HandlerDeps {
  api: Api;
  auth: Auth;
  account: ReturnType<typeof createAccount>;
  caller: ReturnType<typeof createCaller>;
  history: ReturnType<typeof createHistory>;
  /** Webhook subscriptions (issue 6). */
  subscriptions: Subscriptions;
  openSignIn: Handlers['openSignIn'];
  /** Tell the user, by notification, that a page interfered with the call card. */
  notify: (title: string, message: string) => Promise<void>;
  setCount: (tabId: number, frameId: number, count: number) => void;
  /** After a successful sign-in (e.g. guess the default country from the account). */
  afterSignIn?: () => Promise<void>;
  /** Calls waiting in the confirmation window (issue 10). */
  confirmations: Confirmations;
  /** What each tab's frames have marked, for the popup's "On this page" (issue 11). */
  pageList: PageList;
  /** Where a number rings (outside the user's country) and whether it will be confirmed. */
  describe: (e164: string) => Promise<Pick<ReadNumber, 'place' | 'confirm'>>;
  /** The Client ID the organisation's policy sets, if any (read at each use: policies change). */
  policyClientId?: () => Promise<string | undefined>;
}

/** The page a content-script request came from, for Recent calls. */
export function pageOf(sender: SenderInfo): CallMeta['page'] {
  if (sender.tab?.id === undefined || !sender.url) return undefined;
  try {
    const url = new URL(sender.url);
    // Our own pages opened in a tab (the popup as a page) are not where a number came from.
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:') {
      return undefined;
    }
    return { title: sender.tab.title ?? '', host: url.host };
  } catch {
    return undefined;
  }
}

/** One handler per message of the protocol (src/shared/messages.ts). */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { api, auth, account, caller, history } = deps;

  /** The Client ID users do not type: the organisation's, else the build's; undefined when they do. */
  async function fixedClientId(): Promise<string | undefined> {
    return (await deps.policyClientId?.()) || config.clientId || undefined;
  }

  async function sessionView(): Promise<SessionView> {
    const session = await auth.read();
    const fixed = await fixedClientId();
    if (session) {
      return {
        signedIn: true,
        email: session.email,
        clientId: session.clientId,
        clientIdFixed: fixed !== undefined,
        ...(session.user ? { user: session.user } : {}),
      };
    }
    const notice = await auth.notice();
    return {
      signedIn: false,
      clientId: fixed ?? (await auth.lastClientId()) ?? '',
      clientIdFixed: fixed !== undefined,
      ...(notice ? { notice } : {}),
    };
  }

  async function testConnection(): Promise<ConnectionReport> {
    const session = await auth.read();
    if (session) {
      const user = await account.check();
      return user.ok
        ? {
            signedIn: true,
            email: session.email,
            reachable: true,
            message: t('connectionOk', [session.email, api.host]),
          }
        : {
            signedIn: (await auth.read()) !== null,
            email: session.email,
            reachable: user.error.code !== 'network',
            message: user.error.message,
          };
    }
    const reachable = await api.reachable();
    return {
      signedIn: false,
      reachable,
      message: reachable
        ? t('connectionSignedOut', api.host)
        : t('connectionUnreachable', api.host),
    };
  }

  return {
    getSession: async () => ok(await sessionView()),

    async signIn({ email, password, clientId }) {
      const result = await auth.signIn(email, password, (await fixedClientId()) ?? clientId);
      if (!result.ok) return result;
      account.forget();
      // Who is signed in, for display; optional (§6), so a failure changes nothing.
      const user = await account.currentUser();
      if (user) await auth.rememberUser(user);
      await deps.afterSignIn?.();
      return ok(await sessionView());
    },

    async signOut() {
      await auth.signOut();
      account.forget();
      return ok(await sessionView());
    },

    getAccount: ({ refresh }) => account.view(refresh),

    placeCall: ({ number, source }, sender) => {
      const page = pageOf(sender);
      return caller.placeCall(number, { source, ...(page ? { page } : {}) });
    },

    getHistory: async () => ok(await history.list()),

    async clearHistory() {
      await history.clear();
      return ok([]);
    },

    async restoreHistory() {
      if (!(await history.restore())) return fail('expired', t('errorUndoExpired'));
      return ok(await history.list());
    },

    testConnection: async () => ok(await testConnection()),

    listSubscriptions: ({ refresh }) => deps.subscriptions.list(refresh),

    createSubscription: (draft) => deps.subscriptions.create(draft),

    deleteSubscription: ({ id }) => deps.subscriptions.remove(id),

    async reportCount({ count, numbers }, sender) {
      if (sender.tab?.id !== undefined) {
        deps.setCount(sender.tab.id, sender.frameId ?? 0, count);
        deps.pageList.set(sender.tab.id, sender.frameId ?? 0, numbers);
      }
      return ok(null);
    },

    getPageNumbers: async ({ tabId }) => ok(deps.pageList.items(tabId)),

    async showPageNumber({ tabId, frameId, key }) {
      try {
        const message: ShowNumber = { type: SHOW_NUMBER, key };
        const shown = await browser.tabs.sendMessage(tabId, message, { frameId });
        if (shown === true) {
          await browser.tabs.update(tabId, { active: true });
          return ok(null);
        }
      } catch {
        // The tab or frame went away: the same answer as a number that is gone.
      }
      return fail('expired', t('pageNumberGone'));
    },

    findNumbers: (payload, sender) => findPageNumbers(payload, sender.url),

    async readNumber(payload) {
      const number = readNumber(payload);
      if (!number) return ok(null);
      return ok({
        display: number.display,
        ...(number.ext ? { ext: number.ext } : {}),
        ...(await deps.describe(number.e164)),
        ...((await auth.read()) ? {} : { signedOut: true }),
      });
    },

    async cardTampered({ reason }) {
      await deps.notify(
        t('notifyRefusedTitle'),
        t(reason === 'covered' ? 'cardRefusedCovered' : 'cardRefusedChanged'),
      );
      return ok(null);
    },

    openSignIn: () => deps.openSignIn({}, {}),

    getConfirmation: async ({ id }) => deps.confirmations.view(id),

    answerConfirmation: ({ id, call }) => deps.confirmations.answer(id, call),
  };
}

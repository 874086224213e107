/**
 * Background entry (service worker in Chrome, event page in Firefox): wires the
 * parts together and registers every listener synchronously at start-up, as MV3
 * requires for a worker that may be woken by any of these events.
 */
import { type CountryCode, guessCountry, parseDialable } from '../phone';
import { browser } from '../shared/browser';
import { config } from '../shared/config';
import type { ConfirmReason } from '../shared/high-cost';
import { t } from '../shared/i18n';
import {
  loadEffective,
  loadPolicy,
  refreshPolicyCopy,
  updateSettings,
} from '../shared/settings-store';
import { createAccount } from './account';
import { createApi } from './api';
import { createAuth } from './auth';
import { createBadge } from './badge';
import { type CallMeta, createCaller, sessionUnknownCalls } from './calls';
import { createConfirmations } from './confirmations';
import { createContextMenu, menuTarget } from './context-menu';
import { createHandlers } from './handlers';
import { classify, placeOf } from './high-cost';
import { createHistory } from './history';
import { listenForMessages } from './message-listener';
import { notify, notifyCallResult } from './notify';
import { openSignIn } from './open-sign-in';
import { createPageList } from './page-list';
import { scheduleRefresh, TOKEN_ALARM } from './refresh-alarm';
import { createRouter } from './router';
import { indexedDbStore } from './secret-store';
import { wasSeen } from './seen';
import { CALL_COMMAND, onCommand, showSuggestion } from './shortcuts';
import { createSubscriptions } from './subscriptions';
import { browserAlarms, notifyWebhook } from './subscriptions/browser-ports';

/** The settings in effect: the user's, with the organisation's policy over them (issue 13). */
const settings = async () => (await loadEffective(browser.storage)).settings;

const api = createApi({
  base: config.apiBase,
  fetch: (input, init) => fetch(input, init),
  isOnline: () => navigator.onLine,
});
const store = indexedDbStore();
const badge = createBadge();
const auth = createAuth({
  api,
  store,
  now: Date.now,
  onChange: (session) => {
    scheduleRefresh(session);
    badge.setSignedIn(session !== null);
    // Webhook renewal stops on sign-out and resumes on sign-in.
    void webhooks.onSessionChange(session);
  },
});
const webhooks = createSubscriptions({
  api,
  auth,
  store,
  alarms: browserAlarms,
  notify: notifyWebhook,
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});
// Alarms from stored state at every worker start (Firefox forgets them across restarts).
void webhooks.restore();
const account = createAccount(api, auth);
const history = createHistory(store, browser.storage.local);

/** The confirmation window: an extension page of its own, which no web page can reach. */
const confirmations = createConfirmations(
  async (id) => {
    const url = browser.runtime.getURL(`src/confirm/index.html?id=${id}`);
    const created = await browser.windows.create({
      url,
      type: 'popup',
      width: 440,
      height: 460,
      focused: true,
    });
    return created.id;
  },
  (windowId) => void browser.windows.remove(windowId).catch(() => undefined),
);
browser.windows.onRemoved.addListener((windowId) => confirmations.windowClosed(windowId));

/** The high-cost kinds the user's organisation asks to confirm, for a number. */
async function destinationOf(e164: string) {
  const { defaultCountry, confirmHighCost } = await settings();
  const destination = classify(e164, defaultCountry);
  const reasons = destination.categories.filter((category) => confirmHighCost[category]);
  return { destination, reasons, home: defaultCountry };
}

const caller = createCaller({
  api,
  auth,
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  parse: async (input) => {
    // Settings guarantee a two-letter region; the engine refuses unknown ones.
    const country = (await settings()).defaultCountry as CountryCode;
    return parseDialable(input, country) ?? null;
  },
  callerId: async () => account.callerIdToSend((await settings()).callerId),
  ringOn: async () => account.deviceToSend((await settings()).ringOn),
  onAttempt: (record) => void history.add({ id: crypto.randomUUID(), ...record }),
  // Through restarts of this worker: a call of unknown status is asked about again (issue 11).
  unknownCalls: sessionUnknownCalls(browser.storage.session, Date.now),
  async confirm(number, meta, afterUnknown) {
    const { destination, reasons, home } = await destinationOf(number.e164);
    const why: ConfirmReason[] = [...(afterUnknown ? ['afterUnknown' as const] : []), ...reasons];
    if (meta.picked) {
      const { kind, ...where } = meta.picked;
      const country = home as CountryCode;
      const seen = await wasSeen(where, kind, number.dial, (text) => {
        return parseDialable(text, country)?.dial ?? null;
      });
      if (!seen) why.push('unseen');
    }
    if (why.length === 0) return { go: true };
    return confirmations.ask({
      display: number.display,
      ...(number.ext ? { ext: number.ext } : {}),
      place: placeOf(destination),
      reasons: why,
    });
  },
});
// Signed out: the badge says so on every tab, from start-up.
void auth.read().then((session) => badge.setSignedIn(session !== null));

/** Calls started outside our pages (menu, keyboard, address bar) report by notification. */
const placeAndNotify = async (number: string, meta: CallMeta) =>
  notifyCallResult(await caller.placeCall(number, meta));

/** Until the user picks a country, read numbers as their own numbers' country, else locale. */
async function guessDefaultCountry(ownNumbers: string[]) {
  if ((await settings()).countryChosen) return;
  const guess = guessCountry(ownNumbers, [navigator.language, ...navigator.languages]);
  await updateSettings(browser.storage.local, { defaultCountry: guess });
}

const handlers = createHandlers({
  api,
  auth,
  account,
  caller,
  history,
  subscriptions: webhooks,
  openSignIn: () => openSignIn(),
  notify,
  setCount: badge.setCount,
  confirmations,
  pageList: createPageList(),
  async describe(e164) {
    const { destination, reasons, home } = await destinationOf(e164);
    return {
      ...(destination.country !== home ? { place: placeOf(destination) } : {}),
      ...(reasons.length > 0 ? { confirm: true } : {}),
    };
  },
  policyClientId: async () => (await loadPolicy(browser.storage.managed)).clientId,
  afterSignIn: async () => {
    const view = await account.view(false);
    await guessDefaultCountry(view.ok ? view.value.callerIds.map((c) => c.e164) : []);
  },
});

const route = createRouter(handlers, {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  unexpectedError: () => t('errorUnexpected'),
});

listenForMessages(route);

browser.runtime.onInstalled.addListener((details) => {
  void createContextMenu();
  void guessDefaultCountry([]);
  // First run only (not updates): the options page's welcome (issue 11, item 7).
  if (details.reason === 'install') {
    void browser.tabs.create({ url: browser.runtime.getURL('src/options/index.html#welcome') });
  }
});
browser.runtime.onStartup.addListener(() => void createContextMenu());

// The organisation's policy: every page reads its copy at once (settings-store.ts); here the copy
// follows the live policy, at each start of this worker and whenever an administrator changes it.
void refreshPolicyCopy(browser.storage);
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') void refreshPolicyCopy(browser.storage);
});

browser.contextMenus.onClicked.addListener(async (info, tab) => {
  const target = menuTarget(info);
  if (!target) return;
  const page = info.pageUrl
    ? { title: tab?.title ?? '', host: new URL(info.pageUrl).host }
    : undefined;
  // What was picked on a page is checked there; without a tab to ask, it counts as unseen.
  const picked = {
    tabId: tab?.id ?? -1,
    frameId: info.frameId ?? 0,
    kind: target.source === 'link' ? ('link' as const) : ('selection' as const),
  };
  await placeAndNotify(target.number, {
    source: target.source,
    ...(page ? { page } : {}),
    picked,
  });
});

browser.commands.onCommand.addListener((command, tab) => {
  if (command === CALL_COMMAND) void onCommand(command, tab, placeAndNotify);
});

browser.omnibox.onInputChanged.addListener((text) => {
  void showSuggestion(text, async () => (await settings()).defaultCountry as CountryCode);
});
browser.omnibox.onInputEntered.addListener((text) => {
  void placeAndNotify(text, { source: 'omnibox' });
});

browser.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name !== TOKEN_ALARM) return;
  await auth.refreshIfDue();
  scheduleRefresh(await auth.read());
});
// `webhook-renew:<id>`: renew that subscription (others are ignored).
browser.alarms.onAlarm.addListener((alarm) => webhooks.onAlarm(alarm.name));

/**
 * Background entry (service worker in Chrome, event page in Firefox): wires the
 * parts together and registers every listener synchronously at start-up, as MV3
 * requires for a worker that may be woken by any of these events.
 */
import { type CountryCode, parseDialable } from '../phone';
import { browser, type Runtime } from '../shared/browser';
import { config } from '../shared/config';
import { t } from '../shared/i18n';
import { createRouter } from '../shared/router';
import { loadSettings } from '../shared/settings-store';
import { createAccount } from './account';
import { createApi } from './api';
import { createAuth } from './auth';
import { createCaller } from './calls';
import { createContextMenu, menuTarget } from './context-menu';
import { createHandlers } from './handlers';
import { notifyCallResult } from './notify';
import { injectParser, openSignIn } from './page-parser';
import { scheduleRefresh, TOKEN_ALARM } from './refresh-alarm';
import { indexedDbStore } from './secret-store';

const api = createApi({
  base: config.apiBase,
  fetch: (input, init) => fetch(input, init),
  isOnline: () => navigator.onLine,
});
const auth = createAuth({ api, store: indexedDbStore(), now: Date.now, onChange: scheduleRefresh });
const account = createAccount(api, auth);
const caller = createCaller({
  api,
  auth,
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  parse: async (input) => {
    const { defaultCountry } = await loadSettings(browser.storage.local);
    // Settings guarantee a two-letter region; the engine refuses unknown ones.
    return parseDialable(input, defaultCountry as CountryCode) ?? null;
  },
});

const handlers = createHandlers({
  auth,
  account,
  caller,
  injectParser: (_, sender) => injectParser(sender),
  openSignIn: () => openSignIn(),
});
const route = createRouter(handlers, {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  unexpectedError: () => t('errorUnexpected'),
});

browser.runtime.onMessage.addListener(
  (message: unknown, sender: Runtime.MessageSender): Promise<unknown> => route(message, sender),
);

browser.runtime.onInstalled.addListener(() => void createContextMenu());
browser.runtime.onStartup.addListener(() => void createContextMenu());

browser.contextMenus.onClicked.addListener(async (info) => {
  const target = menuTarget(info);
  if (target) await notifyCallResult(await caller.placeCall(target.number));
});

browser.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name !== TOKEN_ALARM) return;
  await auth.refreshIfDue();
  scheduleRefresh(await auth.read());
});

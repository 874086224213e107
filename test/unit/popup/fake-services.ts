/** The popup's services over in-memory fakes: the real settings code on a fake storage area. */
import {
  activeTabHost,
  activeWebTabId,
  type PopupServices,
  storageSettings,
} from '../../../src/popup/services';
import { SETTINGS_KEY, type Settings } from '../../../src/shared/settings';
import { fakeStorage, fakeTabs } from '../support/fake-i18n';

export interface FakeServicesOptions {
  /** What `storage.local` holds under `settings` (any shape: it is validated on load). */
  stored?: unknown;
  /** The active tab's URL; undefined: no URL granted (e.g. a browser page). */
  url?: string;
  /** The active tab's id (its numbers are listed "On this page"); undefined: none listed. */
  tabId?: number;
  /** What `storage.managed` holds: the organisation's policy (none by default). */
  managed?: Record<string, unknown>;
}

export function fakeServices({ stored, url, tabId, managed }: FakeServicesOptions = {}) {
  /** How many times the popup asked for the options page. */
  const optionsOpened = { count: 0 };
  const storage = fakeStorage(stored === undefined ? {} : { [SETTINGS_KEY]: stored });
  const tabs = fakeTabs(url);
  const services: PopupServices = {
    settings: storageSettings({
      ...storage,
      ...(managed ? { managed: { get: async () => structuredClone(managed) } } : {}),
    }),
    activeHost: activeTabHost(tabs),
    activeTabId:
      tabId === undefined
        ? async () => null
        : activeWebTabId({
            query: async () => [{ id: tabId, ...(url ? { url } : {}) }],
          }),
    openOptions: async () => {
      optionsOpened.count += 1;
    },
  };
  return {
    services,
    optionsOpened,
    storage,
    tabs,
    /** The settings as stored now. */
    stored: () => storage.peek(SETTINGS_KEY) as Settings | undefined,
  };
}

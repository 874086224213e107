import type { SettingsService } from '../shared/settings-store';

export { type SettingsService, storageSettings } from '../shared/settings-store';

/** What the popup needs from the browser besides the background (fakes in tests). */
export interface PopupServices {
  settings: SettingsService;
  /** The active tab's hostname when it is a web page, else null. */
  activeHost(): Promise<string | null>;
  /** The active tab's id when it is a web page (its numbers: "On this page"), else null. */
  activeTabId(): Promise<number | null>;
  /** Opens the extension's options page (`runtime.openOptionsPage`). */
  openOptions(): Promise<void>;
}

/** The hostname of a page the content script runs on (http, https), else null. */
export function webHostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const web = parsed.protocol === 'http:' || parsed.protocol === 'https:';
    return web && parsed.hostname ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/** The slice of `browser.tabs` needed to find the active tab. */
export interface TabsLike {
  query(query: {
    active: boolean;
    lastFocusedWindow: boolean;
  }): Promise<Array<{ id?: number; url?: string }>>;
}

/** The active tab's hostname; its `url` is granted by `activeTab` when the popup opens. */
export function activeTabHost(tabs: TabsLike): () => Promise<string | null> {
  return async () => {
    try {
      // The window the user was in: for the toolbar popup that is its own browser window.
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      return webHostOf(tab?.url);
    } catch {
      return null;
    }
  };
}

/** The active tab's id, when it shows a web page. */
export function activeWebTabId(tabs: TabsLike): () => Promise<number | null> {
  return async () => {
    try {
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id !== undefined && webHostOf(tab.url) ? tab.id : null;
    } catch {
      return null;
    }
  };
}

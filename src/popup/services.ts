import { SETTINGS_KEY, type Settings, validateSettings } from '../shared/settings';
import { loadSettings, type SettingsArea, updateSettings } from '../shared/settings-store';

/** Settings as the popup uses them: read, change (validated), and hear about changes. */
export interface SettingsService {
  load(): Promise<Settings>;
  /** Merge `change` into the stored settings; resolves to what was stored. */
  update(change: Partial<Settings>): Promise<Settings>;
  /** Calls `listener` whenever the stored settings change (from any page); returns "stop". */
  subscribe(listener: (settings: Settings) => void): () => void;
}

/** What the popup needs from the browser besides the background (fakes in tests). */
export interface PopupServices {
  settings: SettingsService;
  /** The active tab's hostname when it is a web page, else null. */
  activeHost(): Promise<string | null>;
}

type ChangeListener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => void;

/** The slice of `browser.storage` the settings service needs. */
export interface StorageLike {
  local: SettingsArea;
  onChanged: {
    addListener(listener: ChangeListener): void;
    removeListener(listener: ChangeListener): void;
  };
}

/** Settings in `storage.local`; content scripts hear the same changes and apply them at once. */
export function storageSettings({ local, onChanged }: StorageLike): SettingsService {
  // Each update reads, merges and writes: one at a time, so quick changes cannot undo each other.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    load: () => loadSettings(local),
    update(change) {
      const next = queue.then(() => updateSettings(local, change));
      queue = next.catch(() => undefined);
      return next;
    },
    subscribe(listener) {
      const onChange: ChangeListener = (changes, areaName) => {
        const change = changes[SETTINGS_KEY];
        if (areaName === 'local' && change) listener(validateSettings(change.newValue));
      };
      onChanged.addListener(onChange);
      return () => onChanged.removeListener(onChange);
    },
  };
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
  query(query: { active: boolean; currentWindow: boolean }): Promise<Array<{ url?: string }>>;
}

/** The active tab's hostname; its `url` is granted by `activeTab` when the popup opens. */
export function activeTabHost(tabs: TabsLike): () => Promise<string | null> {
  return async () => {
    try {
      const [tab] = await tabs.query({ active: true, currentWindow: true });
      return webHostOf(tab?.url);
    } catch {
      return null;
    }
  };
}

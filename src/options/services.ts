// The same seam as the popup's (src/popup/services.ts): contexts do not import each other.
import { SETTINGS_KEY, type Settings, validateSettings } from '../shared/settings';
import { loadSettings, type SettingsArea, updateSettings } from '../shared/settings-store';

/** Settings as the options page uses them: read, change (validated), and hear about changes. */
export interface SettingsService {
  load(): Promise<Settings>;
  /** Merge `change` into the stored settings; resolves to what was stored. */
  update(change: Partial<Settings>): Promise<Settings>;
  /** Calls `listener` whenever the stored settings change (from any page); returns "stop". */
  subscribe(listener: (settings: Settings) => void): () => void;
}

/** What the options page needs from the browser besides the background (fakes in tests). */
export interface OptionsServices {
  settings: SettingsService;
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

import { SETTINGS_KEY, type Settings, validateSettings } from './settings';

/** The slice of `storage.local` that settings need (a seam for tests). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Load settings, repairing whatever is stored (never throws on bad data). */
export async function loadSettings(area: SettingsArea): Promise<Settings> {
  const stored = await area.get(SETTINGS_KEY);
  return validateSettings(stored[SETTINGS_KEY]);
}

/** Merge a change into the stored settings, validated, and return the result. */
export async function updateSettings(
  area: SettingsArea,
  change: Partial<Settings>,
): Promise<Settings> {
  const next = validateSettings({ ...(await loadSettings(area)), ...change });
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Settings as our pages use them: read, change (validated), and hear about changes. */
export interface SettingsService {
  load(): Promise<Settings>;
  /** Merge `change` into the stored settings; resolves to what was stored. */
  update(change: Partial<Settings>): Promise<Settings>;
  /** Calls `listener` whenever the stored settings change (from any page); returns "stop". */
  subscribe(listener: (settings: Settings) => void): () => void;
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

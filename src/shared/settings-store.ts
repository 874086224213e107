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

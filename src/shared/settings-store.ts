import {
  allowedChange,
  applyPolicy,
  NO_POLICY,
  noteOverrides,
  OVERRIDES_KEY,
  type Policy,
  readPolicy,
  validateOverrides,
} from './managed';
import { SETTINGS_KEY, type Settings, validateSettings } from './settings';

/** The slice of `storage.local` that settings need (a seam for tests). */
export interface SettingsArea {
  /** One key, or several read at once (one round trip to the browser). */
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The slice of `storage.managed` (the organisation's policy) that settings need. */
export interface ManagedArea {
  get(): Promise<Record<string, unknown>>;
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

/**
 * The organisation's policy; none when there is no managed area or it cannot be read (Firefox
 * rejects when no policy names the extension, which is the usual case).
 */
export async function loadPolicy(managed: ManagedArea | undefined): Promise<Policy> {
  if (!managed) return NO_POLICY;
  try {
    return readPolicy(await managed.get());
  } catch {
    return NO_POLICY;
  }
}

/** The settings in effect and the organisation's policy behind them. */
export interface SettingsState {
  settings: Settings;
  policy: Policy;
}

/** Where settings come from: the user's in `storage.local`, the organisation's in `storage.managed`. */
export interface SettingsSources {
  local: SettingsArea;
  managed?: ManagedArea | undefined;
}

/**
 * A copy of the organisation's raw policy in `storage.local`, kept by the background
 * (`refreshPolicyCopy`). Chromium answers the first `storage.managed.get()` after the browser
 * starts only after 2-3 s: a page read then was marked that much later (and a call waited as
 * long). The copy answers at once; the background puts the live policy in its place as soon as
 * the browser gives it.
 */
export const POLICY_COPY_KEY = 'policyCopy';

/** The organisation's raw policy as the browser gives it; `{}` when there is none or no area. */
async function readManaged(managed: ManagedArea | undefined): Promise<Record<string, unknown>> {
  if (!managed) return {};
  try {
    return await managed.get();
  } catch {
    return {};
  }
}

/**
 * Reads the live policy and keeps its copy up to date (only written when it changed, so each
 * change reaches every page once, through `storage.onChanged`).
 */
export async function refreshPolicyCopy({ local, managed }: SettingsSources): Promise<void> {
  const [live, stored] = await Promise.all([readManaged(managed), local.get(POLICY_COPY_KEY)]);
  if (JSON.stringify(stored[POLICY_COPY_KEY]) !== JSON.stringify(live)) {
    await local.set({ [POLICY_COPY_KEY]: live });
  }
}

/**
 * The settings in effect: the user's, with the organisation's values over them. The policy is
 * the copy (`POLICY_COPY_KEY`) when there is one, else the live one.
 */
export async function loadEffective({ local, managed }: SettingsSources): Promise<SettingsState> {
  // One read: every frame of every tab does this before its first scan.
  const stored = await local.get([SETTINGS_KEY, OVERRIDES_KEY, POLICY_COPY_KEY]);
  const user = validateSettings(stored[SETTINGS_KEY]);
  const overrides = validateOverrides(stored[OVERRIDES_KEY]);
  const copy = stored[POLICY_COPY_KEY];
  const policy = copy === undefined ? await loadPolicy(managed) : readPolicy(copy);
  return { settings: applyPolicy(user, policy, overrides), policy };
}

/**
 * A change the user made: locked settings are left out; a managed value the user replaced is
 * noted, so their choice holds until the organisation sets another value.
 */
export async function updateEffective(
  sources: SettingsSources,
  change: Partial<Settings>,
): Promise<SettingsState> {
  const { local } = sources;
  const policy = await loadPolicy(sources.managed);
  const allowed = allowedChange(change, policy);
  const stored = validateOverrides((await local.get(OVERRIDES_KEY))[OVERRIDES_KEY]);
  const overrides = noteOverrides(stored, allowed, policy);
  const user = validateSettings({ ...(await loadSettings(local)), ...allowed });
  // One write: pages and content scripts hear of both together.
  await local.set({ [SETTINGS_KEY]: user, [OVERRIDES_KEY]: overrides });
  return { settings: applyPolicy(user, policy, overrides), policy };
}

/** Settings as our pages use them: read, change (validated), and hear about changes. */
export interface SettingsService {
  load(): Promise<SettingsState>;
  /** Merge `change` into the user's settings; resolves to what is then in effect. */
  update(change: Partial<Settings>): Promise<SettingsState>;
  /**
   * Calls `listener` whenever the user's settings or the organisation's policy change (from any
   * page, or an administrator); returns "stop".
   */
  subscribe(listener: (state: SettingsState) => void): () => void;
}

type ChangeListener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => void;

/** The slice of `browser.storage` the settings service needs. */
export interface StorageLike {
  local: SettingsArea;
  /** Absent where the browser has no managed storage. */
  managed?: ManagedArea;
  onChanged: {
    addListener(listener: ChangeListener): void;
    removeListener(listener: ChangeListener): void;
  };
}

/** True when a `storage.onChanged` event may change the settings in effect. */
export function affectsSettings(changes: Record<string, unknown>, areaName: string): boolean {
  if (areaName === 'managed') return true;
  return (
    areaName === 'local' &&
    (SETTINGS_KEY in changes || OVERRIDES_KEY in changes || POLICY_COPY_KEY in changes)
  );
}

/** Settings in `storage.local` under the policy in `storage.managed`; content scripts hear the same changes. */
export function storageSettings({ local, managed, onChanged }: StorageLike): SettingsService {
  const sources = { local, managed };
  // Each update reads, merges and writes: one at a time, so quick changes cannot undo each other.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    load: () => loadEffective(sources),
    update(change) {
      const next = queue.then(() => updateEffective(sources, change));
      queue = next.catch(() => undefined);
      return next;
    },
    subscribe(listener) {
      // Answers may arrive out of order: only the latest read is passed on.
      let latest = 0;
      const onChange: ChangeListener = (changes, areaName) => {
        if (!affectsSettings(changes, areaName)) return;
        const read = ++latest;
        void loadEffective(sources).then(
          (state) => read === latest && listener(state),
          () => undefined,
        );
      };
      onChanged.addListener(onChange);
      return () => onChanged.removeListener(onChange);
    },
  };
}

/**
 * Organisation policies (issue 13). An administrator sets them through Chrome's policy for
 * extensions (schema: public/managed-schema.json) or Firefox's `3rdparty` policy; the extension
 * reads them from `storage.managed`. Every value goes through the same validation as the user's
 * own settings (validateSettings): a bad one is ignored with a console warning, never thrown.
 */
import { defaults, type Settings, validateSettings } from './settings';

/**
 * THE place a policy key that presets a setting is declared: policy key → the setting it sets,
 * plus settings that follow from it. To manage another setting, add a line here and a property
 * in public/managed-schema.json (test/unit/shared/managed.test.ts checks that they agree).
 */
export const SETTING_POLICIES = {
  defaultCountry: { setting: 'defaultCountry', implies: { countryChosen: true } },
  blockedSites: { setting: 'disabledSites' },
  onlySites: { setting: 'onlySites' },
  telLinks: { setting: 'handleTelLinks' },
  codeBlocks: { setting: 'markInCode' },
  confirmHighCost: { setting: 'confirmHighCost' },
} as const satisfies Record<string, { setting: keyof Settings; implies?: Partial<Settings> }>;

export type SettingPolicyKey = keyof typeof SETTING_POLICIES;

/** The policy keys that are not settings (validated below, in `readPolicy`). */
export const OTHER_POLICIES = ['clientId', 'webhooks', 'locked'] as const;

export type WebhooksPolicy = 'allowed' | 'hidden';

/** What the organisation decided, validated. */
export interface Policy {
  /** Settings the organisation sets, by setting name (implied ones included). */
  settings: Partial<Settings>;
  /** Settings users may not change (the `locked` policy, by setting name). */
  locked: ReadonlyArray<keyof Settings>;
  /** The API Client ID to sign in with, when the organisation sets it. */
  clientId?: string;
  /** `hidden`: the options page has no Webhooks section. */
  webhooks: WebhooksPolicy;
  /** Some policy applies: the popup and options say "Managed by your organisation". */
  managed: boolean;
}

export const NO_POLICY: Policy = { settings: {}, locked: [], webhooks: 'allowed', managed: false };

type Warn = (message: string) => void;

const warnByDefault: Warn = (message) => console.warn(`net2phone policy: ${message}`);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `value` for the setting `key` as the settings' validation leaves it; undefined when refused.
 * That validation puts the default in place of a bad value, so a default coming out of a value
 * that was not the default is a refusal.
 */
export function validSetting<K extends keyof Settings>(
  key: K,
  value: unknown,
): Settings[K] | undefined {
  const checked = validateSettings({ ...defaults, [key]: value })[key];
  if (same(checked, defaults[key]) && !same(value, defaults[key])) return undefined;
  return checked;
}

const CLIENT_ID = /^[\x21-\x7e]{1,200}$/;

/** The organisation's policy from what `storage.managed` holds; bad entries are warned about and skipped. */
export function readPolicy(raw: unknown, warn: Warn = warnByDefault): Policy {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return NO_POLICY;
  const input = raw as Record<string, unknown>;
  const settings: Partial<Settings> = {};
  const setters = new Map<string, Array<keyof Settings>>();
  let managed = false;

  for (const [name, value] of Object.entries(input)) {
    if ((OTHER_POLICIES as readonly string[]).includes(name)) continue;
    const policy = SETTING_POLICIES[name as SettingPolicyKey] as
      | { setting: keyof Settings; implies?: Partial<Settings> }
      | undefined;
    if (!policy) {
      warn(`unknown key "${name}" ignored`);
      continue;
    }
    const checked = validSetting(policy.setting, value);
    if (checked === undefined) {
      warn(`"${name}" ignored: ${JSON.stringify(value)} is not a valid value`);
      continue;
    }
    if (Array.isArray(value) && Array.isArray(checked) && checked.length < value.length) {
      warn(`"${name}": ${value.length - checked.length} entries ignored (not valid sites)`);
    }
    Object.assign(settings, { [policy.setting]: checked }, policy.implies);
    setters.set(name, [
      policy.setting,
      ...(Object.keys(policy.implies ?? {}) as (keyof Settings)[]),
    ]);
    managed = true;
  }

  let clientId: string | undefined;
  if (input.clientId !== undefined) {
    const value = typeof input.clientId === 'string' ? input.clientId.trim() : input.clientId;
    if (typeof value === 'string' && CLIENT_ID.test(value)) clientId = value;
    else warn(`"clientId" ignored: ${JSON.stringify(input.clientId)} is not a Client ID`);
  }

  let webhooks: WebhooksPolicy = 'allowed';
  if (input.webhooks !== undefined) {
    if (input.webhooks === 'hidden' || input.webhooks === 'allowed') webhooks = input.webhooks;
    else warn(`"webhooks" ignored: ${JSON.stringify(input.webhooks)} is not "hidden" or "allowed"`);
  }

  const locked: Array<keyof Settings> = [];
  if (input.locked !== undefined) {
    if (!Array.isArray(input.locked)) warn('"locked" ignored: it is not a list of keys');
    for (const name of Array.isArray(input.locked) ? input.locked : []) {
      const keys = typeof name === 'string' ? setters.get(name) : undefined;
      if (keys) locked.push(...keys);
      else warn(`"locked": ${JSON.stringify(name)} ignored (no valid managed value of that name)`);
    }
  }

  return {
    settings,
    locked,
    ...(clientId ? { clientId } : {}),
    webhooks,
    managed: managed || clientId !== undefined || input.webhooks === 'hidden',
  };
}

/**
 * Settings the user changed away from the organisation's value: setting → that value (JSON), so
 * the user's own choice holds until the organisation sets a different value.
 */
export type Overrides = Partial<Record<keyof Settings, string>>;

export const OVERRIDES_KEY = 'managedOverrides';

/** Stored overrides, checked (untrusted like every stored value). */
export function validateOverrides(raw: unknown): Overrides {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  return Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => key in defaults && typeof value === 'string'),
  );
}

/**
 * The settings in effect: the organisation's value wins over the user's, except where the user
 * changed an unlocked one after the organisation set that very value.
 */
export function applyPolicy(user: Settings, policy: Policy, overrides: Overrides = {}): Settings {
  const result = { ...user };
  for (const [key, value] of Object.entries(policy.settings) as [keyof Settings, unknown][]) {
    const kept = !policy.locked.includes(key) && overrides[key] === JSON.stringify(value);
    if (!kept) Object.assign(result, { [key]: value });
  }
  return result;
}

/** `change` without the settings the user may not change. */
export function allowedChange(change: Partial<Settings>, policy: Policy): Partial<Settings> {
  return Object.fromEntries(
    Object.entries(change).filter(([key]) => !policy.locked.includes(key as keyof Settings)),
  ) as Partial<Settings>;
}

/** The overrides after the user changed `change`: each managed value they replaced is noted. */
export function noteOverrides(overrides: Overrides, change: Partial<Settings>, policy: Policy) {
  const next = { ...overrides };
  for (const key of Object.keys(change) as (keyof Settings)[]) {
    if (key in policy.settings) next[key] = JSON.stringify(policy.settings[key]);
  }
  return next;
}

/**
 * User settings, kept in `storage.local` (readable by content scripts: nothing
 * secret here). The defaults object is the type; stored data is untrusted and
 * repaired on every load, and older versions are migrated.
 */
import { type ConfirmSettings, confirmDefaults, validateConfirmSettings } from './high-cost';

export const SETTINGS_VERSION = 2;

export const defaults = {
  version: SETTINGS_VERSION,
  /** ISO 3166 region used to read national-format numbers, e.g. `US`. */
  defaultCountry: 'US',
  /**
   * False while `defaultCountry` is our guess (the account's numbers, else the
   * browser's locale, else US); true once the user picked it in the options.
   */
  countryChosen: false,
  /** Clicking a `tel:`/`callto:` link calls through net2phone. */
  handleTelLinks: true,
  /** Mark numbers inside `code`/`pre` blocks. */
  markInCode: false,
  /** Hostnames where detection is off, e.g. `mail.example.com`. */
  disabledSites: [] as string[],
  /** Caller-ID number sent with calls (E.164); empty: net2phone's default for the user. */
  callerId: '',
  /** Which high-cost categories open the confirmation window first (src/shared/high-cost.ts). */
  confirmHighCost: confirmDefaults() as ConfirmSettings,
  /** When not empty, detection runs only on these hostnames (and their subdomains). */
  onlySites: [] as string[],
  /** The device that rings first (its SIP AOR, sent as `from`); empty: net2phone's default. */
  ringOn: '',
};

export type Settings = typeof defaults;

export const SETTINGS_KEY = 'settings';

const isRegion = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Z]{2}$/.test(value);

const isE164 = (value: unknown): value is string =>
  typeof value === 'string' && /^\+[1-9]\d{6,14}$/.test(value);

/** A SIP address of record as the devices list gives it, e.g. `sip:101@example.com`. */
const isAor = (value: unknown): value is string =>
  typeof value === 'string' && /^(?:sips?:)?[^\s@:]+@[^\s@]+$/.test(value) && value.length <= 256;

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/;

/** Normalise what a user types as a site (`https://Mail.Example.com/x` → `mail.example.com`). */
export function normaliseSite(input: string): string | null {
  let host = input.trim().toLowerCase();
  if (host === '') return null;
  try {
    if (host.includes('://')) host = new URL(host).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  return HOSTNAME.test(host) ? host : null;
}

/** Bring an older stored shape up to the current one (fields are validated after). */
function migrate(input: Record<string, unknown>): Record<string, unknown> {
  const version = typeof input.version === 'number' ? input.version : 1;
  if (version < 2) {
    // v1 had no notion of a guessed country: anything but the old default was the user's choice.
    return {
      ...input,
      countryChosen: isRegion(input.defaultCountry) && input.defaultCountry !== 'US',
    };
  }
  return input;
}

/** Every field checked, bad or missing values replaced by defaults, unknown fields dropped. */
export function validateSettings(raw: unknown): Settings {
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const input = migrate(isObject ? (raw as Record<string, unknown>) : {});
  const bool = (key: 'countryChosen' | 'handleTelLinks' | 'markInCode') =>
    typeof input[key] === 'boolean' ? (input[key] as boolean) : defaults[key];
  const countryOk = isRegion(input.defaultCountry);
  return {
    version: SETTINGS_VERSION,
    defaultCountry: countryOk ? (input.defaultCountry as string) : defaults.defaultCountry,
    countryChosen: countryOk && bool('countryChosen'),
    handleTelLinks: bool('handleTelLinks'),
    markInCode: bool('markInCode'),
    disabledSites: siteList(input.disabledSites),
    callerId: isE164(input.callerId) ? input.callerId : '',
    confirmHighCost: validateConfirmSettings(input.confirmHighCost),
    onlySites: siteList(input.onlySites),
    ringOn: isAor(input.ringOn) ? input.ringOn : '',
  };
}

/** A list of sites, each normalised, without bad entries or repeats. */
function siteList(value: unknown): string[] {
  const sites = Array.isArray(value) ? value : [];
  return [
    ...new Set(
      sites
        .map((site) => (typeof site === 'string' ? normaliseSite(site) : null))
        .filter((site): site is string => site !== null),
    ),
  ];
}

/** True when `host` is one of `sites` or a subdomain of one. */
export function isListed(sites: readonly string[], hostname: string): boolean {
  const host = hostname.toLowerCase();
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}

/**
 * True when detection is off for `hostname`: it (or a parent domain) is listed as off, or
 * detection is limited to `onlySites` and it is not among them.
 */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  if (isListed(settings.disabledSites, hostname)) return true;
  return settings.onlySites.length > 0 && !isListed(settings.onlySites, hostname);
}

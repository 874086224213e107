/**
 * User settings, kept in `storage.local` (readable by content scripts: nothing
 * secret here). The defaults object is the type; stored data is untrusted and
 * repaired on every load.
 */
export const SETTINGS_VERSION = 1;

export const defaults = {
  version: SETTINGS_VERSION,
  /** ISO 3166 region used to read national-format numbers, e.g. `US`. */
  defaultCountry: 'US',
  /** Clicking a `tel:`/`callto:` link calls through net2phone. */
  handleTelLinks: true,
  /** Mark numbers inside `code`/`pre` blocks. */
  markInCode: false,
  /** Hostnames where detection is off, e.g. `mail.example.com`. */
  disabledSites: [] as string[],
};

export type Settings = typeof defaults;

export const SETTINGS_KEY = 'settings';

const isRegion = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Z]{2}$/.test(value);

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

/** Every field checked, bad or missing values replaced by defaults, unknown fields dropped. */
export function validateSettings(raw: unknown): Settings {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const sites = Array.isArray(input.disabledSites) ? input.disabledSites : [];
  const disabledSites = [
    ...new Set(
      sites
        .map((site) => (typeof site === 'string' ? normaliseSite(site) : null))
        .filter((site): site is string => site !== null),
    ),
  ];
  return {
    version: SETTINGS_VERSION,
    defaultCountry: isRegion(input.defaultCountry) ? input.defaultCountry : defaults.defaultCountry,
    handleTelLinks:
      typeof input.handleTelLinks === 'boolean' ? input.handleTelLinks : defaults.handleTelLinks,
    markInCode: typeof input.markInCode === 'boolean' ? input.markInCode : defaults.markInCode,
    disabledSites,
  };
}

/** True when detection is off for `hostname` or any parent domain listed. */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}

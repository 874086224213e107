/**
 * An in-memory stand-in for `browser.i18n`, reading `public/_locales/<locale>/messages.json` and
 * substituting placeholders the way Chrome and Firefox do. Use it to replace the browser seam:
 *
 *   vi.mock('../../../src/shared/browser', async () =>
 *     (await import('../support/fake-i18n')).i18nOnlyBrowser());
 *
 * or, for another language (its messages.json must exist; missing keys fall back to English,
 * as the browsers fall back to `default_locale`):
 *
 *   vi.mock('../../../src/shared/browser', async () =>
 *     (await import('../support/fake-i18n')).i18nOnlyBrowser('fr'));
 *
 * Also here: an in-memory `storage.local` with `onChanged`, and a fake `tabs.query`, for the
 * services the popup and options page take.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface LocaleEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

type Catalog = Record<string, LocaleEntry | undefined>;
type Substitutions = string | number | (string | number)[];

// A path, not `new URL(…)`: under happy-dom, `URL` is the fake window's and refuses file: URLs.
const localesDir = `${path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public/_locales')}/`;

/** The folder a locale's messages live in: `fr-CA` → `fr_CA` if it exists, else `fr`. */
function localeFolder(locale: string): string {
  const exact = locale.replace('-', '_');
  if (existsSync(`${localesDir}${exact}/messages.json`)) return exact;
  const language = exact.split('_')[0] ?? exact;
  if (existsSync(`${localesDir}${language}/messages.json`)) return language;
  throw new Error(`fake i18n: no public/_locales/${exact}/messages.json (nor ${language})`);
}

function readCatalog(locale: string): Catalog {
  return JSON.parse(readFileSync(`${localesDir}${localeFolder(locale)}/messages.json`, 'utf8'));
}

const english = readCatalog('en');

/** `getMessage` over one catalog, falling back to English for a key the catalog lacks. */
function messagesFrom(catalog: Catalog) {
  return (key: string, substitutions?: Substitutions): string => {
    const entry = catalog[key] ?? english[key];
    if (!entry) return '';
    const subs = (
      Array.isArray(substitutions)
        ? substitutions
        : substitutions === undefined
          ? []
          : [substitutions]
    ).map(String);
    if (subs.length > 9) throw new Error(`getMessage(${key}): more than 9 substitutions`);
    const placeholders = new Map(
      Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
    );
    // Named placeholders first (case-insensitive), then positional `$n` in the result.
    const named = entry.message.replace(
      /\$([A-Za-z0-9_@]+)\$/g,
      (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole,
    );
    return named.replace(/\$(\$|[1-9])/g, (_, what: string) =>
      what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
    );
  };
}

/** `browser.i18n.getMessage` in English: '' for an unknown key, `$1`…`$9`, `$$` → `$`. */
export const getMessage = messagesFrom(english);

/** The English text of a message, for assertions: `text('callPlaced')`. */
export const text = getMessage;

/** The text of a message in another locale, for assertions: `textIn('fr', 'callPlaced')`. */
export function textIn(locale: string, key: string, substitutions?: Substitutions): string {
  return messagesFrom(readCatalog(locale))(key, substitutions);
}

/**
 * A module replacing `src/shared/browser` with only `i18n`; any other API throws when touched,
 * so a component that quietly reaches for storage or runtime fails its test (fakes fail closed).
 * `locale` picks the messages and the UI language (`'fr'`, `'fr-CA'`); English by default.
 * `uiLanguage` makes `getUILanguage()` say another (Chromium can show French messages while it
 * reports "en-US").
 */
export function i18nOnlyBrowser(locale?: string, uiLanguage?: string) {
  const i18n = {
    getMessage: locale ? messagesFrom(readCatalog(locale)) : getMessage,
    getUILanguage: () => uiLanguage ?? locale ?? 'en-US',
  };
  const browser = new Proxy({ i18n } as Record<string, unknown>, {
    get(target, name) {
      if (name in target || typeof name === 'symbol' || name === 'then')
        return target[name as string];
      throw new Error(`fake browser: browser.${name} is not faked in this test`);
    },
  });
  return { browser };
}

type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type ChangeListener = (changes: StorageChanges, areaName: string) => void;

/**
 * An in-memory `storage.local` with `storage.onChanged`: values are cloned on the way in and
 * out, and listeners hear about each write asynchronously (a microtask later), as in the browsers.
 */
export function fakeStorage(initial: Record<string, unknown> = {}) {
  const data = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  const listeners = new Set<ChangeListener>();
  const emit = (changes: StorageChanges) =>
    queueMicrotask(() => {
      for (const listener of listeners) listener(structuredClone(changes), 'local');
    });
  const local = {
    async get(keys: string | string[]): Promise<Record<string, unknown>> {
      const found: Record<string, unknown> = {};
      for (const key of typeof keys === 'string' ? [keys] : keys) {
        if (data.has(key)) found[key] = structuredClone(data.get(key));
      }
      return found;
    },
    async set(items: Record<string, unknown>): Promise<void> {
      const changes: StorageChanges = {};
      for (const [key, value] of Object.entries(structuredClone(items))) {
        changes[key] = { oldValue: data.get(key), newValue: value };
        data.set(key, value);
      }
      emit(changes);
    },
    async remove(key: string): Promise<void> {
      if (!data.has(key)) return;
      const oldValue = data.get(key);
      data.delete(key);
      emit({ [key]: { oldValue } });
    },
  };
  const onChanged = {
    addListener: (listener: ChangeListener) => void listeners.add(listener),
    removeListener: (listener: ChangeListener) => void listeners.delete(listener),
    hasListener: (listener: ChangeListener) => listeners.has(listener),
  };
  return {
    local,
    onChanged,
    /** What is stored under `key` now (a copy). */
    peek: (key: string): unknown => structuredClone(data.get(key)),
    /** Write as another page (or the background) would: listeners hear of it. */
    write: (items: Record<string, unknown>) => local.set(items),
    /** How many `onChanged` listeners are registered (to check they are removed). */
    listenerCount: () => listeners.size,
  };
}

/** A fake `tabs.query` answering with one active tab at `url` (undefined: no URL granted). */
export function fakeTabs(url: string | undefined) {
  const queries: unknown[] = [];
  return {
    queries,
    async query(query: { active?: boolean; lastFocusedWindow?: boolean }) {
      queries.push(query);
      return [{ id: 1, active: true, ...(url === undefined ? {} : { url }) }];
    },
  };
}

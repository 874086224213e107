/**
 * An in-memory stand-in for `browser.i18n`, reading `public/_locales/en/messages.json` and
 * substituting placeholders the way Chrome and Firefox do. Use it to replace the browser seam:
 *
 *   vi.mock('../../../src/shared/browser', async () =>
 *     (await import('../support/fake-i18n')).i18nOnlyBrowser());
 */
import messages from '../../../public/_locales/en/messages.json';

interface LocaleEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const catalog: Record<string, LocaleEntry | undefined> = messages;

/** `browser.i18n.getMessage`: '' for an unknown key, `$1`…`$9` from `substitutions`, `$$` → `$`. */
export function getMessage(
  key: string,
  substitutions?: string | number | (string | number)[],
): string {
  const entry = catalog[key];
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
}

/** The English text of a message, for assertions: `text('callPlaced')`. */
export const text = getMessage;

/**
 * A module replacing `src/shared/browser` with only `i18n`; any other API throws when touched,
 * so a component that quietly reaches for storage or runtime fails its test (fakes fail closed).
 */
export function i18nOnlyBrowser() {
  const i18n = { getMessage, getUILanguage: () => 'en-US' };
  const browser = new Proxy({ i18n } as Record<string, unknown>, {
    get(target, name) {
      if (name in target || typeof name === 'symbol' || name === 'then')
        return target[name as string];
      throw new Error(`fake browser: browser.${name} is not faked in this test`);
    },
  });
  return { browser };
}

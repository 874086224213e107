import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every language the extension ships (`public/_locales/<lang>/messages.json`) is complete and
 * consistent with English, the source: the same keys, no empty message, the same placeholders.
 * English itself is checked against the code by conventions.test.ts (every key used and defined),
 * so a key another locale has and English lacks is an unused one.
 */
interface Entry {
  message: unknown;
  description?: string;
  placeholders?: Record<string, { content?: unknown; example?: string }>;
}
type Catalog = Record<string, Entry>;

const root = path.resolve(__dirname, '../..');
const localesDir = path.join(root, 'public/_locales');
const locales = readdirSync(localesDir)
  .filter((name) => statSync(path.join(localesDir, name)).isDirectory())
  .sort();
const read = (locale: string): Catalog =>
  JSON.parse(readFileSync(path.join(localesDir, locale, 'messages.json'), 'utf8'));
const english = read('en');
const others = locales.filter((locale) => locale !== 'en');
const manifest = readFileSync(path.join(root, 'manifest.json'), 'utf8');

/** `$NAME$` tokens of a message, lower-cased (browsers match placeholder names case-insensitively). */
const namedIn = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase());

/** The `$1`…`$9` substitutions an entry reads, directly or through its placeholders. */
function substitutions(entry: Entry): string[] {
  const texts = [
    String(entry.message).replace(/\$\$/g, ''),
    ...Object.values(entry.placeholders ?? {}).map((p) => String(p.content)),
  ];
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\$([1-9])/g)].map((m) => m[1])))]
    .filter((n): n is string => n !== undefined)
    .sort();
}

/** Declared placeholder names, lower-cased, with their `content`. */
const declared = (entry: Entry) =>
  new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );

describe('locales', () => {
  it('ships English, French, Spanish and Brazilian Portuguese, in folders the browsers accept', () => {
    // Chrome and Firefox name Brazilian Portuguese `pt_BR` (`pt-BR` or `pt_br` would be ignored).
    expect(locales).toEqual(expect.arrayContaining(['en', 'es', 'fr', 'pt_BR']));
    for (const locale of locales) expect(locale).toMatch(/^[a-z]{2,3}(_[A-Z]{2})?$/);
    expect(manifest).toMatch(/"default_locale":\s*"en"/);
  });

  it.each(others)('%s has exactly the English keys: none missing, none unused', (locale) => {
    const keys = Object.keys(read(locale));
    const missing = Object.keys(english).filter((key) => !keys.includes(key));
    const unused = keys.filter((key) => !(key in english));
    expect({ missing, unused }).toEqual({ missing: [], unused: [] });
  });

  it.each(locales)('%s has a non-empty message for every key', (locale) => {
    const empty = Object.entries(read(locale))
      .filter(([, entry]) => typeof entry?.message !== 'string' || entry.message.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(locales)(
    '%s declares every placeholder it uses, and uses every one declared',
    (locale) => {
      const problems = Object.entries(read(locale)).flatMap(([key, entry]) => {
        const message = String(entry.message);
        const used = new Set(namedIn(message));
        const names = declared(entry);
        return [
          ...[...used]
            .filter((name) => !names.has(name))
            .map((name) => `${key}: $${name}$ undeclared`),
          ...[...names.keys()]
            .filter((name) => !used.has(name))
            .map((name) => `${key}: ${name} unused`),
          // A `$` that is no placeholder, `$1`…`$9` nor `$$` is a typo the browsers show as is.
          ...(/\$(?![1-9$])/.test(message.replace(/\$[A-Za-z0-9_@]+\$|\$\$/g, ''))
            ? [`${key}: stray $`]
            : []),
        ];
      });
      expect(problems).toEqual([]);
    },
  );

  it.each(others)('%s has the English placeholders, with the same content', (locale) => {
    const catalog = read(locale);
    const problems = Object.entries(english).flatMap(([key, source]) => {
      const entry = catalog[key];
      if (!entry) return []; // reported as missing above
      const theirs = declared(entry);
      const ours = declared(source);
      const names = [...new Set([...ours.keys(), ...theirs.keys()])].sort();
      return names
        .filter((name) => ours.get(name) !== theirs.get(name))
        .map(
          (name) =>
            `${key}.${name}: ${String(theirs.get(name))}, English ${String(ours.get(name))}`,
        );
    });
    expect(problems).toEqual([]);
  });

  it.each(others)('%s reads the same numbered substitutions as English', (locale) => {
    const catalog = read(locale);
    const problems = Object.entries(english)
      .filter(([key]) => catalog[key])
      .filter(([key, source]) => {
        const entry = catalog[key] as Entry;
        return substitutions(entry).join() !== substitutions(source).join();
      })
      .map(([key]) => key);
    expect(problems).toEqual([]);
  });

  it.each(locales)('%s defines every __MSG_…__ key of the manifest', (locale) => {
    const catalog = read(locale);
    const keys = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] ?? '');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !catalog[key])).toEqual([]);
  });

  it.each(locales)('%s fits the store limits for the name and description', (locale) => {
    const catalog = read(locale);
    // Chrome refuses a manifest whose name exceeds 75 characters or description 132.
    expect(String(catalog.extName?.message).length).toBeLessThanOrEqual(75);
    expect(String(catalog.extDescription?.message).length).toBeLessThanOrEqual(132);
  });

  it.each(locales)(
    '%s starts the call card’s button with its word for “Call”, then the number',
    (locale) => {
      const catalog = read(locale);
      const call = String(catalog.popupCall?.message);
      expect(String(catalog.cardCall?.message).startsWith(`${call} $NUMBER$`)).toBe(true);
    },
  );

  it.each(locales)('%s keeps omnibox suggestions free of what Chrome reads as XML', (locale) => {
    const catalog = read(locale);
    const keys = ['omniboxHint', 'omniboxInvalid', 'omniboxCall', 'popupNumberWithExt'];
    expect(keys.filter((key) => /[<>&]/.test(String(catalog[key]?.message)))).toEqual([]);
  });

  // Spanish is read mostly in Latin America (Mexico, Colombia, Argentina…), Portuguese in Brazil:
  // words only Spain or Portugal use read as foreign there. Lower case, matched as whole words.
  it.each([
    [
      'es',
      [
        'ordenador', // computadora
        'móvil', // celular
        'fichero', // archivo
        'pulse', // presione, haga clic
        'pulsar',
        'introduzca', // ingrese
        'introducir',
        'vosotros', // ustedes
        'vuestro',
        'vuestra',
        'coger',
        'coste', // costo
        'tarificación', // tarifa
        'vale', // as “OK”; the verb reads the same everywhere, so a new use needs a look
      ],
    ],
    [
      'pt_BR',
      [
        'telemóvel', // celular
        'ecrã', // tela
        'utilizador', // usuário
        'ficheiro', // arquivo
        'registo', // registro
        'contacto', // contato
        'definições', // configurações
        'aceder', // acessar
        'palavra-passe', // senha
        'eletrónico', // eletrônico
        'equipa', // equipe
        'facto', // fato
      ],
    ],
  ])('%s avoids words only Spain or Portugal use', (locale, words) => {
    const found = Object.entries(read(locale)).flatMap(([key, entry]) =>
      words
        .filter((word) =>
          new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(
            String(entry.message).toLowerCase(),
          ),
        )
        .map((word) => `${key}: ${word}`),
    );
    expect(found).toEqual([]);
  });

  it('writes French with non-breaking spaces before colons and inside guillemets', () => {
    const bad = Object.entries(read('fr'))
      .filter(([, entry]) => /[^\S\u00a0\u202f][:»]|«[^\S\u00a0\u202f]/.test(String(entry.message)))
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/shared/browser', async () =>
  (await import('./support/fake-i18n')).i18nOnlyBrowser(),
);

import { createHandlers } from '../../src/background/handlers';
import { payloadGuards } from '../../src/background/validate';
import { allowedSenders } from '../../src/shared/messages';

/** Conventions a reviewer would otherwise have to remember (STYLE.md). */
const root = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const sources = files(path.join(root, 'src')).filter((f) => /\.tsx?$/.test(f));
const read = (file: string) => readFileSync(file, 'utf8');
const rel = (file: string) => path.relative(root, file);

describe('conventions', () => {
  it('has one handler and one payload guard per message', () => {
    const handlers = createHandlers({} as Parameters<typeof createHandlers>[0]);
    const names = Object.keys(allowedSenders).sort();
    expect(Object.keys(handlers).sort()).toEqual(names);
    expect(Object.keys(payloadGuards).sort()).toEqual(names);
  });

  it('says truly in messages.ts which messages content scripts may send', () => {
    const text = read(path.join(root, 'src/shared/messages.ts'));
    const said = /Content scripts may send only ([^(]+)\(/.exec(
      text.replace(/\s*\n\s*\*\s*/g, ' '),
    );
    const named = [...(said?.[1] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1]).sort();
    const allowed = Object.entries(allowedSenders)
      .filter(([, senders]) => senders.includes('content'))
      .map(([name]) => name)
      .sort();
    expect(named).toEqual(allowed);
  });

  it('loads webextension-polyfill only in the background message listener', () => {
    const offenders = sources.filter(
      (f) =>
        /^import (?!type )[^;]*from ['"]webextension-polyfill['"]/m.test(read(f)) &&
        rel(f) !== 'src/background/message-listener.ts',
    );
    expect(offenders.map(rel)).toEqual([]);
  });

  it('keeps contexts apart: they talk only through messages', () => {
    const crossing = sources.flatMap((f) => {
      const where = rel(f).split(path.sep)[1];
      const imports = [...read(f).matchAll(/from ['"](\.[^'"]+)['"]/g)].map((m) =>
        rel(path.resolve(path.dirname(f), m[1] ?? '')),
      );
      const allowed =
        where === 'phone' ? ['src/phone'] : [`src/${where}`, 'src/shared', 'src/phone'];
      return imports
        .filter((target) => !allowed.some((a) => target.startsWith(a)))
        .map((target) => `${rel(f)} → ${target}`);
    });
    expect(crossing).toEqual([]);
  });

  it('keeps the parser out of the content script: it runs in the background (issue 9)', () => {
    // The content script is injected into every frame; only the digit gate and the page's
    // regions come from the engine, and neither loads libphonenumber-js.
    const content = sources.filter((f) => rel(f).startsWith('src/content'));
    const engine = content.flatMap((f) =>
      [...read(f).matchAll(/from ['"]([^'"]+)['"]/g)]
        .map((m) => m[1] ?? '')
        .filter((target) => target.includes('phone'))
        .map((target) => rel(path.resolve(path.dirname(f), target))),
    );
    expect([...new Set(engine)].sort()).toEqual(['src/phone/gate', 'src/phone/page-region']);
    for (const file of ['src/phone/gate.ts', 'src/phone/page-region.ts']) {
      expect(read(path.join(root, file))).not.toMatch(/^import /m);
    }
  });

  it('keeps the phone engine free of browser APIs', () => {
    const phone = sources.filter((f) => rel(f).startsWith('src/phone'));
    expect(
      phone.filter((f) => /\b(browser|chrome|document|window)\./.test(read(f))).map(rel),
    ).toEqual([]);
  });

  it('defines every message key the code uses, and uses every key defined', () => {
    const messages = JSON.parse(
      read(path.join(root, 'public/_locales/en/messages.json')),
    ) as Record<string, { message: string }>;
    const used = new Set<string>();
    for (const f of sources) {
      for (const m of read(f).matchAll(/\bt\(\s*'([A-Za-z0-9_@]+)'/g)) used.add(m[1] ?? '');
      for (const m of read(f).matchAll(/getMessage\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1] ?? '');
    }
    for (const m of read(path.join(root, 'manifest.json')).matchAll(/__MSG_(\w+)__/g)) {
      used.add(m[1] ?? '');
    }
    const defined = new Set(Object.keys(messages));
    const predefined = (key: string) => key.startsWith('@@');
    expect([...used].filter((k) => !defined.has(k) && !predefined(k)).sort()).toEqual([]);
    // Keys picked from a table (`{email: 'popupMissingEmail'}`) count as used too.
    const allSource = sources.map(read).join('\n');
    const unused = [...defined].filter((k) => !used.has(k) && !allSource.includes(`'${k}'`));
    expect(unused.sort()).toEqual([]);
  });
});

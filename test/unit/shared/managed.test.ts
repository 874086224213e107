import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  applyPolicy,
  NO_POLICY,
  OTHER_POLICIES,
  readPolicy,
  SETTING_POLICIES,
} from '../../../src/shared/managed';
import { defaults, isSiteDisabled, SETTINGS_KEY } from '../../../src/shared/settings';
import {
  loadEffective,
  POLICY_COPY_KEY,
  refreshPolicyCopy,
  storageSettings,
} from '../../../src/shared/settings-store';
import { DEV_CHROME_ID, manifestFor } from '../../../vite.config';
import { fakeStorage } from '../support/fake-i18n';

const root = path.resolve(__dirname, '../../..');
const schema = JSON.parse(readFileSync(path.join(root, 'public/managed-schema.json'), 'utf8'));

/** A policy read with its warnings collected. */
function read(raw: unknown) {
  const warnings: string[] = [];
  return { policy: readPolicy(raw, (w) => warnings.push(w)), warnings };
}

/** The example the README gives administrators (and the e2e test applies). */
const example = {
  clientId: 'acme-12345',
  defaultCountry: 'GB',
  blockedSites: ['intranet.acme.example', 'mail.acme.example'],
  onlySites: [],
  telLinks: true,
  codeBlocks: false,
  confirmHighCost: { northAmerica: false },
  webhooks: 'hidden',
  locked: ['defaultCountry', 'blockedSites'],
};

describe('organisation policies: validation', () => {
  it('reads every key of the administrators’ example, with no warning', () => {
    const { policy, warnings } = read(example);
    expect(warnings).toEqual([]);
    expect(policy).toEqual({
      settings: {
        defaultCountry: 'GB',
        countryChosen: true,
        disabledSites: ['intranet.acme.example', 'mail.acme.example'],
        onlySites: [],
        handleTelLinks: true,
        markInCode: false,
        confirmHighCost: {
          premium: true,
          sharedCost: true,
          satellite: true,
          northAmerica: false,
          tollFraud: true,
        },
      },
      locked: ['defaultCountry', 'countryChosen', 'disabledSites'],
      clientId: 'acme-12345',
      webhooks: 'hidden',
      managed: true,
    });
  });

  it.each([
    [{ defaultCountry: 'Britain' }, '"defaultCountry" ignored'],
    [{ defaultCountry: 'gb' }, '"defaultCountry" ignored'],
    [{ defaultCountry: 44 }, '"defaultCountry" ignored'],
    [{ telLinks: 'yes' }, '"telLinks" ignored'],
    [{ codeBlocks: 1 }, '"codeBlocks" ignored'],
    [{ confirmHighCost: 'off' }, '"confirmHighCost" ignored'],
    [{ blockedSites: 'mail.example.com' }, '"blockedSites" ignored'],
    [{ onlySites: ['not a host!'] }, '"onlySites" ignored'],
    [{ webhooks: 'off' }, '"webhooks" ignored'],
    [{ clientId: 12345 }, '"clientId" ignored'],
    [{ clientId: 'two words' }, '"clientId" ignored'],
    [{ locked: 'defaultCountry' }, '"locked" ignored'],
    [{ locked: ['clientId'] }, '"locked": "clientId" ignored'],
    [{ colour: 'blue' }, 'unknown key "colour" ignored'],
  ])('ignores %j with a warning, and applies nothing', (raw, warning) => {
    const { policy, warnings } = read(raw);
    expect(warnings).toEqual([expect.stringContaining(warning)]);
    expect(policy).toEqual(NO_POLICY);
  });

  it('keeps the good values next to a bad one, and the good sites of a list', () => {
    const { policy, warnings } = read({
      defaultCountry: 'Britain',
      telLinks: false,
      blockedSites: ['Mail.Example.com', 'https://crm.example.org/x', 'not a host!'],
      locked: ['defaultCountry', 'telLinks'],
    });
    expect(policy.settings).toEqual({
      handleTelLinks: false,
      disabledSites: ['mail.example.com', 'crm.example.org'],
    });
    // A locked key without a valid value locks nothing: the user keeps their own country.
    expect(policy.locked).toEqual(['handleTelLinks']);
    expect(warnings).toEqual([
      expect.stringContaining('"defaultCountry" ignored'),
      expect.stringContaining('"blockedSites": 1 entries ignored'),
      expect.stringContaining('"locked": "defaultCountry" ignored'),
    ]);
  });

  it.each([undefined, null, 'x', [1], {}])('finds no policy in %j', (raw) => {
    expect(read(raw).policy).toEqual(NO_POLICY);
  });

  it('warns through the console by default, and never throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readPolicy({ defaultCountry: {} }).managed).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"defaultCountry" ignored'));
    warn.mockRestore();
  });
});

describe('organisation policies: precedence', () => {
  const user = { ...defaults, defaultCountry: 'CA', countryChosen: true, markInCode: true };

  it('puts the organisation’s values over the user’s, and leaves the rest', () => {
    const { policy } = read({ defaultCountry: 'GB', telLinks: false });
    expect(applyPolicy(user, policy)).toEqual({
      ...user,
      defaultCountry: 'GB',
      handleTelLinks: false,
    });
  });

  it('keeps a user’s change of an unlocked value until the organisation sets another', () => {
    const gb = read({ defaultCountry: 'GB' }).policy;
    const overrides = { defaultCountry: '"GB"', countryChosen: 'true' };
    expect(applyPolicy(user, gb, overrides).defaultCountry).toBe('CA');
    const fr = read({ defaultCountry: 'FR' }).policy;
    expect(applyPolicy(user, fr, overrides).defaultCountry).toBe('FR');
  });

  it('never lets a user’s change of a locked value through', () => {
    const { policy } = read({ defaultCountry: 'GB', locked: ['defaultCountry'] });
    expect(applyPolicy(user, policy, { defaultCountry: '"GB"' }).defaultCountry).toBe('GB');
  });

  it('limits detection to onlySites, and still honours blocked ones inside them', () => {
    const settings = {
      ...defaults,
      onlySites: ['example.com'],
      disabledSites: ['mail.example.com'],
    };
    expect(isSiteDisabled(settings, 'crm.example.com')).toBe(false);
    expect(isSiteDisabled(settings, 'example.com')).toBe(false);
    expect(isSiteDisabled(settings, 'mail.example.com')).toBe(true);
    expect(isSiteDisabled(settings, 'example.org')).toBe(true);
  });
});

/** `storage.managed` as the browsers give it: get() and, in Chrome, onChanged('managed'). */
function withPolicy(initial: Record<string, unknown> | Error) {
  const storage = fakeStorage();
  const policy = initial;
  const managed = {
    get: async () => {
      if (policy instanceof Error) throw policy;
      return structuredClone(policy);
    },
  };
  return {
    storage,
    service: storageSettings({ ...storage, managed }),
  };
}

describe('the settings service under a policy', () => {
  it('loads the settings in effect and the policy; a user change of a locked setting is dropped', async () => {
    const { service, storage } = withPolicy({ defaultCountry: 'GB', locked: ['defaultCountry'] });
    expect((await service.load()).settings.defaultCountry).toBe('GB');
    const after = await service.update({ defaultCountry: 'CA', markInCode: true });
    expect(after.settings).toMatchObject({ defaultCountry: 'GB', markInCode: true });
    expect(storage.peek(SETTINGS_KEY)).toMatchObject({ defaultCountry: 'US', markInCode: true });
  });

  it('lets the user change an unlocked managed value, noting which value they replaced', async () => {
    const { service } = withPolicy({ telLinks: false });
    expect((await service.load()).settings.handleTelLinks).toBe(false);
    expect((await service.update({ handleTelLinks: true })).settings.handleTelLinks).toBe(true);
    expect((await service.load()).settings.handleTelLinks).toBe(true);
  });

  it('reads no policy when managed storage refuses (Firefox without one for us)', async () => {
    const { service } = withPolicy(new Error('Managed storage manifest not found'));
    expect(await service.load()).toEqual({ settings: defaults, policy: NO_POLICY });
  });

  it('tells its listeners when the policy changes, without a restart', async () => {
    const storage = fakeStorage();
    let policy: Record<string, unknown> = {};
    const listeners: Array<(c: Record<string, { newValue?: unknown }>, area: string) => void> = [];
    const service = storageSettings({
      local: storage.local,
      managed: { get: async () => policy },
      onChanged: {
        addListener: (l) => void listeners.push(l),
        removeListener: () => undefined,
      },
    });
    const heard: string[] = [];
    service.subscribe((state) => heard.push(state.settings.defaultCountry));
    policy = { defaultCountry: 'GB' };
    for (const listener of listeners) listener({ defaultCountry: { newValue: 'GB' } }, 'managed');
    await vi.waitFor(() => expect(heard).toEqual(['GB']));
  });
});

describe('the copy of the policy every page reads at once', () => {
  // Chromium answers the first storage.managed.get() 2-3 s after it starts: a read that never
  // answers stands for it here.
  const slow = { get: () => new Promise<Record<string, unknown>>(() => undefined) };

  it('is used without waiting for the browser’s managed storage', async () => {
    const storage = fakeStorage({
      [POLICY_COPY_KEY]: { defaultCountry: 'GB', locked: ['defaultCountry'] },
    });
    const state = await loadEffective({ local: storage.local, managed: slow });
    expect(state.settings.defaultCountry).toBe('GB');
    expect(state.policy.locked).toContain('defaultCountry');
  });

  it('knows "no policy" too: an empty copy is not a missing one', async () => {
    const storage = fakeStorage({ [POLICY_COPY_KEY]: {} });
    expect(await loadEffective({ local: storage.local, managed: slow })).toEqual({
      settings: defaults,
      policy: NO_POLICY,
    });
  });

  it('without a copy (the first run), the live policy is read', async () => {
    const storage = fakeStorage();
    const managed = { get: async () => ({ telLinks: false }) };
    expect((await loadEffective({ local: storage.local, managed })).settings.handleTelLinks).toBe(
      false,
    );
  });

  it('follows the live policy, written only when it changed; none where the browser refuses', async () => {
    const storage = fakeStorage({ [POLICY_COPY_KEY]: { telLinks: false } });
    let live: Record<string, unknown> | Error = { telLinks: false };
    const managed = {
      get: async () => {
        if (live instanceof Error) throw live;
        return structuredClone(live);
      },
    };
    const changes: string[] = [];
    storage.onChanged.addListener((c) => changes.push(...Object.keys(c)));
    await refreshPolicyCopy({ local: storage.local, managed });
    live = { telLinks: false, defaultCountry: 'CA' };
    await refreshPolicyCopy({ local: storage.local, managed });
    expect(storage.peek(POLICY_COPY_KEY)).toEqual({ telLinks: false, defaultCountry: 'CA' });
    live = new Error('Managed storage manifest not found');
    await refreshPolicyCopy({ local: storage.local, managed });
    expect(storage.peek(POLICY_COPY_KEY)).toEqual({});
    await vi.waitFor(() => expect(changes).toEqual([POLICY_COPY_KEY, POLICY_COPY_KEY]));
  });

  it('a new copy reaches the pages’ settings listeners', async () => {
    const storage = fakeStorage({ [POLICY_COPY_KEY]: {} });
    const service = storageSettings({ ...storage, managed: slow });
    const heard: string[] = [];
    service.subscribe((state) => heard.push(state.settings.defaultCountry));
    await storage.local.set({ [POLICY_COPY_KEY]: { defaultCountry: 'GB' } });
    await vi.waitFor(() => expect(heard).toEqual(['GB']));
  });
});

describe('the managed schema (public/managed-schema.json) and the manifest', () => {
  it('names exactly the keys the extension reads, with `locked` listing the lockable ones', () => {
    const keys = [...Object.keys(SETTING_POLICIES), ...OTHER_POLICIES].sort();
    expect(Object.keys(schema.properties).sort()).toEqual(keys);
    expect(schema.properties.locked.items.enum.sort()).toEqual(
      Object.keys(SETTING_POLICIES).sort(),
    );
  });

  it('accepts the administrators’ example by its types', () => {
    for (const [key, value] of Object.entries(example)) {
      const type = Array.isArray(value) ? 'array' : typeof value;
      expect([key, schema.properties[key].type]).toEqual([key, type]);
    }
  });

  it('gives Chrome the schema and the development key whose id the README names', () => {
    const chrome = manifestFor('chrome', 'https://integrate.versature.com') as unknown as Record<
      string,
      unknown
    >;
    expect(chrome.storage).toEqual({ managed_schema: 'managed-schema.json' });
    const der = Buffer.from(String(chrome.key), 'base64');
    const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)]
      .map((h) => String.fromCharCode(97 + Number.parseInt(h, 16)))
      .join('');
    expect(id).toBe(DEV_CHROME_ID);
    const firefox = manifestFor('firefox', 'https://integrate.versature.com') as unknown as Record<
      string,
      unknown
    >;
    expect(firefox.key).toBeUndefined();
    expect(firefox.storage).toBeUndefined();
  });
});

describe('the README’s policy examples for administrators', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## For administrators'));
  const blocks = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) =>
    JSON.parse(m[1] ?? ''),
  );

  it('are complete: every key, for Chrome and Firefox, valid, with no warning', () => {
    const entries = [
      Object.values(blocks[0]['3rdparty'].extensions)[0],
      Object.values(blocks[1].policies['3rdparty'].Extensions)[0],
    ];
    expect(blocks).toHaveLength(2);
    for (const entry of entries) {
      expect(Object.keys(entry as object).sort()).toEqual(Object.keys(schema.properties).sort());
      const { policy, warnings } = read(entry);
      expect(warnings).toEqual([]);
      expect(policy.managed).toBe(true);
    }
    expect(entries[0]).toEqual(example);
  });
});

import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHistory, HISTORY_LIMIT, UNDO_CLEAR_MS } from '../../../src/background/history';
import { indexedDbStore, memoryStore } from '../../../src/background/secret-store';
import type { CallRecord } from '../../../src/shared/messages';

/** `storage.local` as the background sees it, where history was kept before issue 10. */
function area(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    reads: 0,
    async get(key: string) {
      this.reads += 1;
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async remove(key: string) {
      delete data[key];
    },
  };
}

const record = (n: number, extra: Partial<CallRecord> = {}): CallRecord => ({
  id: `id-${n}`,
  at: 1_700_000_000_000 + n,
  dial: '19735551212',
  display: '+1 973-555-1212',
  source: 'dial-box',
  outcome: 'placed',
  ...extra,
});

const ids = (list: CallRecord[]) => list.map((r) => r.id);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('recent calls', () => {
  it('keeps the newest first and at most 50', async () => {
    const history = createHistory(memoryStore());
    for (let n = 1; n <= HISTORY_LIMIT + 5; n++) await history.add(record(n));
    const list = await history.list();
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]?.id).toBe(`id-${HISTORY_LIMIT + 5}`);
    expect(list.at(-1)?.id).toBe('id-6');
  });

  it('loses nothing when two calls finish at once', async () => {
    const history = createHistory(memoryStore());
    await Promise.all([history.add(record(1)), history.add(record(2)), history.add(record(3))]);
    expect(ids(await history.list()).sort()).toEqual(['id-1', 'id-2', 'id-3']);
  });

  it('lists a call whose write was asked for but not finished (the popup refreshes at once)', async () => {
    const store = memoryStore();
    let finishWrite = () => {};
    const slow = {
      ...store,
      set: (key: string, value: unknown) =>
        new Promise<void>((resolve) => {
          finishWrite = () => void store.set(key, value).then(resolve);
        }),
    };
    const history = createHistory(slow);
    void history.add(record(1));
    const listed = history.list();
    await new Promise((r) => setTimeout(r, 10));
    finishWrite();
    expect(ids(await listed)).toEqual(['id-1']);
  });

  it('drops malformed stored entries and keeps the good ones', async () => {
    const store = memoryStore();
    await store.set('history', [
      record(1, { page: { title: 'CRM', host: 'crm.example.com' } }),
      { id: 'x' },
      'junk',
      record(2, { source: 'evil' as CallRecord['source'] }),
      record(3, { outcome: 'failed', error: 'Too many calls. Wait 1 s and try again.' }),
    ]);
    expect((await createHistory(store).list()).map((r) => [r.id, r.page?.host, r.error])).toEqual([
      ['id-1', 'crm.example.com', undefined],
      ['id-3', undefined, 'Too many calls. Wait 1 s and try again.'],
    ]);
    await store.set('history', 'nope');
    expect(await createHistory(store).list()).toEqual([]);
  });

  it('clears everything', async () => {
    const store = memoryStore();
    const history = createHistory(store);
    await history.add(record(1));
    await history.clear();
    expect(await history.list()).toEqual([]);
    expect(store.data.has('history')).toBe(false);
  });

  it('keeps a call whose status is unknown, with its detail (issue 11)', async () => {
    const history = createHistory(memoryStore());
    const unknown = record(1, {
      outcome: 'unknown',
      error: 'Status unknown: net2phone may have placed the call.',
      detail: 'net2phone answered 503',
    });
    await history.add(unknown);
    expect(await history.list()).toEqual([unknown]);
  });

  it('puts the cleared calls back on Undo, among calls made since, newest first', async () => {
    let now = 1_000;
    const history = createHistory(memoryStore(), undefined, () => now);
    await history.add(record(1));
    await history.add(record(2));
    await history.clear();
    await history.add(record(3));
    now += UNDO_CLEAR_MS;
    expect(await history.restore()).toBe(true);
    expect(ids(await history.list())).toEqual(['id-3', 'id-2', 'id-1']);
    // Once only.
    expect(await history.restore()).toBe(false);
    expect(ids(await history.list())).toEqual(['id-3', 'id-2', 'id-1']);
  });

  it('forgets cleared calls for good after the undo window, or after a clear of nothing', async () => {
    let now = 1_000;
    const history = createHistory(memoryStore(), undefined, () => now);
    await history.add(record(1));
    await history.clear();
    now += UNDO_CLEAR_MS + 1;
    expect(await history.restore()).toBe(false);
    expect(await history.list()).toEqual([]);

    now = 5_000;
    expect(await history.restore()).toBe(false);
    await history.clear(); // nothing to clear: nothing to undo
    expect(await history.restore()).toBe(false);
  });

  it('keeps history in the extension’s IndexedDB, across a restarted worker', async () => {
    const factory = new IDBFactory();
    const local = area();
    await createHistory(indexedDbStore(factory), local).add(
      record(1, { page: { title: 'Acme CRM', host: 'crm.example.com' } }),
    );
    const restarted = createHistory(indexedDbStore(factory), area());
    expect(await restarted.list()).toEqual([
      record(1, { page: { title: 'Acme CRM', host: 'crm.example.com' } }),
    ]);
    // Nothing of it in storage.local, which content scripts can read.
    expect(local.data).toEqual({});
  });
});

describe('moving recent calls out of storage.local (issue 10)', () => {
  const old = [record(9, { page: { title: 'Old CRM', host: 'old.example.com' } }), record(8)];

  it('moves them on first use and removes them from storage.local', async () => {
    const store = memoryStore();
    const local = area({ history: old, settings: { defaultCountry: 'US' } });
    const history = createHistory(store, local);
    expect(await history.list()).toEqual(old);
    expect(local.data).toEqual({ settings: { defaultCountry: 'US' } });
    expect(store.data.get('history')).toEqual(old);
  });

  it('moves them before the first new call is added, newest first', async () => {
    const store = memoryStore();
    const local = area({ history: old });
    const history = createHistory(store, local);
    await history.add(record(10));
    expect(ids(await history.list())).toEqual(['id-10', 'id-9', 'id-8']);
    expect(local.data).toEqual({});
  });

  it('looks in storage.local only once', async () => {
    const local = area({ history: old });
    const history = createHistory(memoryStore(), local);
    await history.list();
    await history.add(record(10));
    await history.list();
    expect(local.reads).toBe(1);
  });

  it('keeps at most 50 and drops malformed entries while moving', async () => {
    const many = Array.from({ length: HISTORY_LIMIT + 10 }, (_, i) => record(100 - i));
    const local = area({ history: [...many.slice(0, 3), { id: 'broken' }, ...many.slice(3)] });
    const list = await createHistory(memoryStore(), local).list();
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]?.id).toBe('id-100');
    expect(list.every((r) => r.id !== 'broken')).toBe(true);
  });

  it('loses nothing and doubles nothing when a worker stopped between the copy and the removal', async () => {
    const store = memoryStore();
    await store.set('history', [record(10), ...old]);
    const local = area({ history: old });
    expect(ids(await createHistory(store, local).list())).toEqual(['id-10', 'id-9', 'id-8']);
    expect(local.data).toEqual({});
  });

  it('leaves an empty store alone when there is nothing to move', async () => {
    const store = memoryStore();
    const history = createHistory(store, area({ history: 'junk' }));
    expect(await history.list()).toEqual([]);
    expect(store.data.has('history')).toBe(false);
  });

  /** Makes `local.get` throw until `end()`. */
  function failReads(local: ReturnType<typeof area>) {
    const get = local.get.bind(local);
    let broken = true;
    local.get = async (key: string) => {
      if (broken) throw new Error('storage unavailable');
      return get(key);
    };
    return { end: () => (broken = false) };
  }

  it('keeps working when storage.local fails, and moves them on a later use', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const local = area({ history: old });
    const outage = failReads(local);
    const history = createHistory(memoryStore(), local);
    await history.add(record(10));
    expect(ids(await history.list())).toEqual(['id-10']);
    expect(warn).toHaveBeenCalled();
    outage.end();
    expect(ids(await history.list())).toEqual(['id-10', 'id-9', 'id-8']);
    expect(local.data).toEqual({});
  });

  it('clears storage.local too while the move has not happened', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const local = area({ history: old });
    const outage = failReads(local);
    const history = createHistory(memoryStore(), local);
    await history.clear();
    expect(local.data).toEqual({});
    outage.end();
    expect(await history.list()).toEqual([]);
  });
});

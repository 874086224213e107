import { describe, expect, it } from 'vitest';
import { createHistory, HISTORY_LIMIT } from '../../../src/background/history';
import type { CallRecord } from '../../../src/shared/messages';

function area(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  return {
    data,
    get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items: Record<string, unknown>) => {
      Object.assign(data, structuredClone(items));
    },
    remove: async (key: string) => {
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

describe('recent calls', () => {
  it('keeps the newest first and at most 50', async () => {
    const history = createHistory(area());
    for (let n = 1; n <= HISTORY_LIMIT + 5; n++) await history.add(record(n));
    const list = await history.list();
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]?.id).toBe(`id-${HISTORY_LIMIT + 5}`);
    expect(list.at(-1)?.id).toBe('id-6');
  });

  it('loses nothing when two calls finish at once', async () => {
    const history = createHistory(area());
    await Promise.all([history.add(record(1)), history.add(record(2)), history.add(record(3))]);
    expect((await history.list()).map((r) => r.id).sort()).toEqual(['id-1', 'id-2', 'id-3']);
  });

  it('lists a call whose write was asked for but not finished (the popup refreshes at once)', async () => {
    const storage = area();
    let finishWrite = () => {};
    const slow = {
      ...storage,
      set: (items: Record<string, unknown>) =>
        new Promise<void>((resolve) => {
          finishWrite = () => void storage.set(items).then(resolve);
        }),
    };
    const history = createHistory(slow);
    void history.add(record(1));
    const listed = history.list();
    await new Promise((r) => setTimeout(r, 10));
    finishWrite();
    expect((await listed).map((r) => r.id)).toEqual(['id-1']);
  });

  it('drops malformed stored entries and keeps the good ones', async () => {
    const history = createHistory(
      area({
        history: [
          record(1, { page: { title: 'CRM', host: 'crm.example.com' } }),
          { id: 'x' },
          'junk',
          record(2, { source: 'evil' as CallRecord['source'] }),
          record(3, { outcome: 'failed', error: 'Too many calls. Wait 1 s and try again.' }),
        ],
      }),
    );
    expect((await history.list()).map((r) => [r.id, r.page?.host, r.error])).toEqual([
      ['id-1', 'crm.example.com', undefined],
      ['id-3', undefined, 'Too many calls. Wait 1 s and try again.'],
    ]);
    expect(await createHistory(area({ history: 'nope' })).list()).toEqual([]);
  });

  it('clears everything', async () => {
    const storage = area();
    const history = createHistory(storage);
    await history.add(record(1));
    await history.clear();
    expect(await history.list()).toEqual([]);
    expect('history' in storage.data).toBe(false);
  });
});

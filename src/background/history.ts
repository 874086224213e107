import type { CallRecord } from '../shared/messages';
import type { KeyValueStore } from './secret-store';

/**
 * Recent calls (numbers, page titles, hosts), newest first, at most this many; kept in this
 * browser only, in the extension's IndexedDB next to the tokens (secret-store.ts): every content
 * script in every tab can read `storage.local`, where they were kept before issue 10.
 */
export const HISTORY_LIMIT = 50;
const KEY = 'history';

/** Where history used to be (`storage.local`): read once, moved, then removed. */
export interface LegacyHistoryArea {
  get(key: string): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
}

const SOURCES = new Set(['dial-box', 'selection', 'link', 'page', 'command', 'omnibox', 'history']);

/** Stored entries are untrusted like any stored data: malformed ones are dropped. */
function parseRecord(raw: unknown): CallRecord | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (
    typeof r.id !== 'string' ||
    typeof r.at !== 'number' ||
    typeof r.dial !== 'string' ||
    typeof r.display !== 'string' ||
    !SOURCES.has(r.source as string) ||
    (r.outcome !== 'placed' && r.outcome !== 'failed' && r.outcome !== 'unknown')
  ) {
    return null;
  }
  const page = r.page as { title?: unknown; host?: unknown } | undefined;
  return {
    id: r.id,
    at: r.at,
    dial: r.dial,
    display: r.display,
    source: r.source as CallRecord['source'],
    outcome: r.outcome,
    ...(typeof r.ext === 'string' ? { ext: r.ext } : {}),
    ...(typeof r.error === 'string' ? { error: r.error } : {}),
    ...(typeof r.detail === 'string' ? { detail: r.detail } : {}),
    ...(page && typeof page.title === 'string' && typeof page.host === 'string'
      ? { page: { title: page.title, host: page.host } }
      : {}),
  };
}

const parseList = (raw: unknown): CallRecord[] =>
  Array.isArray(raw) ? raw.map(parseRecord).filter((r): r is CallRecord => r !== null) : [];

/**
 * How long after Clear history its Undo can put the calls back. The cleared calls wait in this
 * worker's memory only (never on disk), and are forgotten after this.
 */
export const UNDO_CLEAR_MS = 60_000;

export function createHistory(
  store: KeyValueStore,
  legacy?: LegacyHistoryArea,
  now: () => number = Date.now,
) {
  // Every operation runs in one queue, so two calls finishing together cannot drop each other
  // and a listing sees every write asked for before it.
  let queue: Promise<unknown> = Promise.resolve();
  let moved = legacy === undefined;
  /** What the last Clear history removed, for its Undo. */
  let cleared: { calls: CallRecord[]; at: number } | null = null;
  const read = async () => parseList(await store.get(KEY));

  /**
   * First use: move the list from `storage.local` here, then remove it there (in that order, so
   * a worker stopped in between loses nothing; entries already here win, by id). A failure is
   * retried on the next use and never blocks the history itself.
   */
  async function moveLegacy(): Promise<void> {
    if (moved || !legacy) return;
    try {
      const old = (await legacy.get(KEY))[KEY];
      if (old !== undefined) {
        const kept = await read();
        const ids = new Set(kept.map((r) => r.id));
        const from = parseList(old).filter((r) => !ids.has(r.id));
        if (from.length > 0) await store.set(KEY, [...kept, ...from].slice(0, HISTORY_LIMIT));
        await legacy.remove(KEY);
      }
      moved = true;
    } catch (cause) {
      console.warn('net2phone: could not move recent calls out of storage.local', cause);
    }
  }

  function inTurn<T>(op: () => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      await moveLegacy();
      return op();
    });
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    /** Waits for writes already asked for: a popup refreshing right after a call sees it. */
    list: (): Promise<CallRecord[]> => inTurn(read),
    add: (record: CallRecord): Promise<void> =>
      inTurn(async () => {
        await store.set(KEY, [record, ...(await read())].slice(0, HISTORY_LIMIT));
      }),
    /** Forgets every recent call, here and (should a move have failed) in `storage.local`. */
    clear: (): Promise<void> =>
      inTurn(async () => {
        const calls = await read();
        await store.delete(KEY);
        if (!moved) await legacy?.remove(KEY);
        cleared = calls.length > 0 ? { calls, at: now() } : null;
      }),
    /**
     * Undo of the last clear: puts its calls back among any made since, newest first; false
     * when there is nothing to put back (never cleared, already undone, or too late).
     */
    restore: (): Promise<boolean> =>
      inTurn(async () => {
        const last = cleared;
        cleared = null;
        if (!last || now() - last.at > UNDO_CLEAR_MS) return false;
        const since = await read();
        const ids = new Set(since.map((r) => r.id));
        const merged = [...since, ...last.calls.filter((r) => !ids.has(r.id))]
          .sort((a, b) => b.at - a.at)
          .slice(0, HISTORY_LIMIT);
        await store.set(KEY, merged);
        return true;
      }),
  };
}

import type { CallRecord } from '../shared/messages';

/** Recent calls, newest first, at most this many; kept in this browser only. */
export const HISTORY_LIMIT = 50;
const KEY = 'history';

export interface HistoryArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
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
    (r.outcome !== 'placed' && r.outcome !== 'failed')
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
    ...(page && typeof page.title === 'string' && typeof page.host === 'string'
      ? { page: { title: page.title, host: page.host } }
      : {}),
  };
}

export function createHistory(area: HistoryArea) {
  // Writes are serialised so two calls finishing together cannot drop each other.
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<CallRecord[]> => {
    const raw = (await area.get(KEY))[KEY];
    return Array.isArray(raw)
      ? raw.map(parseRecord).filter((r): r is CallRecord => r !== null)
      : [];
  };
  return {
    /** Waits for writes already asked for: a popup refreshing right after a call sees it. */
    async list(): Promise<CallRecord[]> {
      await queue;
      return read();
    },
    add(record: CallRecord): Promise<void> {
      const write = queue.then(async () => {
        const next = [record, ...(await read())].slice(0, HISTORY_LIMIT);
        await area.set({ [KEY]: next });
      });
      queue = write.catch(() => undefined);
      return write;
    },
    async clear(): Promise<void> {
      await queue;
      await area.remove(KEY);
    },
  };
}

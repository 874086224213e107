import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import type { CallRecord } from '../shared/messages';
import type { AppError } from '../shared/result';

export type HistoryState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: AppError }
  | { kind: 'loaded'; calls: CallRecord[] };

/** Recent calls from the background: loaded on open, refreshed after each call attempt. */
export function useHistory(client: Client) {
  const [state, setState] = useState<HistoryState>({ kind: 'loading' });
  // Only the answer to the latest request is shown, whatever order the answers come in.
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    const reply = await client('getHistory', {});
    if (request !== latest.current) return;
    setState(
      reply.ok ? { kind: 'loaded', calls: reply.value } : { kind: 'failed', error: reply.error },
    );
  }, [client]);

  useEffect(() => {
    void refresh();
    // A popup closed mid-request must not set state: forget any answer still to come.
    return () => {
      latest.current += 1;
    };
  }, [refresh]);

  /** Forgets every recent call; resolves to the error to show, if any. */
  const clear = useCallback(async (): Promise<AppError | undefined> => {
    const request = ++latest.current;
    const reply = await client('clearHistory', {});
    if (!reply.ok) return reply.error;
    if (request === latest.current) setState({ kind: 'loaded', calls: reply.value });
    return undefined;
  }, [client]);

  /** Undo of the last clear: the calls are back; resolves to the error to show, if any. */
  const undoClear = useCallback(async (): Promise<AppError | undefined> => {
    const request = ++latest.current;
    const reply = await client('restoreHistory', {});
    if (!reply.ok) return reply.error;
    if (request === latest.current) setState({ kind: 'loaded', calls: reply.value });
    return undefined;
  }, [client]);

  return { state, refresh, clear, undoClear };
}

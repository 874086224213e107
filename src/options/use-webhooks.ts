import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import type { WebhookSubscription } from '../shared/messages';
import type { AppError } from '../shared/result';

export type WebhookListState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: AppError }
  | { kind: 'loaded'; items: WebhookSubscription[] };

/**
 * The user's webhook subscriptions as the background keeps them: asked with `refresh` once when
 * the page opens signed in or the user signs in (net2phone says which still exist), re-read after
 * each change. Only the newest answer is shown, so a slow first read cannot overwrite the list
 * after a quick change.
 */
export function useWebhooks(client: Client, signedIn = true) {
  const [list, setList] = useState<WebhookListState>({ kind: 'loading' });
  const latest = useRef(0);
  const live = useRef(false);

  const show = useCallback((answer: number, next: WebhookListState) => {
    if (live.current && answer === latest.current) setList(next);
  }, []);

  /**
   * Re-reads the list. `refresh` asks net2phone about each entry (at most 5 per minute), so it
   * is only used on opening; after a change this browser's list is already current.
   */
  const load = useCallback(
    async (refresh: boolean) => {
      const answer = ++latest.current;
      const reply = await client('listSubscriptions', { refresh });
      show(
        answer,
        reply.ok ? { kind: 'loaded', items: reply.value } : { kind: 'failed', error: reply.error },
      );
    },
    [client, show],
  );

  /** Deletes one at net2phone and here; the error when it could not. */
  const remove = useCallback(
    async (id: string): Promise<AppError | undefined> => {
      const reply = await client('deleteSubscription', { id });
      if (!reply.ok) return reply.error;
      show(++latest.current, { kind: 'loaded', items: reply.value });
      return undefined;
    },
    [client, show],
  );

  useEffect(() => {
    live.current = true;
    // Signed out, net2phone would only answer "sign in first": asked once signed in.
    if (signedIn) void load(true);
    return () => {
      live.current = false;
    };
  }, [load, signedIn]);

  return { list, load, remove };
}

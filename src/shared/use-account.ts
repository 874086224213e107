import { useEffect, useState } from 'preact/hooks';
import type { Client } from './client';
import type { AccountView } from './messages';
import type { AppError } from './result';

/** The user's devices and caller-ID numbers, as far as they are known. */
export type AccountState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: AppError }
  | { kind: 'loaded'; account: AccountView };

/** One `getAccount` per page (popup: "Your numbers" and "Call from"; options: default caller ID). */
export function useAccount(client: Client): AccountState {
  const [state, setState] = useState<AccountState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void client('getAccount', { refresh: false }).then((reply) => {
      if (!live) return;
      setState(
        reply.ok
          ? { kind: 'loaded', account: reply.value }
          : { kind: 'failed', error: reply.error },
      );
    });
    return () => {
      live = false;
    };
  }, [client]);

  return state;
}

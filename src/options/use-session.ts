import { useEffect, useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import type { SessionView } from '../shared/messages';
import type { AppError } from '../shared/result';

/** Who is signed in, as the options page knows it: not yet known, or the background's answer. */
export type SessionState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: AppError }
  | { kind: 'known'; session: SessionView };

/** Whether someone is signed in (false while unknown). */
export const isSignedIn = (state: SessionState) => state.kind === 'known' && state.session.signedIn;

/**
 * The session for the options page: asked once when it opens, then replaced by what Sign in and
 * Sign out answer, so Account and Advanced change together.
 */
export function useSession(client: Client) {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void client('getSession', {}).then((reply) => {
      if (!live) return;
      setState(
        reply.ok ? { kind: 'known', session: reply.value } : { kind: 'failed', error: reply.error },
      );
    });
    return () => {
      live = false;
    };
  }, [client]);

  return { state, setSession: (session: SessionView) => setState({ kind: 'known', session }) };
}

import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import type { SessionView } from '../shared/messages';
import type { AppError } from '../shared/result';

/** What the popup shows: nothing yet, the sign-in form, or the signed-in view. */
export type PopupView =
  | { kind: 'loading' }
  | {
      kind: 'signed-out';
      clientId: string;
      /** The organisation or the build sets the Client ID: the form does not ask for it. */
      clientIdFixed: boolean;
      email: string;
      notice?: AppError;
    }
  | { kind: 'signed-in'; session: SessionView };

/** Errors that mean the user has to sign in (again): the popup switches to the form. */
const signedOutCodes: ReadonlySet<string> = new Set(['session-expired', 'not-signed-in']);

function signedOut(session: SessionView, email: string, notice = session.notice): PopupView {
  return {
    kind: 'signed-out',
    clientId: session.clientId,
    clientIdFixed: session.clientIdFixed,
    email,
    ...(notice ? { notice } : {}),
  };
}

/**
 * The popup's session state. `guarded` is the client for signed-in components: any reply
 * saying the session is gone switches the popup back to the form, showing that reply.
 */
export function useSession(client: Client) {
  const [view, setView] = useState<PopupView>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void client('getSession', {}).then((reply) => {
      if (!live) return;
      if (!reply.ok) {
        setView({
          kind: 'signed-out',
          clientId: '',
          clientIdFixed: false,
          email: '',
          notice: reply.error,
        });
      } else if (reply.value.signedIn) setView({ kind: 'signed-in', session: reply.value });
      else setView(signedOut(reply.value, ''));
    });
    return () => {
      live = false;
    };
  }, [client]);

  const onSignedIn = useCallback((session: SessionView) => {
    setView({ kind: 'signed-in', session });
  }, []);

  // The email stays in the form after signing out (or being signed out): one less thing to type.
  const onSignedOut = useCallback((session: SessionView, notice?: AppError) => {
    setView((previous) => {
      const email = previous.kind === 'signed-in' ? (previous.session.email ?? '') : '';
      return signedOut(session, email, notice ?? session.notice);
    });
  }, []);

  const guarded = useMemo<Client>(
    () => async (type, payload) => {
      const reply = await client(type, payload);
      if (!reply.ok && signedOutCodes.has(reply.error.code)) {
        const notice = reply.error;
        setView((previous) =>
          previous.kind === 'signed-in'
            ? signedOut(previous.session, previous.session.email ?? '', notice)
            : previous,
        );
      }
      return reply;
    },
    [client],
  );

  return { view, onSignedIn, onSignedOut, guarded };
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';
import type { SessionView } from '../shared/messages';
// A copy of the popup's form (contexts do not import each other): same fields, names, Client ID rules.
import { SignInForm } from '../shared/SignInForm';
import type { SectionProps } from './sections';
import { Welcome } from './Welcome';

/** "Ada Lovelace (ext. 100)" when net2phone said who the user is, else their email. */
export function whoIsSignedIn(session: SessionView): string {
  const { user } = session;
  if (user?.name) {
    return user.extension ? t('popupUserWithExt', [user.name, user.extension]) : user.name;
  }
  return session.email ?? '';
}

/**
 * Account (issue 11, item 6): who is signed in with Sign out, or the sign-in form. After install
 * it starts with the welcome (item 7).
 */
export function AccountSection({ client, session, onSession, welcome }: SectionProps) {
  const signedIn = session.kind === 'known' && session.session.signedIn;
  // Set by this page's Sign in: the form (and the focus in it) is gone, the answer takes it.
  const [justSignedIn, setJustSignedIn] = useState(false);
  // Set by this page's Sign out: the form replaced the button that had the focus, so it takes it.
  // Arriving signed out, the page leaves the focus at its top (the welcome is read first).
  const [justSignedOut, setJustSignedOut] = useState(false);
  return (
    <div class="stack">
      {welcome && <Welcome {...welcome} signedIn={signedIn} />}
      {session.kind === 'loading' && <p class="muted">{t('optionsAccountLoading')}</p>}
      {session.kind === 'failed' && <ErrorMessage text={session.error.message} />}
      {session.kind === 'known' &&
        (session.session.signedIn ? (
          <SignedInAs
            client={client}
            session={session.session}
            takeFocus={justSignedIn}
            onSignedOut={(next) => {
              setJustSignedIn(false);
              setJustSignedOut(true);
              onSession(next);
            }}
          />
        ) : (
          <SignInForm
            client={client}
            email={session.session.email ?? ''}
            clientId={session.session.clientId}
            clientIdFixed={session.session.clientIdFixed}
            notice={session.session.notice}
            takeFocus={justSignedOut}
            onSignedIn={(next) => {
              setJustSignedIn(true);
              onSession(next);
            }}
          />
        ))}
    </div>
  );
}

interface SignedInAsProps {
  client: SectionProps['client'];
  session: SessionView;
  /** Focus "Signed in as …" when shown (it replaced the form the focus was in). */
  takeFocus: boolean;
  onSignedOut: (session: SessionView) => void;
}

/** "Signed in as …", the email under it, and Sign out. */
function SignedInAs({ client, session, takeFocus, onSignedOut }: SignedInAsProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const inFlight = useRef(false);
  const who = useRef<HTMLParagraphElement>(null);
  const showEmail = Boolean(session.user?.name && session.email);

  useEffect(() => {
    if (takeFocus) who.current?.focus();
  }, [takeFocus]);

  const signOut = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(undefined);
    try {
      const reply = await client('signOut', {});
      // The email stays in the form that replaces this: one less thing to type.
      if (reply.ok) onSignedOut({ ...reply.value, email: reply.value.email ?? session.email });
      else setError(reply.error.message);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <div class="account">
      <div class="account__who">
        <p ref={who} tabIndex={-1} class="account__name">
          {t('popupSignedInAs', whoIsSignedIn(session))}
        </p>
        {showEmail && <p class="muted">{session.email}</p>}
      </div>
      <div>
        <button type="button" class="button" disabled={busy} onClick={signOut}>
          {t('popupSignOut')}
        </button>
      </div>
      <ErrorMessage text={error} />
    </div>
  );
}

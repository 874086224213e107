import { useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';
import type { SessionView } from '../shared/messages';
import { useSingleFlight } from '../shared/use-single-flight';

export interface AccountProps {
  client: Client;
  session: SessionView;
  /** Called with the signed-out session once the background forgot every token. */
  onSignedOut: (session: SessionView) => void;
}

/** "Name (ext. 100)" when net2phone told us who the user is, else their email. */
export function whoIsSignedIn(session: SessionView): string {
  const { user } = session;
  if (user?.name) {
    return user.extension ? t('popupUserWithExt', [user.name, user.extension]) : user.name;
  }
  return session.email ?? '';
}

/** Who is signed in, with the Sign out button. */
export function Account({ client, session, onSignedOut }: AccountProps) {
  const [busy, run] = useSingleFlight();
  const [error, setError] = useState<string>();
  const showEmail = Boolean(session.user?.name && session.email);

  const signOut = () =>
    run(async () => {
      setError(undefined);
      const reply = await client('signOut', {});
      if (reply.ok) onSignedOut(reply.value);
      else setError(reply.error.message);
    });

  return (
    <section class="account">
      <div class="account__row">
        <div class="account__who">
          <p class="account__name">{t('popupSignedInAs', whoIsSignedIn(session))}</p>
          {showEmail && <p class="muted">{session.email}</p>}
        </div>
        <button type="button" class="button button--quiet" disabled={busy} onClick={signOut}>
          {t('popupSignOut')}
        </button>
      </div>
      <ErrorMessage text={error} />
    </section>
  );
}

import type { Client } from '../shared/client';
import { t } from '../shared/i18n';
import { Account } from './Account';
import { DialBox } from './DialBox';
import { useSession } from './hooks';
import { SignInForm } from './SignInForm';
import { YourNumbers } from './YourNumbers';

export interface AppProps {
  /** How the popup talks to the background (a fake in tests). */
  client: Client;
}

/** The toolbar popup: loads the session, then shows the sign-in form or the signed-in view. */
export function App({ client }: AppProps) {
  const { view, onSignedIn, onSignedOut, guarded } = useSession(client);

  if (view.kind === 'loading') {
    // A blank card of the usual width rather than a flash of text: the answer takes milliseconds.
    return (
      <main class="popup popup--loading" aria-busy="true">
        <span class="visually-hidden">{t('popupLoading')}</span>
      </main>
    );
  }

  return (
    <main class="popup">
      <h1 class="popup__title">{t('extName')}</h1>
      {view.kind === 'signed-out' ? (
        <SignInForm
          client={client}
          email={view.email}
          clientId={view.clientId}
          notice={view.notice}
          onSignedIn={onSignedIn}
        />
      ) : (
        <>
          <Account client={guarded} session={view.session} onSignedOut={onSignedOut} />
          <DialBox client={guarded} />
          <YourNumbers client={guarded} />
        </>
      )}
    </main>
  );
}

import type { Client } from '../shared/client';
import { t } from '../shared/i18n';
import { NO_POLICY } from '../shared/managed';
import { ManagedBanner } from '../shared/PolicyNotes';
import { SignInForm } from '../shared/SignInForm';
import { useSession } from './hooks';
import { SignedIn } from './SignedIn';
import type { PopupServices } from './services';
import { useSettings } from './use-settings';

export interface AppProps {
  /** How the popup talks to the background (a fake in tests). */
  client: Client;
  /** Settings storage and the active tab (in-memory fakes in tests). */
  services: PopupServices;
}

/** The toolbar popup: loads the session and settings, then the sign-in form or the signed-in view. */
export function App({ client, services }: AppProps) {
  const { view, onSignedIn, onSignedOut, guarded } = useSession(client);
  const { settings, policy = NO_POLICY, update } = useSettings(services.settings);

  if (view.kind === 'loading' || settings === undefined) {
    // A blank card of the usual width rather than a flash of text: the answer takes milliseconds.
    return (
      <main class="popup popup--loading" aria-busy="true">
        <span class="visually-hidden">{t('popupLoading')}</span>
      </main>
    );
  }

  return (
    <main class="popup">
      <header class="popup__head">
        <h1 class="popup__title">{t('extName')}</h1>
        <button
          type="button"
          class="button button--link popup__options"
          onClick={() => void services.openOptions()}
        >
          {t('popupOpenOptions')}
        </button>
      </header>
      <ManagedBanner policy={policy} />
      {view.kind === 'signed-out' ? (
        <SignInForm
          client={client}
          email={view.email}
          clientId={view.clientId}
          clientIdFixed={view.clientIdFixed}
          notice={view.notice}
          onSignedIn={onSignedIn}
        />
      ) : (
        <SignedIn
          client={guarded}
          session={view.session}
          onSignedOut={onSignedOut}
          services={services}
          settings={settings}
          policy={policy}
          updateSettings={update}
        />
      )}
    </main>
  );
}

import type { Client } from '../shared/client';
import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';
import { NO_POLICY } from '../shared/managed';
import { ManagedBanner } from '../shared/PolicyNotes';
import { sections as defaultSections, type OptionsSection } from './sections';
import type { OptionsServices } from './services';
import { useSession } from './use-session';
import { useSettings } from './use-settings';
import type { WelcomeFacts } from './Welcome';

export interface AppProps {
  /** How the page talks to the background (a fake in tests). */
  client: Client;
  /** Settings storage (an in-memory fake in tests). */
  services: OptionsServices;
  /** The sections, in order; the default is the whole page. */
  sections?: readonly OptionsSection[];
  /** Opened after install (`#welcome`): Account starts with a welcome telling these facts. */
  welcome?: WelcomeFacts | undefined;
}

/** The options page: one section per concern, every change saved at once. */
export function App({ client, services, sections = defaultSections, welcome }: AppProps) {
  const { settings, policy = NO_POLICY, save, saved, error } = useSettings(services.settings);
  const session = useSession(client);

  return (
    <main class="options" aria-busy={settings === undefined}>
      <header class="options__header">
        <p class="options__product">{t('extName')}</p>
        <h1>{t('optionsHeading')}</h1>
      </header>
      <ManagedBanner policy={policy} />
      {settings === undefined ? (
        <p class="muted">{t('optionsLoading')}</p>
      ) : (
        sections.map(({ id, title, Body }) => (
          <section key={id} id={id} class="card" aria-labelledby={`${id}-heading`}>
            <h2 id={`${id}-heading`}>{t(title)}</h2>
            <Body
              client={client}
              settings={settings}
              policy={policy}
              save={save}
              session={session.state}
              onSession={session.setSession}
              welcome={welcome}
            />
          </section>
        ))
      )}
      <div class="toast">
        {/* Always present, so "Saved" is announced each time it appears. */}
        <p role="status" class="message message--ok">
          {saved && t('optionsSaved')}
        </p>
        <ErrorMessage text={error} />
      </div>
    </main>
  );
}

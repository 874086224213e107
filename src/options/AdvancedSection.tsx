import type { ComponentChildren } from 'preact';
import { t } from '../shared/i18n';
import { ConnectionSection } from './ConnectionSection';
import type { SectionProps } from './sections';
import { isSignedIn } from './use-session';
import { WebhooksSection } from './WebhooksSection';

/**
 * Advanced (issue 11, item 6): what developers and administrators need, kept out of the everyday
 * settings: the connection test and webhooks (none when the organisation hides them).
 */
export function AdvancedSection(props: SectionProps) {
  return (
    <div class="stack">
      <Part id="connection" title={t('optionsConnection')}>
        <ConnectionSection {...props} />
      </Part>
      {props.policy.webhooks !== 'hidden' && (
        <Part id="webhooks" title={t('optionsWebhooks')}>
          {props.session.kind === 'loading' ? (
            <p class="muted">{t('optionsAccountLoading')}</p>
          ) : (
            <WebhooksSection {...props} signedIn={isSignedIn(props.session)} />
          )}
        </Part>
      )}
    </div>
  );
}

/** A titled part of Advanced: a region of its own (`#webhooks` still leads to it). */
function Part({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} class="part" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      {children}
    </section>
  );
}

import { useId, useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';
import type { WebhookSubscription } from '../shared/messages';
import type { SectionProps } from './sections';
import { useWebhooks } from './use-webhooks';
import { WebhookForm } from './WebhookForm';
import { WebhookList } from './WebhookList';

/** Errors that mean nobody is signed in: subscriptions wait for sign-in. */
const signedOutCodes: ReadonlySet<string> = new Set(['not-signed-in', 'session-expired']);

export interface WebhooksSectionProps extends SectionProps {
  /** Signed out: nothing to list, and the form is shown disabled with the reason. */
  signedIn: boolean;
}

/**
 * Webhooks (issue 6): net2phone posts call events to the user's own HTTPS endpoint; the list of
 * subscriptions this browser renews, each with a Delete button (asking first), and a form to add
 * one. Signed out, it says to sign in and the form is disabled (issue 11).
 */
export function WebhooksSection({ client, signedIn }: WebhooksSectionProps) {
  const { list, load, remove } = useWebhooks(client, signedIn);
  const [status, setStatus] = useState<string>();
  const [listError, setListError] = useState<string>();
  const [deleting, setDeleting] = useState<ReadonlySet<string>>(new Set());
  /** Deletions under way, read synchronously so a double click sends one request. */
  const inFlight = useRef(new Set<string>());
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = { list: useId(), add: useId(), signedOut: useId() };

  const created = (subscription: WebhookSubscription) => {
    setListError(undefined);
    setStatus(t('webhookSubscribed', subscription.name));
    void load(false);
  };

  const del = async ({ id, name }: WebhookSubscription) => {
    if (inFlight.current.has(id)) return;
    inFlight.current.add(id);
    setDeleting(new Set(inFlight.current));
    setStatus(undefined);
    setListError(undefined);
    const error = await remove(id);
    inFlight.current.delete(id);
    setDeleting(new Set(inFlight.current));
    if (error) return setListError(error.message);
    setStatus(t('webhookDeleted', name));
    // Its Delete button is gone with it: focus goes back to the top of the list.
    heading.current?.focus();
  };

  if (!signedIn) {
    return (
      <div class="stack">
        <p class="field__hint">{t('webhookIntro')}</p>
        <p id={ids.signedOut} class="message message--warning">
          {t('webhookSignInFirst')} <a href="#account">{t('webhookGoToSignIn')}</a>
        </p>
        <h4 id={ids.add}>{t('webhookAdd')}</h4>
        <WebhookForm client={client} onCreated={created} disabledBy={ids.signedOut} />
      </div>
    );
  }

  return (
    <div class="stack">
      <p class="field__hint">{t('webhookIntro')}</p>
      <h4 id={ids.list} ref={heading} tabIndex={-1}>
        {t('webhookYours')}
      </h4>
      {list.kind === 'loading' && <p class="muted">{t('webhookLoading')}</p>}
      {list.kind === 'failed' &&
        (signedOutCodes.has(list.error.code) ? (
          <p class="muted">
            {list.error.message} {t('webhookSignedOut')}
          </p>
        ) : (
          <p role="alert" class="message message--error">
            {list.error.message}
          </p>
        ))}
      {list.kind === 'loaded' && (
        <WebhookList
          items={list.items}
          deleting={deleting}
          onDelete={(item) => void del(item)}
          labelledBy={ids.list}
        />
      )}
      <ErrorMessage text={listError} />
      {/* Always present, so "Subscribed" and "Deleted" are announced when they appear. */}
      <p role="status" class="message message--ok">
        {status}
      </p>
      <h4 id={ids.add}>{t('webhookAdd')}</h4>
      <WebhookForm client={client} onCreated={created} />
    </div>
  );
}

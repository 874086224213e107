import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '../shared/i18n';
import type { WebhookEvents, WebhookState, WebhookSubscription } from '../shared/messages';

export interface WebhookListProps {
  items: WebhookSubscription[];
  /** Ids whose deletion is under way: their button is disabled. */
  deleting: ReadonlySet<string>;
  onDelete: (item: WebhookSubscription) => void;
  /** Names the list (the id of its heading). */
  labelledBy: string;
}

const eventKeys: Record<keyof WebhookEvents, string> = {
  calls: 'webhookEventCalls',
  cdrs: 'webhookEventCdrs',
  recordings: 'webhookEventRecordings',
};

const stateKeys: Record<WebhookState, string> = {
  active: 'webhookStateActive',
  renewing: 'webhookStateRenewing',
  failed: 'webhookStateFailed',
};

/** "Calls, Recordings": the kinds of event, in the form's order. */
export function eventNames(events: WebhookEvents): string {
  const names = (Object.keys(eventKeys) as (keyof WebhookEvents)[])
    .filter((kind) => events[kind])
    .map((kind) => t(eventKeys[kind]));
  return new Intl.ListFormat(uiLanguage(), { style: 'short', type: 'unit' }).format(names);
}

/** The expiry in the UI language, e.g. "Jun 14, 2025, 3:04 PM". */
export function expiryText(ms: number): string {
  return new Date(ms).toLocaleString(uiLanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** "Active", or "Failed: <net2phone's message>". */
export function stateText({ state, error }: Pick<WebhookSubscription, 'state' | 'error'>): string {
  const label = t(stateKeys[state]);
  return error ? t('webhookStateWhy', [label, error]) : label;
}

/**
 * The subscriptions: what each sends where, until when, whether renewal works; a Delete each,
 * which asks first, in place (Yes, delete / Cancel; Escape cancels), since a deleted subscription
 * cannot come back with the same id.
 */
export function WebhookList({ items, deleting, onDelete, labelledBy }: WebhookListProps) {
  const [asking, setAsking] = useState<string>();
  const deleteButtons = useRef(new Map<string, HTMLButtonElement>());
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) cancelButton.current?.focus();
  }, [asking]);

  const cancel = (id: string) => {
    setAsking(undefined);
    deleteButtons.current.get(id)?.focus();
  };

  if (items.length === 0) return <p class="muted">{t('webhookNone')}</p>;
  return (
    <ul class="webhooks" aria-labelledby={labelledBy}>
      {items.map((item) => {
        const question = `webhook-delete-${item.id}`;
        return (
          <li key={item.id} class="webhook">
            <div class="webhook__head">
              <strong class="webhook__name">{item.name}</strong>
              <button
                type="button"
                class="button button--quiet"
                ref={(button) => {
                  if (button) deleteButtons.current.set(item.id, button);
                  else deleteButtons.current.delete(item.id);
                }}
                aria-label={t('webhookDeleteNamed', item.name)}
                aria-expanded={asking === item.id}
                aria-controls={asking === item.id ? question : undefined}
                disabled={deleting.has(item.id)}
                onClick={() => (asking === item.id ? cancel(item.id) : setAsking(item.id))}
              >
                {t('webhookDelete')}
              </button>
            </div>
            {asking === item.id && (
              <fieldset
                id={question}
                class="webhook__confirm"
                onKeyDown={(event) => {
                  if (event.key === 'Escape') cancel(item.id);
                }}
              >
                <legend>{t('webhookDeleteQuestion', item.name)}</legend>
                <div class="webhook__confirm-buttons">
                  <button
                    type="button"
                    class="button button--danger"
                    aria-label={t('webhookDeleteYesNamed', item.name)}
                    onClick={() => {
                      setAsking(undefined);
                      onDelete(item);
                    }}
                  >
                    {t('webhookDeleteYes')}
                  </button>
                  <button
                    type="button"
                    class="button"
                    ref={cancelButton}
                    onClick={() => cancel(item.id)}
                  >
                    {t('webhookDeleteCancel')}
                  </button>
                </div>
              </fieldset>
            )}
            <Facts item={item} />
          </li>
        );
      })}
    </ul>
  );
}

/** What one subscription sends where, whose, until when, and whether renewal works. */
function Facts({ item }: { item: WebhookSubscription }) {
  return (
    <dl class="webhook__facts">
      <dt>{t('webhookDestination')}</dt>
      <dd class="webhook__url">{item.postUri}</dd>
      <dt>{t('webhookEvents')}</dt>
      <dd>{eventNames(item.events)}</dd>
      <dt>{t('webhookScope')}</dt>
      <dd>{t(item.scope === 'company' ? 'webhookScopeCompany' : 'webhookScopeSelf')}</dd>
      <dt>{t('webhookExpires')}</dt>
      <dd>
        <time dateTime={new Date(item.expiresAt).toISOString()}>{expiryText(item.expiresAt)}</time>
      </dd>
      <dt>{t('webhookState')}</dt>
      <dd class={`webhook__state webhook__state--${item.state}`}>{stateText(item)}</dd>
    </dl>
  );
}

import { useId, useRef, useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';
import type { WebhookEvents, WebhookScope, WebhookSubscription } from '../shared/messages';
import {
  checkWebhookUrl,
  hasSecretSegment,
  webhookUrlMessageKey,
  withSecretSegment,
} from '../shared/webhook-url';

export interface WebhookFormProps {
  /** How the page talks to the background (a fake in tests). */
  client: Client;
  /** net2phone accepted the subscription. */
  onCreated: (subscription: WebhookSubscription) => void;
  /** Shown disabled, for the reason in the element with this id (e.g. signed out). */
  disabledBy?: string | undefined;
}

/** Where a refusal belongs: a field, or the whole form (net2phone's answer). */
type Problem = { field: 'url' | 'events' | 'form'; message: string };

const eventChoices: readonly [keyof WebhookEvents, string][] = [
  ['calls', 'webhookEventCalls'],
  ['cdrs', 'webhookEventCdrs'],
  ['recordings', 'webhookEventRecordings'],
];

/** The background keeps at most this much of a name. */
const MAX_NAME = 100;

const describedBy = (...ids: (string | false | undefined)[]) =>
  ids.filter(Boolean).join(' ') || undefined;

/**
 * "Add a subscription": name, destination (https only, with a secret path suggested since net2phone
 * signs nothing), which events and whose. Checked here before anything is sent; one request at a time.
 */
export function WebhookForm({ client, onCreated, disabledBy }: WebhookFormProps) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvents>({
    calls: true,
    cdrs: false,
    recordings: false,
  });
  const [scope, setScope] = useState<WebhookScope>('self');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const urlField = useRef<HTMLInputElement>(null);
  const eventsBox = useRef<HTMLFieldSetElement>(null);
  const ids = {
    name: useId(),
    nameHint: useId(),
    url: useId(),
    urlHint: useId(),
    noSecret: useId(),
    scopeHint: useId(),
    urlError: useId(),
    eventsError: useId(),
    formError: useId(),
  };

  const refuse = (field: Problem['field'], message: string) => {
    setProblem({ field, message });
    if (field === 'url') urlField.current?.focus();
    if (field === 'events') eventsBox.current?.querySelector('input')?.focus();
  };

  const addSecret = () => {
    const checked = checkWebhookUrl(url);
    if (!checked.ok) return refuse('url', t(webhookUrlMessageKey(checked.problem)));
    setUrl(withSecretSegment(checked.url));
    setProblem(undefined);
    urlField.current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (inFlight.current) return;
    const checked = checkWebhookUrl(url);
    if (!checked.ok) return refuse('url', t(webhookUrlMessageKey(checked.problem)));
    if (!events.calls && !events.cdrs && !events.recordings) {
      return refuse('events', t('webhookNoEvents'));
    }
    inFlight.current = true;
    setBusy(true);
    setProblem(undefined);
    try {
      const draft = { name: name.trim(), url: checked.url, events, scope };
      const reply = await client('createSubscription', draft);
      if (!reply.ok) return setProblem({ field: 'form', message: reply.error.message });
      setName('');
      setUrl('');
      onCreated(reply.value);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const typed = url.trim() !== '';
  const unguessable = !typed || !checkWebhookUrl(url).ok || hasSecretSegment(url);
  /** The error of `field`, beside it (and in its aria-describedby); nothing when it has none. */
  const errorOf = (field: Problem['field'], id: string) =>
    problem?.field === field ? <ErrorMessage id={id} text={problem.message} /> : null;
  const errorFor = (field: Problem['field'], id: string) => problem?.field === field && id;
  return (
    <form class="webhook-form" noValidate onSubmit={submit}>
      {/* One fieldset, so signed out every control is disabled at once and says why. */}
      <fieldset
        class="plain stack"
        disabled={disabledBy !== undefined}
        aria-describedby={disabledBy}
      >
        <div class="field">
          <label for={ids.name}>{t('webhookName')}</label>
          <input
            id={ids.name}
            type="text"
            autoComplete="off"
            maxLength={MAX_NAME}
            value={name}
            aria-describedby={ids.nameHint}
            onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
          />
          <p id={ids.nameHint} class="field__hint">
            {t('webhookNameHint')}
          </p>
        </div>
        <div class="field">
          <label for={ids.url}>{t('webhookUrl')}</label>
          <div class="webhook-form__url">
            <input
              id={ids.url}
              ref={urlField}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              placeholder="https://crm.example.com/net2phone"
              value={url}
              aria-invalid={problem?.field === 'url' ? 'true' : undefined}
              aria-describedby={describedBy(
                errorFor('url', ids.urlError),
                !unguessable && ids.noSecret,
                ids.urlHint,
              )}
              onInput={(e) => {
                setUrl((e.currentTarget as HTMLInputElement).value);
                if (problem?.field === 'url') setProblem(undefined);
              }}
            />
            <button type="button" class="button" onClick={addSecret}>
              {t('webhookAddSecret')}
            </button>
          </div>
          {errorOf('url', ids.urlError)}
          <p id={ids.urlHint} class="field__hint">
            {t('webhookUrlHint')}
          </p>
          {!unguessable && (
            <p id={ids.noSecret} class="message message--warning webhook-form__note">
              {t('webhookNoSecret')}
            </p>
          )}
        </div>
        <fieldset
          ref={eventsBox}
          class="choices"
          aria-describedby={describedBy(errorFor('events', ids.eventsError))}
        >
          <legend>{t('webhookEvents')}</legend>
          {errorOf('events', ids.eventsError)}
          {eventChoices.map(([kind, key]) => (
            <label key={kind} class="choice">
              <input
                type="checkbox"
                checked={events[kind]}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  setEvents((previous) => ({ ...previous, [kind]: on }));
                  if (problem?.field === 'events') setProblem(undefined);
                }}
              />
              {t(key)}
            </label>
          ))}
        </fieldset>
        <fieldset class="choices" aria-describedby={ids.scopeHint}>
          <legend>{t('webhookScope')}</legend>
          {(['self', 'company'] as const).map((value) => (
            <label key={value} class="choice">
              <input
                type="radio"
                name={`${ids.scopeHint}-scope`}
                value={value}
                checked={scope === value}
                onChange={() => setScope(value)}
              />
              {t(value === 'self' ? 'webhookScopeSelf' : 'webhookScopeCompany')}
            </label>
          ))}
          <p id={ids.scopeHint} class="field__hint">
            {t('webhookScopeHint')}
          </p>
        </fieldset>
        {/* net2phone's refusal is about the whole form: it shows above the button that sent it. */}
        {errorOf('form', ids.formError)}
        <div>
          <button
            type="submit"
            class="button button--primary"
            disabled={busy}
            aria-describedby={describedBy(errorFor('form', ids.formError))}
          >
            {busy ? t('webhookSubscribing') : t('webhookSubscribe')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

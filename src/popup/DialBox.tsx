import { useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type CountryCode, type Dialable, parseDialable } from '../phone/index';
import type { Client } from '../shared/client';
import { t } from '../shared/i18n';
import type { CallOutcome } from '../shared/messages';
import { Field } from './Field';
import { useSingleFlight } from './hooks';

export interface DialBoxProps {
  client: Client;
  /** How national numbers are read, e.g. `(973) 555-1212` as US. */
  country?: CountryCode;
}

/** "+1 973-555-1212 ext. 12": the number as a person reads it. */
export function numberText({ display, ext }: Pick<Dialable, 'display' | 'ext'>): string {
  return ext ? t('popupNumberWithExt', [display, ext]) : display;
}

function previewOf(input: string, country: CountryCode): string {
  if (input.trim() === '') return t('popupDialHint');
  const dialable = parseDialable(input, country);
  return dialable ? t('popupWillCall', numberText(dialable)) : t('popupDialIncomplete');
}

/** The dial box: "Number to call", a live preview of the number, and the Call button. */
export function DialBox({ client, country = 'US' }: DialBoxProps) {
  const [number, setNumber] = useState('');
  const [outcome, setOutcome] = useState<CallOutcome>();
  const [error, setError] = useState<string>();
  const [busy, run] = useSingleFlight();
  const input = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), preview: useId() };
  const preview = useMemo(() => previewOf(number, country), [number, country]);

  useLayoutEffect(() => input.current?.focus(), []);

  const onInput = (event: Event) => {
    setNumber((event.currentTarget as HTMLInputElement).value);
    setError(undefined);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setOutcome(undefined);
    // Refuse what cannot be called here, before anything is sent.
    const typed = number.trim();
    if (typed === '') return setError(t('errorEmptyNumber'));
    if (!parseDialable(typed, country)) return setError(t('errorInvalidNumber', typed));
    setError(undefined);
    void run(async () => {
      const reply = await client('placeCall', { number: typed, source: 'dial-box' });
      if (reply.ok) setOutcome(reply.value);
      else setError(reply.error.message);
    });
  };

  return (
    <form class="stack dial" noValidate onSubmit={submit}>
      <div class="dial__row">
        <Field
          id={ids.input}
          label={t('popupNumberToCall')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={number}
          onInput={onInput}
          inputRef={input}
          invalid={error !== undefined}
          hint={preview}
          hintId={ids.preview}
        />
        <button type="submit" class="button button--primary dial__call" disabled={busy}>
          {t('popupCall')}
        </button>
      </div>
      {/* Always present, so screen readers announce what is put into it. */}
      <div role="status" class="message message--ok">
        {busy && t('popupPlacingCall')}
        {outcome && <CallPlaced outcome={outcome} />}
      </div>
      {error && (
        <p role="alert" class="message message--error">
          {error}
        </p>
      )}
    </form>
  );
}

/** What the user sees once net2phone accepted the call. */
function CallPlaced({ outcome }: { outcome: CallOutcome }) {
  return (
    <>
      <strong>{t('popupCalledNumber', numberText(outcome))}</strong> {t('callPlaced')}
      {outcome.ext && ` ${t('popupDialExtension', outcome.ext)}`}
    </>
  );
}

import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type CountryCode, parseDialable } from '../phone/index';
import type { Client } from '../shared/client';
import { Field } from '../shared/Field';
import { t } from '../shared/i18n';
import { formatAsYouType } from './as-you-type';
import { CallStatus } from './CallStatus';
import { numberText } from './number-text';
import { useCall } from './use-call';

export interface DialBoxProps {
  client: Client;
  /** How national numbers are read and formatted, e.g. `(973) 555-1212` as US. */
  country: CountryCode;
  /** After each call request, whatever its outcome (Recent calls refreshes). */
  onAttempt?: () => void;
  /** Shown between the number and the Call button: "Call from" (what the callee sees), "Ring on". */
  children?: ComponentChildren;
}

function previewOf(input: string, country: CountryCode): string {
  if (input.trim() === '') return t('popupDialHint');
  const dialable = parseDialable(input, country);
  return dialable ? t('popupWillCall', numberText(dialable)) : t('popupDialIncomplete');
}

/** True when the caret sits after the last character, with nothing selected. */
function caretAtEnd(input: HTMLInputElement): boolean {
  const end = input.value.length;
  return input.selectionStart === end && input.selectionEnd === end;
}

/**
 * The dial box: "Number to call", formatted as typed, a live preview, what the callee will see
 * ("Call from", the children), the Call button and how the call went.
 */
export function DialBox({ client, country, onAttempt, children }: DialBoxProps) {
  const [number, setNumber] = useState('');
  // Marks the input only when what was typed is the problem, not when net2phone refused.
  const [invalid, setInvalid] = useState(false);
  const call = useCall(client, onAttempt);
  const input = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), preview: useId() };
  const preview = useMemo(() => previewOf(number, country), [number, country]);

  useLayoutEffect(() => input.current?.focus(), []);

  const onInput = (event: Event) => {
    const field = event.currentTarget as HTMLInputElement;
    const { inputType, isComposing } = event as Partial<InputEvent>;
    // Format only what is added at the end: deleting a bracket, or editing in the middle,
    // must not be undone under the user's fingers (nor an IME composition interrupted).
    const adding = !inputType?.startsWith('delete') && !isComposing;
    setNumber(adding && caretAtEnd(field) ? formatAsYouType(field.value, country) : field.value);
    call.refuse(undefined);
    setInvalid(false);
  };

  const refuse = (message: string) => {
    call.refuse(message);
    setInvalid(true);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (call.busy) return;
    // Refuse what cannot be called here, before anything is sent.
    const typed = number.trim();
    if (typed === '') return refuse(t('errorEmptyNumber'));
    if (!parseDialable(typed, country)) return refuse(t('errorInvalidNumber', typed));
    void call.place(typed, 'dial-box');
  };

  return (
    <form class="stack dial" noValidate onSubmit={submit}>
      <Field
        id={ids.input}
        label={t('popupNumberToCall')}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        value={number}
        onInput={onInput}
        inputRef={input}
        invalid={invalid}
        hint={preview}
        hintId={ids.preview}
      />
      {children}
      <button type="submit" class="button button--primary dial__call" disabled={call.busy}>
        {t('popupCall')}
      </button>
      <CallStatus busy={call.busy} outcome={call.outcome} problem={call.problem} />
    </form>
  );
}

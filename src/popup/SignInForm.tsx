import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';
import type { SessionView } from '../shared/messages';
import type { AppError } from '../shared/result';
import { Field } from './Field';
import { useSingleFlight } from './hooks';

export interface SignInFormProps {
  client: Client;
  /** Prefill: the email of the session that just ended, if any. */
  email: string;
  /** Prefill: the last Client ID used, else the build's. */
  clientId: string;
  /** Why the user was signed out (e.g. the session expired). */
  notice?: AppError | undefined;
  onSignedIn: (session: SessionView) => void;
}

type FieldName = 'email' | 'password' | 'clientId';
const missingText: Record<FieldName, string> = {
  email: 'popupMissingEmail',
  password: 'popupMissingPassword',
  clientId: 'popupMissingClientId',
};

/** The sign-in form: Email, Password and Client ID, sent to the background's password grant. */
export function SignInForm({ client, notice, onSignedIn, ...prefill }: SignInFormProps) {
  const [values, setValues] = useState({
    email: prefill.email,
    password: '',
    clientId: prefill.clientId,
  });
  const [error, setError] = useState<{ message: string; field?: FieldName }>();
  const [showNotice, setShowNotice] = useState(true);
  const [busy, run] = useSingleFlight();
  const inputs = {
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    clientId: useRef<HTMLInputElement>(null),
  };
  const ids = { email: useId(), password: useId(), clientId: useId(), hint: useId() };

  const firstEmpty = (v: typeof values): FieldName | undefined =>
    (['email', 'password', 'clientId'] as const).find((name) => v[name].trim() === '');
  const focus = (name: FieldName | undefined) => name && inputs[name].current?.focus();

  // Focus the first empty field when the form appears; the user can start typing at once.
  useLayoutEffect(() => {
    focus(firstEmpty(values));
  }, []);

  const update = (name: FieldName) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    setValues((previous) => ({ ...previous, [name]: value }));
    if (error?.field === name) setError(undefined);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const missing = firstEmpty(values);
    if (missing) {
      setError({ message: t(missingText[missing]), field: missing });
      focus(missing);
      return;
    }
    void run(async () => {
      setError(undefined);
      setShowNotice(false);
      const email = values.email.trim();
      const clientId = values.clientId.trim();
      const reply = await client('signIn', { email, password: values.password, clientId });
      if (reply.ok) return onSignedIn(reply.value);
      // Keep what the user typed, except the password: it was probably the wrong part.
      setValues({ email, password: '', clientId });
      setError({ message: reply.error.message });
      focus(reply.error.code === 'unknown-client' ? 'clientId' : 'password');
    });
  };

  const common = (name: FieldName) => ({
    id: ids[name],
    inputRef: inputs[name],
    value: values[name],
    onInput: update(name),
    invalid: error?.field === name,
  });

  return (
    <form class="stack" noValidate onSubmit={submit} aria-busy={busy}>
      <h2>{t('popupSignInHeading')}</h2>
      {notice && showNotice && (
        <p role="alert" class="message message--warning">
          {notice.message}
        </p>
      )}
      <Field label={t('popupEmail')} type="email" autoComplete="username" {...common('email')} />
      <Field
        label={t('popupPassword')}
        type="password"
        autoComplete="current-password"
        {...common('password')}
      />
      <Field
        label={t('popupClientId')}
        type="text"
        autoComplete="off"
        hint={t('popupClientIdHint')}
        hintId={ids.hint}
        {...common('clientId')}
      />
      <ErrorMessage text={error?.message} />
      <button type="submit" class="button button--primary" disabled={busy}>
        {busy ? t('popupSigningIn') : t('popupSignIn')}
      </button>
    </form>
  );
}

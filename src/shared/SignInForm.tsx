import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Client } from './client';
import { ErrorMessage } from './ErrorMessage';
import { Field } from './Field';
import { t } from './i18n';
import type { SessionView } from './messages';
import type { AppError } from './result';
import { useSingleFlight } from './use-single-flight';

export interface SignInFormProps {
  client: Client;
  /** Prefill: the email of the session that just ended, if any. */
  email: string;
  /** Prefill: the organisation's or the build's Client ID, else the last one used. */
  clientId: string;
  /** The organisation or the build sets the Client ID: the form asks only for email and password. */
  clientIdFixed?: boolean;
  /** Why the user was signed out (e.g. the session expired). */
  notice?: AppError | undefined;
  onSignedIn: (session: SessionView) => void;
  /**
   * Focus the first empty field when the form appears (default), so the user can type at once.
   * The options page does so only after Sign out; on arrival, a screen reader starts at the top.
   */
  takeFocus?: boolean;
}

type FieldName = 'email' | 'password' | 'clientId';
const missingText: Record<FieldName, string> = {
  email: 'popupMissingEmail',
  password: 'popupMissingPassword',
  clientId: 'popupMissingClientId',
};

/**
 * The sign-in form: Email and Password (with Show password), sent to the background's password
 * grant. The Client ID, a developer credential, is asked for only when neither the organisation
 * nor the build sets it, and then under "Advanced" (open while it is empty). What the user typed
 * stays after a failed sign-in.
 */
export function SignInForm({
  client,
  notice,
  onSignedIn,
  clientIdFixed = false,
  takeFocus = true,
  ...prefill
}: SignInFormProps) {
  const [values, setValues] = useState({
    email: prefill.email,
    password: '',
    clientId: prefill.clientId,
  });
  const [error, setError] = useState<{ message: string; field?: FieldName }>();
  const [showNotice, setShowNotice] = useState(true);
  const [showPassword, setShowPassword] = useState(false);
  // Open while there is no Client ID to sign in with; the user may open or close it.
  const [advancedOpen, setAdvancedOpen] = useState(prefill.clientId.trim() === '');
  const [busy, run] = useSingleFlight();
  const inputs = {
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    clientId: useRef<HTMLInputElement>(null),
  };
  const ids = {
    email: useId(),
    password: useId(),
    clientId: useId(),
    hint: useId(),
    show: useId(),
  };
  const asked: readonly FieldName[] = clientIdFixed
    ? ['email', 'password']
    : ['email', 'password', 'clientId'];

  const firstEmpty = (v: typeof values): FieldName | undefined =>
    asked.find((name) => v[name].trim() === '');
  // Focus moves after the render that may open "Advanced", so a hidden field can take it.
  const [focusing, setFocusing] = useState<{ name: FieldName; select?: boolean }>();
  const focus = (name: FieldName | undefined, select = false) => {
    if (!name) return;
    if (name === 'clientId') setAdvancedOpen(true);
    setFocusing({ name, select });
  };
  useLayoutEffect(() => {
    if (!focusing) return;
    const input = inputs[focusing.name].current;
    input?.focus();
    if (focusing.select) input?.select();
  }, [focusing]);

  // Focus the first empty field when the form appears; the user can start typing at once.
  useLayoutEffect(() => {
    if (!takeFocus) return;
    const name = firstEmpty(values);
    if (name) inputs[name].current?.focus();
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
      // Everything typed stays: the user corrects the part that was wrong, nothing more.
      setValues({ email, password: values.password, clientId });
      setError({ message: reply.error.message });
      if (reply.error.code === 'unknown-client' && !clientIdFixed) focus('clientId');
      else focus('password', true);
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
      <div>
        <Field
          label={t('popupPassword')}
          type={showPassword ? 'text' : 'password'}
          autoComplete="current-password"
          {...common('password')}
        />
        <div class="check show-password">
          <input
            id={ids.show}
            type="checkbox"
            checked={showPassword}
            onChange={(event) => setShowPassword((event.currentTarget as HTMLInputElement).checked)}
          />
          <label for={ids.show}>{t('popupShowPassword')}</label>
        </div>
      </div>
      {!clientIdFixed && (
        <details
          class="advanced"
          open={advancedOpen}
          onToggle={(event) => setAdvancedOpen((event.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>{t('popupAdvanced')}</summary>
          <Field
            label={t('popupClientId')}
            type="text"
            autoComplete="off"
            hint={t('popupClientIdHint')}
            hintId={ids.hint}
            {...common('clientId')}
          />
        </details>
      )}
      <ErrorMessage text={error?.message} />
      <button type="submit" class="button button--primary" disabled={busy}>
        {busy ? t('popupSigningIn') : t('popupSignIn')}
      </button>
    </form>
  );
}

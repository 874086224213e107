import { useId } from 'preact/hooks';
import { callerIdChoice } from '../shared/caller-id';
import { t } from '../shared/i18n';
import { type AccountState, useAccount } from '../shared/use-account';
import { RingOnField } from './RingOnField';
import type { SectionProps } from './sections';

/** Errors that mean nobody is signed in: the page says where to sign in. */
const signedOutCodes: ReadonlySet<string> = new Set(['not-signed-in', 'session-expired']);

/** Calling: the default caller ID and the device that rings first, from the account. */
export function CallingSection({ client, settings, save }: SectionProps) {
  const account = useAccount(client);
  return (
    <div class="stack">
      <CallerIdField account={account} settings={settings} save={save} />
      <RingOnField account={account} settings={settings} save={save} />
    </div>
  );
}

type FieldProps = Pick<SectionProps, 'settings' | 'save'> & { account: AccountState };

/** The default caller ID, from the account's numbers (the popup's "Call from"). */
function CallerIdField({ account, settings, save }: FieldProps) {
  const ids = { select: useId(), hint: useId() };

  if (account.kind === 'loading') return <p class="muted">{t('optionsLoadingCallerIds')}</p>;
  if (account.kind === 'failed') {
    const signedOut = signedOutCodes.has(account.error.code);
    return (
      <p class={signedOut ? 'muted' : 'section-error'}>
        {signedOut ? t('optionsCallerIdSignedOut') : account.error.message}
      </p>
    );
  }
  const { callerIds, callerIdsError } = account.account;
  if (callerIds.length === 0) {
    return callerIdsError ? (
      <p class="section-error">{callerIdsError.message}</p>
    ) : (
      <p class="muted">{t('optionsNoCallerIds')}</p>
    );
  }
  // A saved number the account no longer has is not offered: the default shows instead.
  const chosen = callerIds.some((c) => c.e164 === settings.callerId) ? settings.callerId : '';
  return (
    <div class="field">
      <label for={ids.select}>{t('optionsCallerId')}</label>
      <select
        id={ids.select}
        value={chosen}
        aria-describedby={ids.hint}
        onChange={(event) => save({ callerId: (event.currentTarget as HTMLSelectElement).value })}
      >
        <option value="">{t('optionsCallerIdDefault')}</option>
        {callerIds.map((callerId) => (
          <option key={callerId.e164} value={callerId.e164}>
            {callerIdChoice(callerId)}
          </option>
        ))}
      </select>
      <p id={ids.hint} class="field__hint">
        {t('optionsCallerIdHint')}
      </p>
    </div>
  );
}

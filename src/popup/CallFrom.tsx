import { useId, useState } from 'preact/hooks';
import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';
import type { CallerId } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { callerIdChoice } from './number-text';

export interface CallFromProps {
  /** The account's caller-ID numbers; a choice shows when there is at least one. */
  callerIds: CallerId[];
  settings: Settings;
  /** Saves the choice (E.164, or '' for net2phone's default); rejects if it cannot. */
  onChoose: (callerId: string) => Promise<unknown>;
}

/**
 * "Call from": the number the called person will see, just above the Call button; remembered
 * in settings. net2phone does not say which number its default is, so that one is named as
 * "Your net2phone default number".
 */
export function CallFrom({ callerIds, settings, onChoose }: CallFromProps) {
  const id = useId();
  const [error, setError] = useState<string>();
  // A saved number the account no longer has is not offered: the default shows instead.
  const chosen = callerIds.some((c) => c.e164 === settings.callerId) ? settings.callerId : '';

  if (callerIds.length === 0) {
    return (
      <div class="call-from">
        <span class="call-from__label">{t('popupCallFrom')}</span>{' '}
        <span class="call-from__number">{t('popupCallerIdYourDefault')}</span>
      </div>
    );
  }

  const choose = async (event: Event) => {
    const value = (event.currentTarget as HTMLSelectElement).value;
    setError(undefined);
    try {
      await onChoose(value);
    } catch (cause) {
      setError(t('popupSaveFailed', String((cause as Error)?.message ?? cause)));
    }
  };

  return (
    <div class="call-from">
      <div class="inline-field">
        <label for={id}>{t('popupCallFrom')}</label>
        <select id={id} value={chosen} onChange={choose}>
          <option value="">{t('popupCallerIdYourDefault')}</option>
          {callerIds.map((callerId) => (
            <option key={callerId.e164} value={callerId.e164}>
              {callerIdChoice(callerId)}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage text={error} />
    </div>
  );
}

import { useId, useState } from 'preact/hooks';
import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';
import type { CallerId } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { callerIdChoice } from './number-text';

export interface CallFromProps {
  /** The account's caller-ID numbers; the picker shows only when there is a choice. */
  callerIds: CallerId[];
  settings: Settings;
  /** Saves the choice (E.164, or '' for net2phone's default); rejects if it cannot. */
  onChoose: (callerId: string) => Promise<unknown>;
}

/** "Call from": which of the user's numbers the called person sees; remembered in settings. */
export function CallFrom({ callerIds, settings, onChoose }: CallFromProps) {
  const id = useId();
  const [error, setError] = useState<string>();
  if (callerIds.length < 2) return null;
  // A saved number the account no longer has is not offered: the default shows instead.
  const chosen = callerIds.some((c) => c.e164 === settings.callerId) ? settings.callerId : '';

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
          <option value="">{t('popupCallerIdDefault')}</option>
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

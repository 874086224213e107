import { t } from '../shared/i18n';
import type { CallerId } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { callerIdChoice } from './number-text';
import { SettingChoice } from './SettingChoice';

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
  if (callerIds.length === 0) {
    return (
      <div class="call-from">
        <span class="call-from__label">{t('popupCallFrom')}</span>{' '}
        <span class="call-from__number">{t('popupCallerIdYourDefault')}</span>
      </div>
    );
  }
  // A saved number the account no longer has is not offered: the default shows instead.
  const chosen = callerIds.some((c) => c.e164 === settings.callerId) ? settings.callerId : '';
  return (
    <SettingChoice
      class="call-from"
      label={t('popupCallFrom')}
      value={chosen}
      defaultLabel={t('popupCallerIdYourDefault')}
      choices={callerIds.map((c) => ({ value: c.e164, label: callerIdChoice(c) }))}
      onChoose={onChoose}
    />
  );
}

import { useId } from 'preact/hooks';
import { chosenDevice, deviceChoice } from '../shared/device';
import { t } from '../shared/i18n';
import type { AccountState } from '../shared/use-account';
import type { SectionProps } from './sections';

export type RingOnFieldProps = Pick<SectionProps, 'settings' | 'save'> & { account: AccountState };

/**
 * "Ring on": the device that rings first by default (the popup's "Ring on" changes the same
 * setting); shown only when the account has more than one device.
 */
export function RingOnField({ account, settings, save }: RingOnFieldProps) {
  const ids = { select: useId(), hint: useId() };
  if (account.kind !== 'loaded' || account.account.devices.length < 2) return null;
  const { devices } = account.account;
  return (
    <div class="field">
      <label for={ids.select}>{t('ringOn')}</label>
      <select
        id={ids.select}
        value={chosenDevice(devices, settings.ringOn)}
        aria-describedby={ids.hint}
        onChange={(event) => save({ ringOn: (event.currentTarget as HTMLSelectElement).value })}
      >
        <option value="">{t('ringOnDefault')}</option>
        {devices.map((device) => (
          <option key={device.aor} value={device.aor}>
            {deviceChoice(device)}
          </option>
        ))}
      </select>
      <p id={ids.hint} class="field__hint">
        {t('optionsRingOnHint')}
      </p>
    </div>
  );
}

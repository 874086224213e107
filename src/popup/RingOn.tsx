import { useId, useState } from 'preact/hooks';
import { chosenDevice, deviceChoice } from '../shared/device';
import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';
import type { Device } from '../shared/messages';
import type { Settings } from '../shared/settings';

export interface RingOnProps {
  /** The account's devices; the picker shows only when there is a choice. */
  devices: Device[];
  settings: Settings;
  /** Saves the choice (the device's AOR, or '' for net2phone's default); rejects if it cannot. */
  onChoose: (ringOn: string) => Promise<unknown>;
}

/** "Ring on": which of the user's devices rings first when they call; remembered in settings. */
export function RingOn({ devices, settings, onChoose }: RingOnProps) {
  const id = useId();
  const [error, setError] = useState<string>();
  if (devices.length < 2) return null;

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
    <div class="ring-on">
      <div class="inline-field">
        <label for={id}>{t('ringOn')}</label>
        {/* A saved device the account no longer lists is not offered: the default shows. */}
        <select id={id} value={chosenDevice(devices, settings.ringOn)} onChange={choose}>
          <option value="">{t('ringOnDefault')}</option>
          {devices.map((device) => (
            <option key={device.aor} value={device.aor}>
              {deviceChoice(device)}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage text={error} />
    </div>
  );
}

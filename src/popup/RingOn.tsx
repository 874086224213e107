import { chosenDevice, deviceChoice } from '../shared/device';
import { t } from '../shared/i18n';
import type { Device } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { SettingChoice } from './SettingChoice';

export interface RingOnProps {
  /** The account's devices; the picker shows only when there is a choice. */
  devices: Device[];
  settings: Settings;
  /** Saves the choice (the device's AOR, or '' for net2phone's default); rejects if it cannot. */
  onChoose: (ringOn: string) => Promise<unknown>;
}

/** "Ring on": which of the user's devices rings first when they call; remembered in settings. */
export function RingOn({ devices, settings, onChoose }: RingOnProps) {
  if (devices.length < 2) return null;
  return (
    <SettingChoice
      class="ring-on"
      label={t('ringOn')}
      // A saved device the account no longer lists is not offered: the default shows.
      value={chosenDevice(devices, settings.ringOn)}
      defaultLabel={t('ringOnDefault')}
      choices={devices.map((device) => ({ value: device.aor, label: deviceChoice(device) }))}
      onChoose={onChoose}
    />
  );
}

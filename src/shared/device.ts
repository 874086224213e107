import { t } from './i18n';
import type { Device } from './messages';

/** "Ext. 101 · Polycom VVX 450", as a choice in the popup's and the options' "Ring on". */
export function deviceChoice(device: Device): string {
  const ext = t('popupDevice', device.user);
  return device.model ? t('callerIdChoice', [ext, device.model]) : ext;
}

/** The saved device if the account still lists it, else '' (net2phone's default). */
export function chosenDevice(devices: readonly Device[], saved: string): string {
  return devices.some((d) => d.aor === saved) ? saved : '';
}

import type { SettingsService } from '../shared/settings-store';

export { type SettingsService, storageSettings } from '../shared/settings-store';

/** What the options page needs from the browser besides the background (fakes in tests). */
export interface OptionsServices {
  settings: SettingsService;
}

import { useCallback, useEffect, useState } from 'preact/hooks';
import { NO_POLICY } from '../shared/managed';
import { type Settings, validateSettings } from '../shared/settings';
import type { SettingsState } from '../shared/settings-store';
import type { SettingsService } from './services';

/**
 * The settings in effect and the organisation's policy, kept current when any page (the options,
 * another popup, the background) or an administrator changes them; `undefined` until loaded.
 * Unreadable storage leaves the defaults.
 */
export function useSettings(service: SettingsService) {
  const [state, setState] = useState<SettingsState>();

  useEffect(() => {
    let live = true;
    const stop = service.subscribe((next) => {
      if (live) setState(next);
    });
    void service.load().then(
      // A change heard while loading is newer than what was loaded.
      (loaded) => live && setState((previous) => previous ?? loaded),
      () =>
        live &&
        setState(
          (previous) => previous ?? { settings: validateSettings(undefined), policy: NO_POLICY },
        ),
    );
    return () => {
      live = false;
      stop();
    };
  }, [service]);

  /** Saves a change; what is then in effect is shown at once. Rejects if storage does. */
  const update = useCallback(
    async (change: Partial<Settings>) => {
      const next = await service.update(change);
      setState(next);
      return next.settings;
    },
    [service],
  );

  return { settings: state?.settings, policy: state?.policy, update };
}

export type UpdateSettings = ReturnType<typeof useSettings>['update'];

import { useCallback, useEffect, useState } from 'preact/hooks';
import { type Settings, validateSettings } from '../shared/settings';
import type { SettingsService } from './services';

/**
 * The stored settings, kept current when any page (the options, another popup, the background)
 * changes them; `undefined` until loaded. Unreadable storage leaves the defaults.
 */
export function useSettings(service: SettingsService) {
  const [settings, setSettings] = useState<Settings>();

  useEffect(() => {
    let live = true;
    const stop = service.subscribe((next) => {
      if (live) setSettings(next);
    });
    void service.load().then(
      // A change heard while loading is newer than what was loaded.
      (loaded) => live && setSettings((previous) => previous ?? loaded),
      () => live && setSettings((previous) => previous ?? validateSettings(undefined)),
    );
    return () => {
      live = false;
      stop();
    };
  }, [service]);

  /** Saves a change; the stored (validated) result is shown at once. Rejects if storage does. */
  const update = useCallback(
    async (change: Partial<Settings>) => {
      const next = await service.update(change);
      setSettings(next);
      return next;
    },
    [service],
  );

  return { settings, update };
}

export type UpdateSettings = ReturnType<typeof useSettings>['update'];

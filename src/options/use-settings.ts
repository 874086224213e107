import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { NO_POLICY } from '../shared/managed';
import { type Settings, validateSettings } from '../shared/settings';
import type { SettingsState } from '../shared/settings-store';
import type { SettingsService } from './services';

/** How long "Saved" stays up after a change. */
export const SAVED_MS = 2_000;

const messageOf = (cause: unknown) =>
  cause instanceof Error ? cause.message : String(cause ?? '');

/**
 * The settings on the options page: loaded (repaired) once with the organisation's policy, kept
 * current when the popup, the background or an administrator changes them, and saved on every
 * change with a brief "Saved" or why not.
 */
export function useSettings(service: SettingsService) {
  const [state, setState] = useState<SettingsState>();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    let live = true;
    const stop = service.subscribe((next) => {
      if (live) setState(next);
    });
    void service.load().then(
      // A change heard while loading is newer than what was loaded.
      (loaded) => live && setState((previous) => previous ?? loaded),
      (cause: unknown) => {
        if (!live) return;
        setState(
          (previous) => previous ?? { settings: validateSettings(undefined), policy: NO_POLICY },
        );
        setError(t('optionsLoadFailed', messageOf(cause)));
      },
    );
    return () => {
      live = false;
      stop();
      clearTimeout(timer.current);
    };
  }, [service]);

  /** Saves a change (validated on the way); resolves to whether it was stored. */
  const save = useCallback(
    async (change: Partial<Settings>): Promise<boolean> => {
      clearTimeout(timer.current);
      setSaved(false);
      try {
        setState(await service.update(change));
      } catch (cause) {
        setError(t('optionsSaveFailed', messageOf(cause)));
        return false;
      }
      setError(undefined);
      setSaved(true);
      timer.current = setTimeout(() => setSaved(false), SAVED_MS);
      return true;
    },
    [service],
  );

  return { settings: state?.settings, policy: state?.policy, save, saved, error };
}

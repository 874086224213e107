import { useCallback, useRef, useState } from 'preact/hooks';

/**
 * One async action at a time: starting another while one is in flight does nothing, even
 * before the disabled button re-renders (a double click sends one request).
 */
export function useSingleFlight(): [boolean, (action: () => Promise<void>) => Promise<void>] {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (action: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await action();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return [busy, run];
}

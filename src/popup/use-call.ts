import { useCallback, useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import type { CallOutcome, CallSource } from '../shared/messages';
import { useSingleFlight } from './hooks';

/**
 * One call at a time from a part of the popup: what is in flight, what net2phone accepted,
 * or what went wrong. `onAttempt` runs after every request (Recent calls then refreshes).
 */
export function useCall(client: Client, onAttempt?: () => void) {
  const [outcome, setOutcome] = useState<CallOutcome>();
  const [error, setError] = useState<string>();
  const [busy, run] = useSingleFlight();

  const place = useCallback(
    (number: string, source: CallSource) =>
      run(async () => {
        setOutcome(undefined);
        setError(undefined);
        const reply = await client('placeCall', { number, source });
        if (reply.ok) setOutcome(reply.value);
        else setError(reply.error.message);
        onAttempt?.();
      }),
    [client, onAttempt, run],
  );

  /** Show a problem found before sending anything (e.g. not a number). */
  const refuse = useCallback((message: string | undefined) => {
    setOutcome(undefined);
    setError(message);
  }, []);

  return { busy, outcome, error, place, refuse };
}

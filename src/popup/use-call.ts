import { useCallback, useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import type { CallOutcome, CallSource } from '../shared/messages';
import type { AppError } from '../shared/result';
import { useSingleFlight } from '../shared/use-single-flight';

/** Why a call did not go through: net2phone's or the network's answer, or a refusal here. */
export type CallProblem = Pick<AppError, 'message'> & Partial<Pick<AppError, 'code' | 'detail'>>;

/**
 * One call at a time from a part of the popup: what is in flight, what net2phone accepted,
 * or what went wrong (not placed, or status unknown: `code` 'call-uncertain').
 * `onAttempt` runs after every request (Recent calls then refreshes).
 */
export function useCall(client: Client, onAttempt?: () => void) {
  const [outcome, setOutcome] = useState<CallOutcome>();
  const [problem, setProblem] = useState<CallProblem>();
  const [busy, run] = useSingleFlight();

  const place = useCallback(
    (number: string, source: CallSource) =>
      run(async () => {
        setOutcome(undefined);
        setProblem(undefined);
        const reply = await client('placeCall', { number, source });
        if (reply.ok) setOutcome(reply.value);
        else setProblem(reply.error);
        onAttempt?.();
      }),
    [client, onAttempt, run],
  );

  /** Show a problem found before sending anything (e.g. not a number). */
  const refuse = useCallback((message: string | undefined) => {
    setOutcome(undefined);
    setProblem(message ? { message } : undefined);
  }, []);

  return { busy, outcome, problem, place, refuse };
}

import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import type { ConfirmReason } from '../shared/high-cost';
import { t } from '../shared/i18n';
import type { CallOutcome, ConfirmationView } from '../shared/messages';
import type { AppError } from '../shared/result';

/** Clicks and keys on the buttons this soon after the window shows are not a choice (issue 10). */
export const ARM_DELAY_MS = 500;
/** While the user decides, ask now and then, which keeps the background awake (MV3). */
const KEEP_AWAKE_MS = 20_000;

const REASON_TEXT: Record<ConfirmReason, string> = {
  premium: 'confirmReasonPremium',
  sharedCost: 'confirmReasonSharedCost',
  satellite: 'confirmReasonSatellite',
  northAmerica: 'confirmReasonNorthAmerica',
  tollFraud: 'confirmReasonTollFraud',
  unseen: 'confirmReasonUnseen',
  afterUnknown: 'confirmReasonAfterUnknown',
};

type State =
  | { step: 'loading' }
  | { step: 'asking'; view: ConfirmationView }
  | { step: 'calling'; view: ConfirmationView }
  | { step: 'done'; view: ConfirmationView; outcome: CallOutcome }
  | { step: 'failed'; view: ConfirmationView; error: AppError }
  | { step: 'expired'; error: AppError };

export interface ConfirmProps {
  id: string;
  client: Client;
  close: () => void;
  now?: () => number;
}

/** "Confirm this call": the number, where it rings, why we ask, and Call or Cancel. */
export function Confirm({ id, client, close, now = Date.now }: ConfirmProps) {
  const [state, setState] = useState<State>({ step: 'loading' });
  const shownAt = useRef(Number.POSITIVE_INFINITY);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let stopped = false;
    const ask = async (first: boolean) => {
      const reply = await client('getConfirmation', { id });
      if (stopped || !first) return;
      setState(
        reply.ok ? { step: 'asking', view: reply.value } : { step: 'expired', error: reply.error },
      );
    };
    void ask(true);
    const timer = setInterval(() => void ask(false), KEEP_AWAKE_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [client, id]);

  useLayoutEffect(() => {
    if (state.step !== 'asking' || shownAt.current !== Number.POSITIVE_INFINITY) return;
    shownAt.current = now();
    // Cancel first: a stray Enter never places a call.
    cancel.current?.focus();
  }, [state.step, now]);

  const armed = () => now() - shownAt.current >= ARM_DELAY_MS;

  async function onCall() {
    if (state.step !== 'asking' || !armed()) return;
    const { view } = state;
    setState({ step: 'calling', view });
    const reply = await client('answerConfirmation', { id, call: true });
    if (reply.ok && reply.value) setState({ step: 'done', view, outcome: reply.value });
    else if (!reply.ok) setState({ step: 'failed', view, error: reply.error });
  }

  async function onCancel() {
    if (state.step === 'asking' && !armed()) return;
    if (state.step === 'asking') await client('answerConfirmation', { id, call: false });
    close();
  }

  if (state.step === 'loading') return <main aria-busy="true" />;
  if (state.step === 'expired') {
    return (
      <main>
        <h1>{t('confirmTitle')}</h1>
        <p class="message message--error" role="alert">
          {state.error.message}
        </p>
        <div class="confirm__actions">
          <button type="button" class="button" onClick={close}>
            {t('confirmClose')}
          </button>
        </div>
      </main>
    );
  }

  const { view } = state;
  const number = view.ext ? t('popupNumberWithExt', [view.display, view.ext]) : view.display;
  return (
    <main>
      <h1>{t('confirmTitle')}</h1>
      <p class="confirm__number">{number}</p>
      <p class="confirm__place">{t('confirmPlace', view.place)}</p>
      <p>{t('confirmWhy')}</p>
      <ul class="confirm__reasons">
        {view.reasons.map((reason) => (
          <li key={reason}>{t(REASON_TEXT[reason])}</li>
        ))}
      </ul>
      <p
        aria-live="polite"
        class={statusClass(state)}
        role={state.step === 'failed' ? 'alert' : 'status'}
      >
        {state.step === 'calling'
          ? t('cardCalling')
          : state.step === 'done'
            ? t('callPlaced')
            : state.step === 'failed'
              ? withDetail(state.error)
              : t('confirmOnlyIfMeant')}
      </p>
      <div class="confirm__actions">
        {state.step === 'asking' || state.step === 'calling' ? (
          <>
            <button
              ref={cancel}
              type="button"
              class="button"
              disabled={state.step === 'calling'}
              onClick={() => void onCancel()}
            >
              {t('confirmCancel')}
            </button>
            <button
              type="button"
              class="button button--primary"
              disabled={state.step === 'calling'}
              onClick={() => void onCall()}
            >
              {t('confirmCall')}
            </button>
          </>
        ) : (
          <button type="button" class="button" onClick={close}>
            {t('confirmClose')}
          </button>
        )}
      </div>
    </main>
  );
}

function statusClass(state: State): string {
  if (state.step === 'done') return 'message message--ok';
  if (state.step === 'failed') {
    // Status unknown is amber, not red: the call may have been placed.
    return state.error.code === 'call-uncertain'
      ? 'message message--warning'
      : 'message message--error';
  }
  return 'confirm__note';
}

/** The message, then what happened in net2phone's terms, as a detail. */
function withDetail(error: AppError): string {
  return error.detail ? `${error.message} (${error.detail})` : error.message;
}

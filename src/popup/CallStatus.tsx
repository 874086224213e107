import { t } from '../shared/i18n';
import type { CallOutcome } from '../shared/messages';
import { numberText } from './number-text';
import type { CallProblem } from './use-call';

export interface CallStatusProps {
  busy: boolean;
  outcome?: CallOutcome | undefined;
  /** Not placed (red), or status unknown (amber) when its code is 'call-uncertain'. */
  problem?: CallProblem | undefined;
}

/**
 * How a call is going, in the card's and the notification's words: "Placing the call…", then
 * placed (green), not placed with the reason (red), or status unknown (amber); net2phone's own
 * terms ("net2phone answered 503") only as a small detail.
 */
export function CallStatus({ busy, outcome, problem }: CallStatusProps) {
  return (
    <>
      {/* Always present, so screen readers announce what is put into it. */}
      <div role="status" class="message message--ok">
        {busy && t('popupPlacingCall')}
        {!busy && outcome && <CallPlaced outcome={outcome} />}
      </div>
      {!busy && problem && <CallProblemMessage problem={problem} />}
    </>
  );
}

/** What the user sees once net2phone accepted the call. */
function CallPlaced({ outcome }: { outcome: CallOutcome }) {
  return (
    <>
      <strong>{t('popupCalledNumber', numberText(outcome))}</strong> {t('callPlaced')}
      {outcome.ext && ` ${t('popupDialExtension', outcome.ext)}`}
    </>
  );
}

/** Not placed, or status unknown: announced at once, like any error. */
function CallProblemMessage({ problem }: { problem: CallProblem }) {
  const unknown = problem.code === 'call-uncertain';
  return (
    <p role="alert" class={`message ${unknown ? 'message--warning' : 'message--error'}`}>
      {problem.message}
      {problem.detail && <small class="message__detail">{problem.detail}</small>}
    </p>
  );
}

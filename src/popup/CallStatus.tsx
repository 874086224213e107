import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';
import type { CallOutcome } from '../shared/messages';
import { numberText } from './number-text';

export interface CallStatusProps {
  busy: boolean;
  outcome?: CallOutcome | undefined;
  error?: string | undefined;
}

/** How a call is going: "Placing the call…", then the number and "your phone will ring first". */
export function CallStatus({ busy, outcome, error }: CallStatusProps) {
  return (
    <>
      {/* Always present, so screen readers announce what is put into it. */}
      <div role="status" class="message message--ok">
        {busy && t('popupPlacingCall')}
        {!busy && outcome && <CallPlaced outcome={outcome} />}
      </div>
      <ErrorMessage text={error} />
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

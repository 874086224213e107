import { useId, useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import { t } from '../shared/i18n';
import type { CallRecord } from '../shared/messages';
import type { AppError } from '../shared/result';
import { CallStatus } from './CallStatus';
import { fullTime, redialNumber, whenText, whereFrom } from './call-record';
import { useSingleFlight } from './hooks';
import { numberText } from './number-text';
import { useCall } from './use-call';
import type { HistoryState } from './use-history';

/** How many calls show before "Show all". */
export const FEW_CALLS = 5;

export interface RecentCallsProps {
  client: Client;
  history: HistoryState;
  /** After a redial request (the list then refreshes). */
  onAttempt: () => void;
  /** Forgets every recent call; resolves to the error to show, if any. */
  onClear: () => Promise<AppError | undefined>;
}

/** "Recent calls": the last calls from this browser, each with a redial button; Clear history. */
export function RecentCalls({ client, history, onAttempt, onClear }: RecentCallsProps) {
  const headingId = useId();
  const call = useCall(client, onAttempt);
  const [showAll, setShowAll] = useState(false);
  const [clearError, setClearError] = useState<string>();
  const [clearing, runClear] = useSingleFlight();
  const calls = history.kind === 'loaded' ? history.calls : [];
  const shown = showAll ? calls : calls.slice(0, FEW_CALLS);
  const now = Date.now();

  const clear = () =>
    runClear(async () => {
      setClearError(undefined);
      setShowAll(false);
      setClearError((await onClear())?.message);
    });

  return (
    <section class="recent" aria-labelledby={headingId} aria-busy={history.kind === 'loading'}>
      <div class="section-head">
        <h2 id={headingId}>{t('popupRecentCalls')}</h2>
        {calls.length > 0 && (
          <button type="button" class="button button--quiet" disabled={clearing} onClick={clear}>
            {t('popupClearHistory')}
          </button>
        )}
      </div>
      <CallStatus busy={call.busy} outcome={call.outcome} error={call.error ?? clearError} />
      {history.kind === 'failed' && <p class="section-error">{history.error.message}</p>}
      {history.kind === 'loaded' && calls.length === 0 && (
        <p class="muted">{t('popupNoRecentCalls')}</p>
      )}
      {shown.length > 0 && (
        <ul class={`list calls${showAll ? ' calls--all' : ''}`}>
          {shown.map((record) => (
            <CallItem
              key={record.id}
              record={record}
              now={now}
              busy={call.busy}
              onRedial={() => void call.place(redialNumber(record), 'history')}
            />
          ))}
        </ul>
      )}
      {calls.length > FEW_CALLS && (
        <button
          type="button"
          class="button button--link"
          aria-expanded={showAll}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll ? t('popupShowFewerCalls') : t('popupShowAllCalls', String(calls.length))}
        </button>
      )}
    </section>
  );
}

interface CallItemProps {
  record: CallRecord;
  now: number;
  busy: boolean;
  onRedial: () => void;
}

/** One recent call: the number, where and when it came from, how it went, and "Call" again. */
function CallItem({ record, now, busy, onRedial }: CallItemProps) {
  const number = numberText(record);
  const where = whereFrom(record);
  const outcome =
    record.outcome === 'placed'
      ? t('popupCallPlaced')
      : record.error
        ? t('popupCallFailedWith', record.error)
        : t('popupCallFailed');
  return (
    <li class="call">
      <div class="call__text">
        <span class="list__primary">{number}</span>
        <span class="list__secondary call__where" title={where}>
          {where}
        </span>
        <span class="list__secondary">
          <time dateTime={new Date(record.at).toISOString()} title={fullTime(record.at)}>
            {whenText(record.at, now)}
          </time>
          {' · '}
          <span class={record.outcome === 'failed' ? 'call__failed' : undefined}>{outcome}</span>
        </span>
      </div>
      <button
        type="button"
        class="button button--quiet"
        aria-label={t('popupCallAgain', number)}
        disabled={busy}
        onClick={onRedial}
      >
        {t('popupRedial')}
      </button>
    </li>
  );
}

import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import { t } from '../shared/i18n';
import type { CallRecord } from '../shared/messages';
import type { AppError } from '../shared/result';
import { useSingleFlight } from '../shared/use-single-flight';
import { CallStatus } from './CallStatus';
import { fullTime, pageText, redialNumber, whenText, whereFrom } from './call-record';
import { numberText } from './number-text';
import { useCall } from './use-call';
import type { HistoryState } from './use-history';

/** How many calls show before "Show all". */
export const FEW_CALLS = 2;

/** How long "Undo" stays after Clear history (longer while it has the keyboard focus). */
export const UNDO_MS = 10_000;

export interface RecentCallsProps {
  client: Client;
  history: HistoryState;
  /** After a redial request (the list then refreshes). */
  onAttempt: () => void;
  /** Forgets every recent call; resolves to the error to show, if any. */
  onClear: () => Promise<AppError | undefined>;
  /** Puts back what the last clear forgot; resolves to the error to show, if any. */
  onUndoClear: () => Promise<AppError | undefined>;
}

/**
 * "Recent calls": the last calls from this browser, one compact entry each (number, where from,
 * when, how it went; the reason behind "Why?"), a redial button; Clear history, with Undo.
 */
export function RecentCalls(props: RecentCallsProps) {
  const { client, history, onAttempt, onClear, onUndoClear } = props;
  const headingId = useId();
  const call = useCall(client, onAttempt);
  const [showAll, setShowAll] = useState(false);
  const [clearError, setClearError] = useState<string>();
  const [undoable, setUndoable] = useState(false);
  const [clearing, runClear] = useSingleFlight();
  const heading = useRef<HTMLHeadingElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef<'undo' | 'clear' | null>(null);
  const calls = history.kind === 'loaded' ? history.calls : [];
  const shown = showAll ? calls : calls.slice(0, FEW_CALLS);
  const now = Date.now();

  // Focus follows the action: Clear → its Undo; Undo → Clear history again (once enabled).
  useLayoutEffect(() => {
    const target = { undo: undoButton, clear: clearButton, none: null }[refocus.current ?? 'none'];
    if (target?.current && !target.current.disabled) {
      target.current.focus();
      refocus.current = null;
    }
  });

  // Undo goes after UNDO_MS, but not from under a keyboard user who is on it.
  useEffect(() => {
    if (!undoable) return;
    let timer: ReturnType<typeof setTimeout>;
    const expire = () => {
      if (undoButton.current && document.activeElement === undoButton.current) {
        timer = setTimeout(expire, UNDO_MS);
        return;
      }
      setUndoable(false);
    };
    timer = setTimeout(expire, UNDO_MS);
    return () => clearTimeout(timer);
  }, [undoable]);

  const clear = () =>
    runClear(async () => {
      setClearError(undefined);
      setShowAll(false);
      const error = await onClear();
      setClearError(error?.message);
      if (!error) {
        setUndoable(true);
        refocus.current = 'undo';
      }
    });

  const undo = () =>
    runClear(async () => {
      setClearError(undefined);
      const error = await onUndoClear();
      setUndoable(false);
      setClearError(error?.message);
      refocus.current = error ? null : 'clear';
      if (error) heading.current?.focus();
    });

  return (
    <section class="recent" aria-labelledby={headingId} aria-busy={history.kind === 'loading'}>
      <div class="section-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {t('popupRecentCalls')}
        </h2>
        {calls.length > 0 && (
          <button
            ref={clearButton}
            type="button"
            class="button button--quiet"
            disabled={clearing}
            onClick={clear}
          >
            {t('popupClearHistory')}
          </button>
        )}
      </div>
      <CallStatus
        busy={call.busy}
        outcome={call.outcome}
        problem={call.problem ?? (clearError ? { message: clearError } : undefined)}
      />
      {/* Always present, so "Recent calls cleared" is announced when it appears. */}
      <div role="status" class={undoable ? 'undo' : undefined}>
        {undoable && (
          <>
            <span>{t('popupHistoryCleared')}</span>
            <button
              ref={undoButton}
              type="button"
              class="button button--quiet"
              disabled={clearing}
              onClick={undo}
            >
              {t('popupUndo')}
            </button>
          </>
        )}
      </div>
      {history.kind === 'failed' && <p class="section-error">{history.error.message}</p>}
      {history.kind === 'loaded' && calls.length === 0 && !undoable && (
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

const outcomeWords = {
  placed: { icon: '✓', word: 'popupCallPlaced' },
  failed: { icon: '✕', word: 'popupCallNotPlaced' },
  unknown: { icon: '?', word: 'popupCallUnknown' },
} as const;

/**
 * One recent call on two short lines: the number; how it went · where from · when, with "Call" to
 * call it again. A call not placed, or whose status is unknown, tells why on demand: its outcome
 * is a disclosure button ("✕ Not placed ▾"), so the reason takes no room until asked for.
 */
function CallItem({ record, now, busy, onRedial }: CallItemProps) {
  const whyId = useId();
  const [open, setOpen] = useState(false);
  const number = numberText(record);
  const { icon, word } = outcomeWords[record.outcome] ?? outcomeWords.failed;
  const reason = record.outcome === 'placed' ? undefined : record.error;
  const outcome = (
    <>
      <span aria-hidden="true">{icon}</span> {t(word)}
    </>
  );
  return (
    <li class={`call call--${record.outcome}`}>
      <div class="call__line">
        <div class="call__text">
          <span class="list__primary">{number}</span>
          <span class="list__secondary">
            {reason ? (
              <button
                type="button"
                class="call__outcome call__why-button"
                aria-expanded={open}
                aria-controls={whyId}
                aria-label={t('popupWhyNumber', [t(word), number])}
                onClick={() => setOpen(!open)}
              >
                {outcome}
                <span class="call__chevron" aria-hidden="true" />
              </button>
            ) : (
              <span class="call__outcome">{outcome}</span>
            )}
            {' · '}
            <span title={pageText(record.page)}>{whereFrom(record)}</span>
            {' · '}
            <time dateTime={new Date(record.at).toISOString()} title={fullTime(record.at)}>
              {whenText(record.at, now)}
            </time>
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
      </div>
      {reason && (
        <p id={whyId} class="call__why" hidden={!open}>
          {reason}
          {record.detail && <small class="message__detail">{record.detail}</small>}
        </p>
      )}
    </li>
  );
}

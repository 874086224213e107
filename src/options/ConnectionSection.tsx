import { useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { ConnectionReport } from '../shared/messages';
import type { SectionProps } from './sections';

type Result = { kind: 'report'; report: ConnectionReport } | { kind: 'error'; message: string };

/** Connection: "Test connection" asks the background whether the user is signed in and net2phone answers. */
export function ConnectionSection({ client }: SectionProps) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>();
  const inFlight = useRef(false);

  const test = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setResult(undefined);
    try {
      const reply = await client('testConnection', {});
      setResult(
        reply.ok
          ? { kind: 'report', report: reply.value }
          : { kind: 'error', message: reply.error.message },
      );
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const good = result?.kind === 'report' && result.report.signedIn && result.report.reachable;
  const problem =
    result === undefined || good
      ? undefined
      : result.kind === 'error'
        ? result.message
        : result.report.message;
  // Signed out but net2phone answered: a thing to do, not a fault.
  const tone = result?.kind === 'report' && result.report.reachable ? 'warning' : 'error';
  return (
    <div class="stack">
      <p class="field__hint">{t('optionsConnectionHint')}</p>
      <div>
        <button type="button" class="button" disabled={busy} onClick={test}>
          {busy ? t('optionsTesting') : t('optionsTestConnection')}
        </button>
      </div>
      {/* Always present, so the answer is announced when it arrives. */}
      <p role="status" class="message message--ok">
        {good && result.report.message}
      </p>
      {problem && (
        <p role="alert" class={`message message--${tone}`}>
          {problem}
        </p>
      )}
    </div>
  );
}

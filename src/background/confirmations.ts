import { t } from '../shared/i18n';
import type { CallOutcome, ConfirmationView } from '../shared/messages';
import { fail, ok, type Result } from '../shared/result';
import type { Decision } from './calls';

/** Opens the confirmation window for `id`; its window id, to know when the user closes it. */
export type OpenWindow = (id: string) => Promise<number | undefined>;

interface Pending {
  view: ConfirmationView;
  windowId?: number;
  decide: (decision: Decision) => void;
}

/**
 * Calls waiting for the user's answer in the confirmation window, an extension page no web page
 * can reach, script or cover (issue 10). Closing the window is Cancel. The window is told the
 * call's outcome, since the popup that asked may have closed when the window took focus.
 */
export function createConfirmations(open: OpenWindow, closeWindow: (windowId: number) => void) {
  const pending = new Map<string, Pending>();

  function settle(id: string, decision: Decision): void {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    entry.decide(decision);
  }

  return {
    /** Opens the window and waits for Call or Cancel (or the window closing). */
    ask(view: ConfirmationView): Promise<Decision> {
      const id = crypto.randomUUID();
      return new Promise<Decision>((resolve) => {
        const entry: Pending = { view, decide: resolve };
        pending.set(id, entry);
        open(id).then(
          (windowId) => {
            if (windowId === undefined) return;
            if (pending.has(id)) entry.windowId = windowId;
            else closeWindow(windowId); // answered already (never in practice): tidy up
          },
          (cause) => {
            console.warn('net2phone: the confirmation window did not open', cause);
            settle(id, { go: false });
          },
        );
      });
    },

    view(id: string): Result<ConfirmationView> {
      const entry = pending.get(id);
      return entry ? ok(entry.view) : fail('expired', t('confirmExpired'));
    },

    /** Call: the request goes out and the window gets its outcome; Cancel: nothing is sent. */
    answer(id: string, call: boolean): Promise<Result<CallOutcome | null>> {
      if (!pending.has(id)) return Promise.resolve(fail('expired', t('confirmExpired')));
      if (!call) {
        settle(id, { go: false });
        return Promise.resolve(ok(null));
      }
      return new Promise((resolve) => {
        settle(id, { go: true, report: (result) => resolve(result) });
      });
    },

    /** The user closed a window: its call, if still waiting, is cancelled. */
    windowClosed(windowId: number): void {
      for (const [id, entry] of pending) {
        if (entry.windowId === windowId) settle(id, { go: false });
      }
    },
  };
}

export type Confirmations = ReturnType<typeof createConfirmations>;

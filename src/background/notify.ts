import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import type { CallOutcome } from '../shared/messages';
import type { Result } from '../shared/result';

/** A system notification; one that the OS blocks is only logged (the UI still says why). */
export async function notify(title: string, message: string): Promise<void> {
  try {
    await browser.notifications.create({
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title,
      message,
    });
  } catch (cause) {
    console.warn('net2phone: notification failed', cause, title, message);
  }
}

/** Tell the user how a call they started outside the popup went (menu, keyboard, address bar). */
export async function notifyCallResult(result: Result<CallOutcome>): Promise<void> {
  // The user said Cancel in the confirmation window a moment ago: nothing to tell.
  if (!result.ok && result.error.code === 'cancelled') return;
  if (result.ok) {
    await notify(t('notifyCallingTitle', result.value.display), t('callPlaced'));
    return;
  }
  const { code, message, detail } = result.error;
  const title = t(code === 'call-uncertain' ? 'notifyUnknownTitle' : 'notifyFailedTitle');
  await notify(title, detail ? `${message} (${detail})` : message);
}

import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import type { CallOutcome } from '../shared/messages';
import type { Result } from '../shared/result';

/** Tell the user how a call they started outside the popup went (menu, later keyboard). */
export async function notifyCallResult(result: Result<CallOutcome>): Promise<void> {
  const title = result.ok ? t('notifyCallingTitle', result.value.display) : t('notifyFailedTitle');
  const message = result.ok ? t('callPlaced') : result.error.message;
  try {
    await browser.notifications.create({
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title,
      message,
    });
  } catch (cause) {
    // Notifications can be blocked at the OS level; the outcome is still logged here.
    console.warn('net2phone: notification failed', cause, title, message);
  }
}

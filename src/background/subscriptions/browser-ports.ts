import { browser } from '../../shared/browser';
import type { AlarmPort } from './renewal';

/** `browser.alarms` as renewal uses it. */
export const browserAlarms: AlarmPort = {
  create: (name, when) => browser.alarms.create(name, { when }),
  clear: (name) => browser.alarms.clear(name),
  all: () => browser.alarms.getAll(),
};

/** A webhook renewal failed or its subscription vanished: tell the user (style of notify.ts). */
export async function notifyWebhook(title: string, message: string): Promise<void> {
  try {
    await browser.notifications.create({
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title,
      message,
    });
  } catch (cause) {
    // Notifications can be blocked at the OS level; the entry in the options page still says why.
    console.warn('net2phone: notification failed', cause, title, message);
  }
}

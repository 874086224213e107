import { browser } from '../../shared/browser';
import { notify } from '../notify';
import type { AlarmPort } from './renewal';

/** `browser.alarms` as renewal uses it. */
export const browserAlarms: AlarmPort = {
  create: (name, when) => browser.alarms.create(name, { when }),
  clear: (name) => browser.alarms.clear(name),
  all: () => browser.alarms.getAll(),
};

/** A webhook renewal failed or its subscription vanished: tell the user. */
export const notifyWebhook = notify;

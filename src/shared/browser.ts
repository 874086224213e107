/**
 * The one browser seam: everything takes the extension API from here, so tests can swap it.
 *
 * It is the browser's own API, not webextension-polyfill: in Firefox `browser` and in Chrome
 * (MV3) `chrome` return promises for every call we make, and the content script, which every
 * frame of every page evaluates, should not carry a 6.6 KB wrapper it does not need (issue 4's
 * empty-page cost). The one place the browsers differ for us, a message listener answering with
 * a promise, goes through the polyfill in `background/message-listener.ts`.
 */
import type { Browser } from 'webextension-polyfill';

export type { Alarms, Menus, Runtime, Storage, Tabs } from 'webextension-polyfill';

const scope = globalThis as { browser?: Browser; chrome?: Browser };

export const browser = (scope.browser ?? scope.chrome) as Browser;

/**
 * The one browser seam: the only module that imports webextension-polyfill.
 * Everything else takes what it needs from here, so tests can swap it.
 */
import browser from 'webextension-polyfill';

export type { Alarms, Menus, Runtime, Storage, Tabs } from 'webextension-polyfill';
export { browser };

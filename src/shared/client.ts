import { browser } from './browser';
import type { MessageName, Payload, Reply } from './messages';

/**
 * The typed way for our pages (popup, options) and the content script to ask the
 * background for something. Components take a `Client` so tests can fake it.
 */
export type Client = <K extends MessageName>(type: K, payload: Payload<K>) => Promise<Reply<K>>;

export const sendMessage: Client = async (type, payload) => {
  try {
    return (await browser.runtime.sendMessage({ type, payload })) as Reply<typeof type>;
  } catch {
    // The background could not be reached (reloading, updating): say so, as data.
    return {
      ok: false,
      error: { code: 'bad-response', message: browser.i18n.getMessage('errorNoBackground') },
    } as Reply<typeof type>;
  }
};

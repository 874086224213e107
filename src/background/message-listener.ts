/**
 * Chrome's own `runtime.onMessage` cannot answer with a returned promise (Firefox's can); the
 * polyfill makes both do so. This is the only module that needs it: every other call is the same
 * in both browsers' own APIs (see shared/browser.ts), so only the background loads it.
 */
import polyfill from 'webextension-polyfill';
import type { Runtime } from '../shared/browser';

export function listenForMessages(
  answer: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown>,
): void {
  polyfill.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    answer(message, sender),
  );
}

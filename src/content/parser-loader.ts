import type { Client } from '../shared/client';
import { installedParser, type PageParser } from './parser-api';

let loading: Promise<PageParser | null> | null = null;

/** The parser for this frame, injected on first use; null when the background cannot. */
export function loadParser(send: Client): Promise<PageParser | null> {
  loading ??= (async () => {
    const ready = installedParser();
    if (ready) return ready;
    const reply = await send('loadParser', {});
    if (!reply.ok) {
      console.warn('net2phone: phone numbers cannot be marked here:', reply.error.message);
      loading = null;
      return null;
    }
    return installedParser();
  })();
  return loading;
}

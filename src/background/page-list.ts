import { parseDialable } from '../phone';
import { browser } from '../shared/browser';
import type { PageEntry, PageListItem } from '../shared/messages';

/**
 * The numbers each tab's frames have marked, for the popup's "On this page" (issue 11): kept
 * per tab and frame as the content scripts report them, forgotten when the tab loads a new
 * document or closes.
 */
export function createPageList() {
  const tabs = new Map<number, Map<number, PageEntry[]>>();

  browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') tabs.delete(tabId);
  });

  return {
    set(tabId: number, frameId: number, entries: PageEntry[]): void {
      const frames = tabs.get(tabId) ?? new Map<number, PageEntry[]>();
      frames.set(frameId, entries);
      tabs.set(tabId, frames);
    },

    /** The tab's numbers, top frame first, each number once (its first place on the page). */
    items(tabId: number): PageListItem[] {
      const frames = [...(tabs.get(tabId) ?? new Map<number, PageEntry[]>())].sort(
        ([a], [b]) => a - b,
      );
      const seen = new Set<string>();
      const items: PageListItem[] = [];
      for (const [frameId, entries] of frames) {
        for (const entry of entries) {
          const id = `${entry.e164};${entry.ext ?? ''}`;
          if (seen.has(id)) continue;
          seen.add(id);
          // An E.164 number reads the same from any country.
          const display = parseDialable(entry.e164, 'US')?.display ?? entry.e164;
          items.push({
            frameId,
            key: entry.key,
            display,
            link: entry.link,
            ...(entry.ext ? { ext: entry.ext } : {}),
            ...(entry.label ? { label: entry.label } : {}),
          });
        }
      }
      return items;
    },
  };
}

export type PageList = ReturnType<typeof createPageList>;

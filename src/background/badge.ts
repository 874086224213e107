import { browser } from '../shared/browser';

/**
 * The toolbar badge: how many numbers the current page has marked, summed over
 * its frames; nothing when there are none or detection is off for the site.
 */
export function createBadge() {
  const counts = new Map<number, Map<number, number>>();

  const show = (tabId: number) => {
    const total = [...(counts.get(tabId)?.values() ?? [])].reduce((a, b) => a + b, 0);
    const text = total === 0 ? '' : total > 999 ? '999+' : String(total);
    browser.action.setBadgeText({ tabId, text }).catch(() => {
      // The tab closed meanwhile.
    });
  };

  browser.tabs.onRemoved.addListener((tabId) => counts.delete(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document: its frames will report again.
    if (change.status === 'loading' && counts.has(tabId)) {
      counts.delete(tabId);
      show(tabId);
    }
  });
  void browser.action.setBadgeBackgroundColor({ color: '#0b57b0' });

  return {
    setCount(tabId: number, frameId: number, count: number) {
      const frames = counts.get(tabId) ?? new Map<number, number>();
      frames.set(frameId, count);
      counts.set(tabId, frames);
      show(tabId);
    },
  };
}

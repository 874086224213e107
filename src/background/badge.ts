import { browser } from '../shared/browser';
import { t } from '../shared/i18n';

/** What the badge shows while nobody is signed in, instead of a count. */
export const SIGNED_OUT_BADGE = '!';

/**
 * The toolbar badge: how many numbers the current page has marked, summed over
 * its frames; nothing when there are none or detection is off for the site; `!` on every tab
 * while nobody is signed in (the tooltip says to sign in).
 */
export function createBadge() {
  const counts = new Map<number, Map<number, number>>();
  let signedIn = true;

  const show = (tabId: number) => {
    const total = [...(counts.get(tabId)?.values() ?? [])].reduce((a, b) => a + b, 0);
    const count = total === 0 ? '' : total > 999 ? '999+' : String(total);
    const text = signedIn ? count : SIGNED_OUT_BADGE;
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
  void browser.action.setBadgeBackgroundColor({ color: '#e4650c' });

  return {
    /** Signed in: counts; signed out: the signed-out mark on every tab. */
    setSignedIn(now: boolean) {
      if (signedIn === now) return;
      signedIn = now;
      const text = now ? '' : SIGNED_OUT_BADGE;
      browser.action.setBadgeText({ text }).catch(() => undefined);
      browser.action
        .setTitle({ title: t(now ? 'actionTitle' : 'badgeSignedOut') })
        .catch(() => undefined);
      for (const tabId of counts.keys()) show(tabId);
    },
    setCount(tabId: number, frameId: number, count: number) {
      const frames = counts.get(tabId) ?? new Map<number, number>();
      frames.set(frameId, count);
      counts.set(tabId, frames);
      show(tabId);
    },
  };
}

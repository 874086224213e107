import { browser, type Menus } from '../shared/browser';
import { t } from '../shared/i18n';
import type { CallSource } from '../shared/messages';
import { numberFromTelUri } from '../shared/tel-uri';

export const MENU_ID = 'call-with-net2phone';

/** (Re)create the "Call with net2phone" item: on selected text and on tel:/callto: links. */
export async function createContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: t('menuCall'),
    contexts: ['selection', 'link'],
    // Applies to the link context only: plain http links do not get the item.
    targetUrlPatterns: ['tel:*', 'callto:*'],
  });
}

/** What a menu click asks to call: the link's number first, else the selection. */
export function menuTarget(
  info: Pick<Menus.OnClickData, 'menuItemId' | 'linkUrl' | 'selectionText'>,
): { number: string; source: CallSource } | null {
  if (info.menuItemId !== MENU_ID) return null;
  const fromLink = info.linkUrl ? numberFromTelUri(info.linkUrl) : null;
  if (fromLink) return { number: fromLink, source: 'link' };
  const selected = info.selectionText?.trim();
  return selected ? { number: selected, source: 'selection' } : null;
}

import { browser } from '../shared/browser';
import { SEEN_QUESTION, type SeenAnswer, type SeenQuestion } from '../shared/messages';

/**
 * Whether the user saw, on screen, the number a context-menu or keyboard-command call would dial
 * (issue 10): the content script of the frame answers (src/content/seen.ts) with the text it shows
 * and whether every character of it is rendered; `dialOf` must read the same number from it.
 * No answer (no content script there, a frame that went away) counts as not seen.
 */
export async function wasSeen(
  where: { tabId: number; frameId: number },
  kind: SeenQuestion['kind'],
  expectedDial: string,
  dialOf: (text: string) => string | null,
): Promise<boolean> {
  try {
    const question: SeenQuestion = { type: SEEN_QUESTION, kind };
    const answer = (await browser.tabs.sendMessage(where.tabId, question, {
      frameId: where.frameId,
    })) as Partial<SeenAnswer> | undefined;
    if (answer?.seen !== true || typeof answer.text !== 'string') return false;
    return dialOf(answer.text.slice(0, 500)) === expectedDial;
  } catch {
    return false;
  }
}

import { browser } from '../shared/browser';
import { SEEN_QUESTION, type SeenAnswer } from '../shared/messages';

/**
 * Answers the background's question before a call from the context menu or the keyboard command
 * (issue 10): was the selection, or the link the user right-clicked, on screen as it reads? The
 * background dials only what was seen; anything else goes to the confirmation window first.
 */
export function answerSeenQuestions(isRendered: (range: Range) => boolean): void {
  let rightClicked: Element | null = null;
  document.addEventListener(
    'contextmenu',
    (event) => {
      if (!event.isTrusted) return;
      const link = event
        .composedPath()
        .find((node): node is Element => node instanceof Element && node.matches('a[href]'));
      rightClicked = link ?? null;
    },
    { capture: true, passive: true },
  );

  function selectionAnswer(): SeenAnswer {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0) return { text: '', seen: false };
    const ranges = Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i));
    return { text: selection.toString(), seen: ranges.every((range) => isRendered(range)) };
  }

  function linkAnswer(): SeenAnswer {
    const link = rightClicked;
    if (!link?.isConnected) return { text: '', seen: false };
    const range = document.createRange();
    range.selectNodeContents(link);
    return { text: link.textContent ?? '', seen: isRendered(range) };
  }

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, kind } = message as { type?: unknown; kind?: unknown };
    if (type !== SEEN_QUESTION) return undefined;
    return Promise.resolve(kind === 'link' ? linkAnswer() : selectionAnswer());
  });
}

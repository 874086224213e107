import { numberFromTelUri } from '../shared/tel-uri';
import type { CallCard } from './card';
import type { Marks } from './marks';
import type { PageParser } from './parser-api';

export interface ClickOptions {
  marks: Marks;
  card: CallCard;
  enabled: () => boolean;
  handleTelLinks: () => boolean;
  defaultCountry: () => string;
  parser: () => Promise<PageParser | null>;
}

/** Clicks that belong to the page: links, buttons and form controls keep their behaviour. */
const INTERACTIVE =
  'a[href], button, input, select, textarea, label, summary, [role="button"], [role="link"], [contenteditable]';
const TEL_LINK = 'a[href^="tel:" i], a[href^="callto:" i]';

function closestInPath(event: Event, selector: string): Element | null {
  for (const node of event.composedPath()) {
    if ((node as Node).nodeType === 1 && (node as Element).matches(selector))
      return node as Element;
  }
  return null;
}

/**
 * One capture-phase listener for trusted clicks: a `tel:`/`callto:` link opens
 * the call card instead of the operating system's app picker; a marked number
 * opens the card. Nothing here ever places a call: only the card's button does.
 */
export function listenForClicks(options: ClickOptions): () => void {
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || event.button !== 0 || !options.enabled()) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const card = options.card.element;
    if (card && event.composedPath().includes(card)) return;

    const link = options.handleTelLinks() ? closestInPath(event, TEL_LINK) : null;
    const linked = link ? numberFromTelUri(link.getAttribute('href') ?? '') : null;
    if (link && linked) {
      event.preventDefault();
      void openForLink(link, linked);
      return;
    }
    if (closestInPath(event, INTERACTIVE)) return;
    // A click that ends a text selection is not a request for the card.
    if (document.getSelection()?.isCollapsed === false) return;
    const target = (event.composedPath()[0] as Node | undefined) ?? null;
    const mark = options.marks.at(event.clientX, event.clientY, target);
    if (!mark) return;
    void openForMark(mark);
  };

  async function openForMark(mark: { range: Range; e164: string; ext?: string }) {
    const parser = await options.parser();
    options.card.open({
      number: mark.ext ? `${mark.e164} x${mark.ext}` : mark.e164,
      display: parser?.display(mark.e164) ?? mark.e164,
      ...(mark.ext ? { ext: mark.ext } : {}),
      source: 'page',
      anchor: () => (mark.range.collapsed ? null : mark.range.getBoundingClientRect()),
    });
  }

  async function openForLink(link: Element, number: string) {
    const parser = await options.parser();
    const parsed = parser?.parse(number, options.defaultCountry()) ?? null;
    options.card.open({
      number,
      // Without the parser (background unreachable) the background still checks the number.
      display: parser ? (parsed?.display ?? null) : number,
      ...(parsed?.ext ? { ext: parsed.ext } : {}),
      source: 'link',
      anchor: () => (link.isConnected ? link.getBoundingClientRect() : null),
    });
  }

  document.addEventListener('click', onClick, true);
  return () => document.removeEventListener('click', onClick, true);
}

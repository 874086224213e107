import { t } from '../shared/i18n';
import type { ReadNumber } from '../shared/messages';
import type { Result } from '../shared/result';
import { numberFromTelUri } from '../shared/tel-uri';
import type { CallCard, CardTarget } from './card';
import { INTERACTIVE, type Mark, type Marks, TEL_LINK } from './marks';
import { isRendered } from './rendered';

export interface ClickOptions {
  marks: Marks;
  card: CallCard;
  enabled: () => boolean;
  handleTelLinks: () => boolean;
  /** The background's reading of a number (null: not callable), for the card. */
  read: (input: string) => Promise<Result<ReadNumber | null>>;
}

/** A click made with Enter or Space on a focused link (no pointer: `detail` is 0). */
/** When the user last pressed Enter or Space (a click that follows is the keyboard's). */
let lastActivationKeyAt = Number.NEGATIVE_INFINITY;
const KEY_CLICK_MS = 500;

/**
 * A click made with the keyboard (Enter on a link): Chromium says so with `detail` 0; Firefox may
 * not, so a trusted Enter or Space just before counts too.
 */
const byKeyboard = (event: MouseEvent) =>
  event.detail === 0 || event.timeStamp - lastActivationKeyAt < KEY_CLICK_MS;

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
export function listenForClicks(options: ClickOptions) {
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || event.button !== 0 || !options.enabled()) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const card = options.card.element;
    if (card && event.composedPath().includes(card)) return;

    const link = options.handleTelLinks() ? closestInPath(event, TEL_LINK) : null;
    const linked = link ? numberFromTelUri(link.getAttribute('href') ?? '') : null;
    if (link && linked) {
      event.preventDefault();
      void openForLink(link, linked, byKeyboard(event));
      return;
    }
    if (closestInPath(event, INTERACTIVE)) return;
    // A click that ends a text selection is not a request for the card.
    if (document.getSelection()?.isCollapsed === false) return;
    const target = (event.composedPath()[0] as Node | undefined) ?? null;
    const mark = options.marks.at(event.clientX, event.clientY, target);
    if (!mark) return;
    void openForMark(mark, byKeyboard(event));
  };

  async function openForMark(
    mark: { range: Range; e164: string; ext?: string },
    focusCall: boolean,
  ) {
    const number = mark.ext ? `${mark.e164} x${mark.ext}` : mark.e164;
    // The page may have hidden part of it since it was marked (a "1-900-" prefix, say).
    const shown = isRendered(mark.range);
    options.card.open(
      {
        ...(shown
          ? await reading(number)
          : { number, reading: { ok: false as const, reason: t('cardPartlyHidden') } }),
        source: 'page',
        anchor: () => (mark.range.collapsed ? null : mark.range.getBoundingClientRect()),
      },
      { focusCall },
    );
  }

  async function openForLink(link: Element, number: string, focusCall: boolean) {
    options.card.open(
      {
        ...(await reading(number)),
        source: 'link',
        anchor: () => (link.isConnected ? link.getBoundingClientRect() : null),
      },
      { focusCall },
    );
  }

  /** What the card shows: only what the parser read, never the page's own text (issue 9). */
  async function reading(number: string): Promise<Pick<CardTarget, 'number' | 'reading'>> {
    const reply = await options.read(number);
    if (!reply.ok) return { number, reading: { ok: false, reason: reply.error.message } };
    if (!reply.value) return { number, reading: { ok: false, reason: t('cardNotANumber') } };
    return { number, reading: { ok: true, ...reply.value } };
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isTrusted && (event.key === 'Enter' || event.key === ' ')) {
      lastActivationKeyAt = event.timeStamp;
    }
  };
  document.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('click', onClick, true);
  return {
    /** Opens the card on `mark` as a keyboard user asked for it (the popup's "On this page"). */
    openMark: (mark: Mark) => openForMark(mark, true),
    stop: () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('click', onClick, true);
    },
  };
}

import type { Client } from '../shared/client';
import { t } from '../shared/i18n';
import type { CallSource } from '../shared/messages';
import { CARD_CSS } from './card-style';

/** The background's reading of the number; the card shows nothing else of it. */
export type Reading =
  | { ok: true /** "+1 973-555-1212" */; display: string; ext?: string }
  | { ok: false /** Why there is nothing to call, for the user. */; reason: string };

/** What the card offers to call. */
export interface CardTarget {
  /** Sent to the background, which normalises it again (e.g. `+19735551212 x12`). */
  number: string;
  reading: Reading;
  source: CallSource;
  /** Where to show the card: the number's text or the link. */
  anchor: () => DOMRect | null;
}

const GAP = 6;
const MARGIN = 8;

/**
 * The on-page call card. Its host is attached to `<html>` only while open, with
 * its own shadow root (page CSS cannot reach it), and only a
 * trusted click on its button asks for a call (DESIGN rule 2).
 */
export class CallCard {
  private host: HTMLElement | null = null;
  private card: HTMLElement | null = null;
  private target: CardTarget | null = null;
  private busy = false;

  constructor(private readonly send: Client) {}

  get element(): Element | null {
    return this.host;
  }

  isOpen(): boolean {
    return this.host !== null;
  }

  open(target: CardTarget): void {
    this.close();
    this.target = target;
    const doc = document;
    const host = doc.createElement('net2phone-call-card');
    host.setAttribute('style', 'all: initial !important; position: fixed !important;');
    // Open, so assistive tech and tests can reach it; page scripts that click it get untrusted events.
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    const card = doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', t('cardTitle'));
    root.append(style, card);
    this.render(card, target);
    doc.documentElement.append(host);
    this.host = host;
    this.card = card;
    this.place(card);
    window.addEventListener('scroll', this.reposition, { capture: true, passive: true });
    window.addEventListener('resize', this.reposition, { passive: true });
    doc.addEventListener('keydown', this.onKey, true);
    doc.addEventListener('pointerdown', this.onOutside, true);
    card.querySelector<HTMLButtonElement>('button.call')?.focus({ preventScroll: true });
  }

  close(): void {
    if (!this.host) return;
    this.host.remove();
    this.host = null;
    this.card = null;
    this.target = null;
    this.busy = false;
    window.removeEventListener('scroll', this.reposition, { capture: true });
    window.removeEventListener('resize', this.reposition);
    document.removeEventListener('keydown', this.onKey, true);
    document.removeEventListener('pointerdown', this.onOutside, true);
  }

  private render(card: HTMLElement, target: CardTarget): void {
    const { reading } = target;
    const head = el('div', 'head');
    // Never the page's own text: what the parser read, or that it read nothing (issue 9).
    const number = el('span', 'number', reading.ok ? reading.display : t('cardUnreadable'));
    const close = el('button', 'close', '×');
    close.setAttribute('aria-label', t('cardClose'));
    close.addEventListener('click', (event) => {
      if (event.isTrusted) this.close();
    });
    head.append(number, close);
    card.append(head);
    const status = el('p', 'status');
    status.setAttribute('role', 'status');
    if (!reading.ok) {
      status.classList.add('error');
      status.setAttribute('role', 'alert');
      status.textContent = reading.reason;
      card.append(status);
      return;
    }
    if (reading.ext) card.append(el('span', 'ext', t('cardExtension', reading.ext)));
    const call = el('button', 'call', t('cardCall', reading.display)) as HTMLButtonElement;
    call.type = 'button';
    call.addEventListener('click', (event) => void this.call(event, call, status));
    card.append(call, status);
  }

  private async call(event: MouseEvent, button: HTMLButtonElement, status: HTMLElement) {
    // Page scripts can dispatch events but cannot make them trusted.
    if (!event.isTrusted || this.busy || !this.target) return;
    this.busy = true;
    button.disabled = true;
    status.className = 'status';
    status.textContent = t('cardCalling');
    const target = this.target;
    const reply = await this.send('placeCall', { number: target.number, source: target.source });
    if (this.target !== target) return; // closed meanwhile: the outcome went nowhere visible
    this.busy = false;
    if (reply.ok) {
      status.className = 'status ok';
      status.textContent = t('callPlaced');
      return;
    }
    button.disabled = false;
    status.className = 'status error';
    status.setAttribute('role', 'alert');
    status.textContent = reply.error.message;
    if (reply.error.code === 'not-signed-in' || reply.error.code === 'session-expired') {
      const signIn = el('button', 'signin', t('cardSignIn'));
      signIn.addEventListener('click', (e) => {
        if (e.isTrusted) void this.send('openSignIn', {});
      });
      this.card?.append(signIn);
    }
    if (this.card) this.place(this.card);
  }

  private place(card: HTMLElement): void {
    const rect = this.target?.anchor();
    if (!rect) return;
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    // The visual viewport: what the user sees. documentElement.clientHeight is the whole page's
    // height in quirks mode (no doctype), where the card then never flipped above a number
    // near the bottom and its Call button was cut off (issue 9).
    const view = visibleArea();
    let top = rect.bottom + GAP;
    if (top + height > view.bottom - MARGIN && rect.top - GAP - height >= view.top + MARGIN)
      top = rect.top - GAP - height;
    const left = Math.min(
      Math.max(rect.left, view.left + MARGIN),
      Math.max(view.left + MARGIN, view.right - width - MARGIN),
    );
    card.style.top = `${Math.max(view.top + MARGIN, Math.min(top, view.bottom - height - MARGIN))}px`;
    card.style.left = `${left}px`;
  }

  private readonly reposition = () => {
    if (this.card) this.place(this.card);
  };

  private readonly onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && event.isTrusted) this.close();
  };

  private readonly onOutside = (event: PointerEvent) => {
    if (this.host && !event.composedPath().includes(this.host)) this.close();
  };
}

/** The part of the layout viewport the user sees (pinch zoom moves it), in client coordinates. */
function visibleArea(): { top: number; left: number; bottom: number; right: number } {
  const vv = window.visualViewport;
  if (vv) {
    return {
      top: vv.offsetTop,
      left: vv.offsetLeft,
      bottom: vv.offsetTop + vv.height,
      right: vv.offsetLeft + vv.width,
    };
  }
  return { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

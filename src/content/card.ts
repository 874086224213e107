import type { Client } from '../shared/client';
import { t } from '../shared/i18n';
import type { CallSource } from '../shared/messages';
import { CardGuard, inTopLayerSupport, type Tampering } from './card-guard';
import { cardPosition, visibleArea } from './card-position';
import { CARD_CSS } from './card-style';

/** The attribute that names the card's host, a plain `<div>` on `<html>`. */
export const CARD_HOST_ATTRIBUTE = 'data-net2phone-call-card';

/** The background's reading of the number; the card shows nothing else of it. */
export type Reading =
  | {
      ok: true;
      /** "+1 973-555-1212" */
      display: string;
      ext?: string;
      /** Where it rings, when outside the user's own country ("Jamaica"). */
      place?: string;
      /** A call opens the confirmation window first (a high-cost destination). */
      confirm?: boolean;
      /** Nobody is signed in: "Sign in to call" instead of Call. */
      signedOut?: boolean;
    }
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

/** How the card was opened: by keyboard, Call takes focus; by mouse, it does not. */
export interface OpenOptions {
  focusCall: boolean;
}

/** Tell the user, outside the page, that the page interfered with the card. */
export type ReportTampering = (reason: Tampering) => void;

/**
 * The on-page call card. Its host is attached to `<html>` only while open, with a closed
 * shadow root (no page script can restyle or reword it), shown in the top layer (nothing of
 * the page's can cover it), and only a trusted click or key on its Call button, with the card
 * on top, unaltered and shown for ARM_DELAY_MS, asks for a call (DESIGN rule 2, issue 10).
 */
export class CallCard {
  private host: HTMLElement | null = null;
  private card: HTMLElement | null = null;
  private target: CardTarget | null = null;
  private busy = false;
  private guard: CardGuard | null = null;
  private at: { top: number; left: number } | null = null;
  private root: ShadowRoot | null = null;
  /** Where the focus was when the card opened, to go back there on Escape or Close. */
  private returnFocus: HTMLElement | null = null;

  constructor(
    private readonly send: Client,
    private readonly reportTampering: ReportTampering = () => {},
  ) {}

  get element(): Element | null {
    return this.host;
  }

  isOpen(): boolean {
    return this.host !== null;
  }

  open(target: CardTarget, options: OpenOptions = { focusCall: false }): void {
    this.close();
    this.target = target;
    const doc = document;
    const active = doc.activeElement;
    this.returnFocus = active instanceof HTMLElement && active !== doc.body ? active : null;
    // A plain <div>, never a custom element: a page may define any custom tag name, and a custom
    // element's ElementInternals hold its shadow root even when closed.
    const host = doc.createElement('div');
    host.setAttribute(CARD_HOST_ATTRIBUTE, '');
    // Inline and important: no page stylesheet, animation or transition outranks it.
    host.setAttribute('style', 'all: initial !important; position: fixed !important;');
    if (inTopLayerSupport()) host.setAttribute('popover', 'manual');
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    const card = doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-modal', 'true');
    card.setAttribute('aria-label', t('cardTitle'));
    card.addEventListener('keydown', this.trapTab);
    root.append(style, card);
    this.root = root;
    this.render(card, target);
    doc.documentElement.append(host);
    if (inTopLayerSupport()) host.showPopover();
    this.host = host;
    this.card = card;
    this.place(card);
    this.guard = new CardGuard({
      host,
      button: () => card.querySelector('button.call'),
      onTampered: (reason) => this.tampered(reason),
      onRemoved: () => this.close(),
    });
    window.addEventListener('scroll', this.reposition, { capture: true, passive: true });
    window.addEventListener('resize', this.reposition, { passive: true });
    doc.addEventListener('keydown', this.onKey, true);
    doc.addEventListener('pointerdown', this.onOutside, true);
    // A mouse user did not ask to be taken to Call: a stray Enter must not place a call. A
    // keyboard user gets the card's first action (their next Tab also leads there, see onKey).
    if (options.focusCall) this.focusFirst();
  }

  /** Closes the card; `restoreFocus` (Escape, Close) puts the focus back where it was. */
  close(restoreFocus = false): void {
    if (!this.host) return;
    const back = restoreFocus ? this.returnFocus : null;
    this.returnFocus = null;
    this.root = null;
    this.guard?.stop();
    this.guard = null;
    this.host.remove();
    this.host = null;
    this.card = null;
    this.target = null;
    this.at = null;
    this.busy = false;
    window.removeEventListener('scroll', this.reposition, { capture: true });
    window.removeEventListener('resize', this.reposition);
    document.removeEventListener('keydown', this.onKey, true);
    document.removeEventListener('pointerdown', this.onOutside, true);
    if (back?.isConnected) back.focus({ preventScroll: true });
  }

  /** The card's controls in order (Close, then its action). */
  private focusables(): HTMLElement[] {
    return [...(this.card?.querySelectorAll<HTMLElement>('button:not([disabled])') ?? [])];
  }

  /** Its main action (Call, Sign in to call), else Close. */
  private focusFirst(): void {
    const controls = this.focusables();
    (controls.find((c) => !c.classList.contains('close')) ?? controls[0])?.focus({
      preventScroll: true,
    });
  }

  /** Tab and Shift+Tab cycle inside the card while it is open (a dialog). */
  private readonly trapTab = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !this.root) return;
    const controls = this.focusables();
    if (controls.length === 0) return;
    event.preventDefault();
    const at = controls.indexOf(this.root.activeElement as HTMLElement);
    const next = event.shiftKey ? (at <= 0 ? controls.length : at) - 1 : (at + 1) % controls.length;
    controls[next]?.focus({ preventScroll: true });
  };

  /** The page interfered while the card was open: it closes, and the user is told why. */
  private tampered(reason: Tampering): void {
    this.close();
    this.reportTampering(reason);
  }

  private render(card: HTMLElement, target: CardTarget): void {
    const { reading } = target;
    const head = el('div', 'head');
    // Never the page's own text: what the parser read, or that it read nothing (issue 9).
    const number = el('span', 'number', reading.ok ? reading.display : t('cardUnreadable'));
    const close = el('button', 'close', '×');
    close.setAttribute('aria-label', t('cardClose'));
    close.addEventListener('click', (event) => {
      if (event.isTrusted) this.close(true);
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
    if (reading.place) card.append(el('span', 'place', t('confirmPlace', reading.place)));
    if (reading.signedOut) {
      // One action: nothing can be called until the user signs in.
      card.append(this.signInButton(), status);
      return;
    }
    if (reading.confirm) status.textContent = t('cardConfirmFirst');
    const call = el('button', 'call', t('cardCall', reading.display)) as HTMLButtonElement;
    call.type = 'button';
    call.addEventListener('click', (event) => void this.call(event, call, status));
    card.append(call, status);
  }

  private async call(event: MouseEvent, button: HTMLButtonElement, status: HTMLElement) {
    // Page scripts can dispatch events but cannot make them trusted.
    if (!event.isTrusted || this.busy || !this.target || !this.guard) return;
    if (!this.guard.armed) {
      status.className = 'status';
      status.textContent = t('cardTooSoon');
      return;
    }
    const tampering = this.guard.check(event);
    if (tampering) {
      button.remove();
      status.className = 'status error';
      status.setAttribute('role', 'alert');
      status.textContent = refusal(tampering);
      this.reportTampering(tampering);
      return;
    }
    this.busy = true;
    button.disabled = true;
    status.className = 'status';
    const target = this.target;
    const confirming = target.reading.ok && target.reading.confirm === true;
    status.textContent = t(confirming ? 'cardConfirming' : 'cardCalling');
    const reply = await this.send('placeCall', { number: target.number, source: target.source });
    if (this.target !== target) return; // closed meanwhile: the outcome went nowhere visible
    this.busy = false;
    if (reply.ok) {
      status.className = 'status ok';
      status.textContent = t('callPlaced');
      return;
    }
    button.disabled = false;
    const { code, message, detail } = reply.error;
    if (code === 'cancelled') {
      status.className = 'status';
      status.setAttribute('role', 'status');
      status.textContent = message;
      return;
    }
    status.className = code === 'call-uncertain' ? 'status unknown' : 'status error';
    status.setAttribute('role', 'alert');
    status.textContent = message;
    if (detail) status.append(el('span', 'detail', detail));
    if (code === 'call-uncertain') {
      // Not a big Call right under "check your phone": calling again asks first (background).
      button.classList.add('again');
      button.textContent = t('cardCallAgain');
    }
    if (code === 'not-signed-in' || code === 'session-expired') {
      button.replaceWith(this.signInButton());
    }
    if (this.card) this.place(this.card);
  }

  /** "Sign in to call": the card's one action while nobody is signed in. */
  private signInButton(): HTMLElement {
    const signIn = el('button', 'signin', t('cardSignInToCall'));
    signIn.addEventListener('click', (e) => {
      if (e.isTrusted) void this.send('openSignIn', {});
    });
    return signIn;
  }

  private place(card: HTMLElement): void {
    const rect = this.target?.anchor();
    if (!rect) return;
    const at = cardPosition(
      rect,
      { width: card.offsetWidth, height: card.offsetHeight },
      visibleArea(),
    );
    card.style.top = `${at.top}px`;
    card.style.left = `${at.left}px`;
    // A card that moved is a card the user has not seen there yet.
    if (this.at && (this.at.top !== at.top || this.at.left !== at.left)) this.guard?.rearm();
    this.at = at;
  }

  private readonly reposition = () => {
    if (this.card) this.place(this.card);
  };

  private readonly onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    if (event.key === 'Escape') {
      this.close(true);
      return;
    }
    // Opened by mouse, the card took no focus: the next Tab leads into it first.
    if (event.key === 'Tab' && this.host && !event.composedPath().includes(this.host)) {
      event.preventDefault();
      this.focusFirst();
    }
  };

  private readonly onOutside = (event: PointerEvent) => {
    if (this.host && !event.composedPath().includes(this.host)) this.close();
  };
}

/** What the card says when it refused a call. */
export function refusal(reason: Tampering): string {
  return reason === 'covered' ? t('cardRefusedCovered') : t('cardRefusedChanged');
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

import type { Point, Surface } from '../driver';

/**
 * The on-page call card, the one place that reaches into it: its host `<net2phone-call-card>` on
 * `<html>` and its (for now open) shadow root. Issue 10 closes the root; then only this file
 * changes. Clicks are real (trusted) unless the method says a page script does them.
 */
export interface CardState {
  open: boolean;
  /** The Call button's label ("Call +1 973-555-1212"), null when there is none. */
  button: string | null;
  /** The status or alert line. */
  status: string;
  /** Whether it offers "Sign in to net2phone". */
  signIn: boolean;
  /** The number at its head, as the parser read it, or that it read none. */
  heading: string;
  /** Everything it says. */
  text: string;
  /** Where it is, in the page's client coordinates. */
  box: { top: number; bottom: number; left: number; right: number } | null;
}

const TIMEOUT_MS = 5_000;

export class Card {
  constructor(readonly surface: Surface) {}

  state(): Promise<CardState> {
    return this.surface.world(() => {
      const root = document.querySelector('net2phone-call-card')?.shadowRoot;
      const status = root?.querySelector('[role=status], [role=alert]');
      const card = root?.querySelector('[role=dialog]')?.getBoundingClientRect();
      return {
        open: document.querySelector('net2phone-call-card') !== null,
        button: root?.querySelector('button.call')?.textContent ?? null,
        status: status?.textContent ?? '',
        signIn: root?.querySelector('button.signin') != null,
        heading: root?.querySelector('.number')?.textContent ?? '',
        text: root?.querySelector('[role=dialog]')?.textContent ?? '',
        box: card
          ? { top: card.top, bottom: card.bottom, left: card.left, right: card.right }
          : null,
      };
    }, null);
  }

  /** Waits until `done` holds for the card's state; returns that state. */
  async until(done: (state: CardState) => boolean, what: string): Promise<CardState> {
    const deadline = Date.now() + TIMEOUT_MS;
    let state = await this.state();
    while (!done(state)) {
      if (Date.now() > deadline) throw new Error(`the card ${what}: ${JSON.stringify(state)}`);
      await new Promise((r) => setTimeout(r, 30));
      state = await this.state();
    }
    return state;
  }

  /** The card once open; its Call button's label. */
  async opened(): Promise<string | null> {
    return (await this.until((s) => s.open, 'did not open')).button;
  }

  async closed(): Promise<void> {
    await this.until((s) => !s.open, 'did not close');
  }

  /** The status line once it matches. */
  async status(matching: string | RegExp): Promise<CardState> {
    return this.until(
      (s) => (typeof matching === 'string' ? s.status.includes(matching) : matching.test(s.status)),
      `never said ${matching}`,
    );
  }

  /** The user clicks Call. */
  async call() {
    await this.surface.clickAt(await this.centreOf('button.call'));
  }

  /** The user clicks "Sign in to net2phone". */
  async signIn() {
    await this.surface.clickAt(await this.centreOf('button.signin'));
  }

  /** Where the Call button is (e.g. to click there after a page script removed the card). */
  callButtonCentre(): Promise<Point> {
    return this.centreOf('button.call');
  }

  private async centreOf(selector: string): Promise<Point> {
    const point = await this.surface.world((selector: string) => {
      const button = document
        .querySelector('net2phone-call-card')
        ?.shadowRoot?.querySelector(selector);
      const rect = button?.getBoundingClientRect();
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    }, selector);
    if (!point) throw new Error(`the card shows no ${selector}`);
    return point;
  }

  // What page scripts may try (DESIGN rule 2): none of it may place a call.

  /** A page script calls `.click()` on the Call button. */
  pageClicksCall() {
    return this.surface.world(() => {
      const button = document
        .querySelector('net2phone-call-card')
        ?.shadowRoot?.querySelector('button.call');
      if (!(button instanceof HTMLButtonElement)) throw new Error('no Call button to attack');
      button.click();
    }, null);
  }

  /** A page script dispatches a full synthetic pointer/mouse sequence on the Call button. */
  async pageDispatchesClickOnCall() {
    const { x, y } = await this.callButtonCentre();
    await this.surface.world(
      ({ x, y }) => {
        const button = document
          .querySelector('net2phone-call-card')
          ?.shadowRoot?.querySelector('button.call');
        if (!button) throw new Error('no Call button to attack');
        const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y };
        button.dispatchEvent(new PointerEvent('pointerdown', init));
        button.dispatchEvent(new MouseEvent('mousedown', init));
        button.dispatchEvent(new MouseEvent('mouseup', init));
        button.dispatchEvent(new MouseEvent('click', { ...init, button: 0, view: window }));
      },
      { x, y },
    );
  }

  /** A page script focuses the Call button and dispatches Enter and Space key events on it. */
  pageKeysOnCall() {
    return this.surface.world(() => {
      const button = document
        .querySelector('net2phone-call-card')
        ?.shadowRoot?.querySelector('button.call');
      if (!(button instanceof HTMLButtonElement)) throw new Error('no Call button to attack');
      button.focus();
      for (const key of ['Enter', ' ']) {
        for (const type of ['keydown', 'keypress', 'keyup']) {
          button.dispatchEvent(
            new KeyboardEvent(type, { key, code: key === ' ' ? 'Space' : key, bubbles: true }),
          );
        }
      }
    }, null);
  }

  /** A page script removes the card's host from the document. */
  pageRemovesCard() {
    return this.surface.world(() => document.querySelector('net2phone-call-card')?.remove(), null);
  }
}

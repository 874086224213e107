import type { Point, Surface } from '../driver';

/**
 * The on-page call card, the one place that reaches into it: its host `<div data-net2phone-call-card>` on
 * `<html>` (shown in the top layer) and its CLOSED shadow root, which the page gets null for and
 * the test reaches through the browser's debugging protocol (`Surface.inShadowRoot`). Clicks are
 * real (trusted) unless the method says a page script does them.
 */
export interface CardState {
  open: boolean;
  /** The Call button's label ("Call +1 973-555-1212"), null when there is none. */
  button: string | null;
  /** The status or alert line. */
  status: string;
  /** The status line's role: `status`, or `alert` for errors and refusals. */
  role: string | null;
  /** Whether it offers "Sign in to net2phone". */
  signIn: boolean;
  /** The number at its head, as the parser read it, or that it read none. */
  heading: string;
  /** Everything it says. */
  text: string;
  /** Where it is, in the page's client coordinates. */
  box: { top: number; bottom: number; left: number; right: number } | null;
  /** The centre of the Call button, in the page's client coordinates. */
  callAt: Point | null;
  /** How long the test has seen the card where it is now (ms): since it opened or last moved. */
  shownMs: number;
}

/** How a page (and the test) finds the card's host: a plain `<div>`, never a custom element. */
export const CARD_HOST = '[data-net2phone-call-card]';

const CLOSED: CardState = {
  open: false,
  button: null,
  status: '',
  role: null,
  signIn: false,
  heading: '',
  text: '',
  box: null,
  callAt: null,
  shownMs: 0,
};

const TIMEOUT_MS = 5_000;

/**
 * How long a person looks at the card before clicking Call: longer than the 500 ms for which the
 * card ignores Call after it opened or moved (a click that soon is not a choice, issue 10).
 */
export const SEEN_MS = 600;

export class Card {
  constructor(readonly surface: Surface) {}

  async state(): Promise<CardState> {
    const inside = await this.surface.inShadowRoot(
      CARD_HOST,
      (root) => {
        const centre = (el: Element | null | undefined) => {
          const r = el?.getBoundingClientRect();
          return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
        };
        const status = root.querySelector('[role=status], [role=alert]');
        const rect = root.querySelector('[role=dialog]')?.getBoundingClientRect();
        const box = rect
          ? { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right }
          : null;
        // When and where the test first saw this card. Kept on the root's main-world object:
        // the page cannot reach a closed root, the content script lives in another world, and
        // nothing of the card's DOM changes.
        const seen = root as unknown as { e2eSeen?: { box: string; at: number } };
        const where = JSON.stringify(box);
        if (seen.e2eSeen?.box !== where) seen.e2eSeen = { box: where, at: performance.now() };
        return {
          open: root.host.isConnected,
          button: root.querySelector('button.call')?.textContent ?? null,
          status: status?.textContent ?? '',
          role: status?.getAttribute('role') ?? null,
          signIn: root.querySelector('button.signin') != null,
          heading: root.querySelector('.number')?.textContent ?? '',
          text: root.querySelector('[role=dialog]')?.textContent ?? '',
          box,
          callAt: centre(root.querySelector('button.call')),
          shownMs: performance.now() - seen.e2eSeen.at,
        };
      },
      null,
    );
    return inside?.open ? inside : CLOSED;
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

  /**
   * The user clicks Call as a person does: once the card has been in view, where it is now, for
   * SEEN_MS (counted from when the test first saw it there, so never less than that).
   */
  async call() {
    const state = await this.until(
      (s) => s.callAt !== null && s.shownMs >= SEEN_MS,
      `showed no Call button for ${SEEN_MS} ms`,
    );
    await this.surface.clickAt(state.callAt as Point);
  }

  /** A real click on Call at once, however briefly the card has been shown. */
  async callImmediately() {
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
    const point = await this.surface.inShadowRoot(
      CARD_HOST,
      (root, selector: string) => {
        const rect = root.querySelector(selector)?.getBoundingClientRect();
        return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
      },
      selector,
    );
    if (!point) throw new Error(`the card shows no ${selector}`);
    return point;
  }

  // What page scripts may try (DESIGN rule 2): none of it may place a call. The root is closed,
  // so the page reaches at best the host; each attempt returns what the page could reach.

  /** A page script looks for the Call button (`host.shadowRoot`) and calls `.click()` on what it found. */
  pageClicksCall(): Promise<PageReach> {
    return this.surface.world((host: string) => {
      const card = document.querySelector(host) as HTMLElement | null;
      if (!card) throw new Error('no card to attack');
      const button = card.shadowRoot?.querySelector('button.call') as HTMLElement | null;
      const target = button ?? card;
      target.click();
      return { shadowRoot: card.shadowRoot !== null, target: target.localName };
    }, CARD_HOST);
  }

  /**
   * A page script dispatches a full synthetic pointer/mouse sequence where the Call button is, on
   * the deepest element it can reach there (`elementFromPoint`; the button itself if it could).
   */
  async pageDispatchesClickOnCall(): Promise<PageReach> {
    const { x, y } = await this.callButtonCentre();
    return this.surface.world(
      ({ x, y, host }) => {
        const card = document.querySelector(host) as HTMLElement | null;
        if (!card) throw new Error('no card to attack');
        const target =
          (card.shadowRoot?.querySelector('button.call') as Element | null) ??
          document.elementFromPoint(x, y);
        if (!target) throw new Error('nothing at the Call button');
        const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y };
        target.dispatchEvent(new PointerEvent('pointerdown', init));
        target.dispatchEvent(new MouseEvent('mousedown', init));
        target.dispatchEvent(new MouseEvent('mouseup', init));
        target.dispatchEvent(new MouseEvent('click', { ...init, button: 0, view: window }));
        return { shadowRoot: card.shadowRoot !== null, target: target.localName };
      },
      { x, y, host: CARD_HOST },
    );
  }

  /** A page script focuses what it can reach of the Call button and dispatches Enter and Space on it. */
  pageKeysOnCall(): Promise<PageReach> {
    return this.surface.world((host: string) => {
      const card = document.querySelector(host) as HTMLElement | null;
      if (!card) throw new Error('no card to attack');
      const target = (card.shadowRoot?.querySelector('button.call') as HTMLElement | null) ?? card;
      target.focus();
      for (const key of ['Enter', ' ']) {
        for (const type of ['keydown', 'keypress', 'keyup']) {
          target.dispatchEvent(
            new KeyboardEvent(type, {
              key,
              code: key === ' ' ? 'Space' : key,
              bubbles: true,
              composed: true,
            }),
          );
        }
      }
      return { shadowRoot: card.shadowRoot !== null, target: target.localName };
    }, CARD_HOST);
  }

  /** A page script removes the card's host from the document. */
  pageRemovesCard() {
    return this.surface.world((host: string) => document.querySelector(host)?.remove(), CARD_HOST);
  }
}

/** What a page script reached of the card: whether it got a shadow root, and what it acted on. */
export interface PageReach {
  shadowRoot: boolean;
  target: string;
}

/** What a page script reaches of a closed card: no root, only the host. */
export const ONLY_THE_HOST: PageReach = { shadowRoot: false, target: 'div' };

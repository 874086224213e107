/**
 * What keeps a page from turning a real click into a call the user did not see (issue 10,
 * DESIGN rule 2): the card's host sits in the top layer, where no ordinary element can cover
 * it; anything the page does to the host, to `<html>`'s style or to the top layer closes the
 * card; and at the moment of a Call click or key, the call counts only if the card is on top,
 * unaltered, seen by the browser as visible, and has not just appeared or moved.
 */

/** Why a call was refused or the card closed; the user is told which. */
export type Tampering = 'covered' | 'changed';

/** Clicks and keys on Call this soon after the card opened or moved are not the user's choice. */
export const ARM_DELAY_MS = 500;

/** Properties that can hide, cover, move or fade an element; compared at open and at Call. */
const LOOKS = [
  'opacity',
  'filter',
  'transform',
  'translate',
  'scale',
  'rotate',
  'visibility',
  'clipPath',
  'maskImage',
  'mixBlendMode',
  'position',
  'display',
  'contentVisibility',
  'zoom',
] as const;

/** What the host itself must look like: our inline `all: initial !important` sets all of it. */
const HOST_LOOKS: Partial<Record<(typeof LOOKS)[number], string>> = {
  opacity: '1',
  filter: 'none',
  transform: 'none',
  visibility: 'visible',
  clipPath: 'none',
  maskImage: 'none',
  mixBlendMode: 'normal',
  position: 'fixed',
};

function looksOf(element: Element): string[] {
  const style = getComputedStyle(element) as unknown as Record<string, string | undefined>;
  return LOOKS.map((name) => style[name] ?? '');
}

export interface GuardOptions {
  host: HTMLElement;
  /** The Call button (inside the closed shadow root). */
  button: () => HTMLElement | null;
  /** The page did something that ends the card (it closes and the user is told). */
  onTampered: (reason: Tampering) => void;
  /** The host left the document (the page removed it): the card just closes. */
  onRemoved: () => void;
}

export class CardGuard {
  private armedAt = 0;
  private readonly looks: { host: string[]; root: string[] };
  private readonly mutations: MutationObserver;
  private visibility: IntersectionObserver | null = null;
  /** IntersectionObserver v2's last word on the Call button; null before the first. */
  private visible: boolean | null = null;

  constructor(private readonly options: GuardOptions) {
    const { host } = options;
    this.looks = { host: looksOf(host), root: looksOf(document.documentElement) };
    this.mutations = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'childList') {
          if (!host.isConnected) return options.onRemoved();
        } else if (record.target === host || record.attributeName === 'style') {
          return options.onTampered('changed');
        }
      }
    });
    this.mutations.observe(host, { attributes: true });
    this.mutations.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['style'],
      childList: true,
    });
    document.addEventListener('toggle', this.onToggle, true);
    document.addEventListener('fullscreenchange', this.onFullscreen, true);
    this.watchVisibility();
    this.rearm();
  }

  /** The card opened or moved: Call waits ARM_DELAY_MS before it counts. */
  rearm(): void {
    this.armedAt = performance.now() + ARM_DELAY_MS;
  }

  get armed(): boolean {
    return performance.now() >= this.armedAt;
  }

  /** Null when a Call click or key may place the call; else why not. */
  check(event: MouseEvent): Tampering | null {
    const { host } = this.options;
    if (!host.isConnected) return 'changed';
    if (inTopLayerSupport() && !host.matches(':popover-open')) return 'changed';
    const now = { host: looksOf(host), root: looksOf(document.documentElement) };
    if (now.host.join('|') !== this.looks.host.join('|')) return 'changed';
    if (now.root.join('|') !== this.looks.root.join('|')) return 'changed';
    const style = getComputedStyle(host) as unknown as Record<string, string | undefined>;
    for (const [name, value] of Object.entries(HOST_LOOKS)) {
      if (style[name] !== undefined && style[name] !== value) return 'changed';
    }
    const point = this.pointOf(event);
    if (!point || document.elementsFromPoint(point.x, point.y)[0] !== host) return 'covered';
    if (this.visible === false) return 'covered';
    return null;
  }

  stop(): void {
    this.mutations.disconnect();
    this.visibility?.disconnect();
    document.removeEventListener('toggle', this.onToggle, true);
    document.removeEventListener('fullscreenchange', this.onFullscreen, true);
  }

  /** Where the user acted: the pointer, or the button's centre for a key (detail 0). */
  private pointOf(event: MouseEvent): { x: number; y: number } | null {
    if (event.detail > 0) return { x: event.clientX, y: event.clientY };
    const rect = this.options.button()?.getBoundingClientRect();
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }

  /**
   * Chromium's IntersectionObserver v2 (`trackVisibility`) says whether anything covers, fades
   * or transforms the button, as painted. Firefox has no v2; the top layer and the checks above
   * stand alone there.
   */
  private watchVisibility(): void {
    const button = this.options.button();
    if (!button || !('isVisible' in IntersectionObserverEntry.prototype)) return;
    const init = { trackVisibility: true, delay: 100, threshold: [1] } as IntersectionObserverInit;
    this.visibility = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1] as
        | (IntersectionObserverEntry & { isVisible?: boolean })
        | undefined;
      if (last) this.visible = last.isVisible === true;
    }, init);
    this.visibility.observe(button);
  }

  /** Another popover or dialog entering the top layer would sit above the card. */
  private readonly onToggle = (event: Event) => {
    const state = (event as Event & { newState?: string }).newState;
    const { host } = this.options;
    if (event.target === host) {
      if (state === 'closed') this.options.onTampered('changed');
    } else if (state === 'open') {
      this.options.onTampered('covered');
    }
  };

  private readonly onFullscreen = () => {
    this.options.onTampered('covered');
  };
}

/** Whether this browser has popovers (the top layer for ordinary elements). */
export function inTopLayerSupport(): boolean {
  return typeof HTMLElement.prototype.showPopover === 'function';
}

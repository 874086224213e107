const GAP = 6;
const MARGIN = 8;

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Where the card goes: below its number, or above it when there is no room below, always
 * wholly inside `view` (the visual viewport) when it fits.
 */
export function cardPosition(
  anchor: Area,
  size: { width: number; height: number },
  view: Area,
): { top: number; left: number } {
  let top = anchor.bottom + GAP;
  if (
    top + size.height > view.bottom - MARGIN &&
    anchor.top - GAP - size.height >= view.top + MARGIN
  ) {
    top = anchor.top - GAP - size.height;
  }
  const left = Math.min(
    Math.max(anchor.left, view.left + MARGIN),
    Math.max(view.left + MARGIN, view.right - size.width - MARGIN),
  );
  return {
    top: Math.max(view.top + MARGIN, Math.min(top, view.bottom - size.height - MARGIN)),
    left,
  };
}

/**
 * The part of the layout viewport the user sees (pinch zoom moves it), in client coordinates.
 * Not `documentElement.clientHeight`: in quirks mode (no doctype) that is the whole page's
 * height, and the card never flipped above a number near the bottom (issue 9).
 */
export function visibleArea(): Area {
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

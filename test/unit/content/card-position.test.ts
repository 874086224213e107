import { describe, expect, it } from 'vitest';
import { cardPosition } from '../../../src/content/card-position';

const view = { top: 0, left: 0, bottom: 800, right: 1200 };
const size = { width: 300, height: 120 };

describe('where the call card goes', () => {
  it('below its number when there is room', () => {
    expect(cardPosition({ top: 100, bottom: 120, left: 50, right: 150 }, size, view)).toEqual({
      top: 126,
      left: 50,
    });
  });

  it('above a number near the bottom of the window, wholly inside it', () => {
    const at = cardPosition({ top: 760, bottom: 780, left: 50, right: 150 }, size, view);
    expect(at.top + size.height).toBeLessThanOrEqual(760);
    expect(at.top).toBeGreaterThanOrEqual(0);
  });

  it('inside the visible part of a pinch-zoomed page, and never past its right edge', () => {
    const zoomed = { top: 400, left: 600, bottom: 700, right: 1000 };
    const at = cardPosition({ top: 650, bottom: 670, left: 880, right: 960 }, size, zoomed);
    expect(at.left + size.width).toBeLessThanOrEqual(zoomed.right);
    expect(at.left).toBeGreaterThanOrEqual(zoomed.left);
    expect(at.top).toBeGreaterThanOrEqual(zoomed.top);
    expect(at.top + size.height).toBeLessThanOrEqual(zoomed.bottom);
  });
});

import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/i18n', () => ({ t: (key: string) => key }));

import { createConfirmations } from '../../../src/background/confirmations';
import type { ConfirmationView } from '../../../src/shared/messages';

const view: ConfirmationView = {
  display: '+1 876-927-1234',
  place: 'Jamaica',
  reasons: ['northAmerica'],
};

function setup(windowId: number | Error = 7) {
  const opened: string[] = [];
  const removed: number[] = [];
  const confirmations = createConfirmations(
    async (id) => {
      opened.push(id);
      if (windowId instanceof Error) throw windowId;
      return windowId;
    },
    (id) => removed.push(id),
  );
  return { confirmations, opened, removed };
}

describe('confirmations', () => {
  it('opens one window per call and shows it what to ask', async () => {
    const { confirmations, opened } = setup();
    void confirmations.ask(view);
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(confirmations.view(opened[0] as string)).toEqual({ ok: true, value: view });
  });

  it('Cancel, or closing the window, is no; the answer is given once', async () => {
    const { confirmations, opened } = setup();
    const first = confirmations.ask(view);
    const second = confirmations.ask(view);
    await vi.waitFor(() => expect(opened).toHaveLength(2));
    expect(await confirmations.answer(opened[0] as string, false)).toEqual({
      ok: true,
      value: null,
    });
    expect(await first).toEqual({ go: false });
    // Both windows have id 7 here; the first is settled already, so closing settles the second.
    await Promise.resolve();
    confirmations.windowClosed(7);
    expect(await second).toEqual({ go: false });
    expect(await confirmations.answer(opened[0] as string, true)).toEqual({
      ok: false,
      error: { code: 'expired', message: 'confirmExpired' },
    });
  });

  it('Call says go, and the window gets the outcome the caller reports', async () => {
    const { confirmations, opened } = setup();
    const decision = confirmations.ask(view);
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    const answered = confirmations.answer(opened[0] as string, true);
    const { go, report } = await decision;
    expect(go).toBe(true);
    const placed = {
      ok: true as const,
      value: { dial: '18769271234', display: '+1 876-927-1234' },
    };
    report?.(placed);
    expect(await answered).toEqual(placed);
  });

  it('a window that cannot open is no, never a call', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { confirmations } = setup(new Error('no windows here'));
    expect(await confirmations.ask(view)).toEqual({ go: false });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
